"""Keeping the site up when the infrastructure under it fails.

- `ResilientRedisCache`: django-redis's cache backend (one redis-py client per process, reused
  by every call: Django's own Redis backend builds a new client for each call, which cost more
  than the round trip on a page cache hit), except that when Redis cannot be reached every
  operation behaves as a cache miss (and writes are dropped) instead of raising, so pages are
  rendered from the database: slower, not broken. After a failure Redis is left alone for
  PORTAL_CACHE_RETRY_SECONDS, so an unreachable server costs one connection timeout per
  interval and process, not one per cache call. The first call after that interval sends
  `cache_recovered` before it runs, and so does a call that had to open a new connection
  (Redis restarted, perhaps with its data from before the outage), so that what the cache
  kept while it was out of reach is put right first: the page cache re-syncs its content
  generation from the database, where a change published during the outage bumped it.
- `DatabaseUnavailableMiddleware`: when the database cannot be reached (PostgreSQL restarting,
  say), visitors get a short translated 503 page with Retry-After instead of a 500, rendered
  without touching the database. Nothing needs restarting afterwards: Django opens a new
  connection on the next request (CONN_HEALTH_CHECKS checks a persistent one first).
"""

import itertools
import logging
import sys
import threading
import time

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import Signal, receiver
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django_redis.cache import RedisCache
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("portal.resilience")

CACHE_ERRORS = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, OSError)
DATABASE_ERRORS = (OperationalError, InterfaceError)


# Sent (sender: the client's class, client=the client) when the cache may hold what was true
# before an outage: before the first call that tries Redis again after an error in this
# process, and after a call that had to open a new connection (this process's first, or Redis
# restarted, perhaps with its data from before the outage, while other processes made the
# changes). Receivers may use the cache.
cache_recovered = Signal()
_notifying = threading.local()
READS = {"get", "get_many", "has_key"}

# Connections opened to Redis by this process, counted by redis-py's connect callback
# (django-redis shares a connection pool between the clients of one server address, so the
# count is the process's; a client that sees it move has had a connection opened afresh).
_connections_opened = itertools.count(1)
_opened = {"count": 0}


def _count_connection(connection):
    connection.on_connect()
    _opened["count"] = next(_connections_opened)


def _notify(client):
    if getattr(_notifying, "active", False):  # a receiver's own cache calls
        return
    _notifying.active = True
    try:
        cache_recovered.send(sender=type(client), client=client)
    finally:
        _notifying.active = False


def _resilient(name, result):
    """A django-redis client method that answers `result(*args, **kwargs)` while Redis is
    unreachable (what a miss, or a write that did nothing, answers)."""
    original = getattr(DefaultClient, name)

    def call(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except CACHE_ERRORS as error:
            self.down_until = time.monotonic() + settings.PORTAL_CACHE_RETRY_SECONDS
            logger.warning("Cache unavailable, serving without it: %s", error)
            return result(*args, **kwargs)

    def method(self, *args, **kwargs):
        if self.down_until:
            if time.monotonic() < self.down_until:
                return result(*args, **kwargs)
            self.down_until = 0.0
            _notify(self)
            if self.down_until:  # still unreachable
                return result(*args, **kwargs)
        value = call(self, *args, **kwargs)
        if self.connections_seen != _opened["count"] and not getattr(_notifying, "active", False):
            self.connections_seen = _opened["count"]
            _notify(self)
            if name in READS:  # read again what the receivers may have put right
                value = call(self, *args, **kwargs)
        return value

    method.__name__ = name
    return method


def _missing_key(*args, **kwargs):
    raise ValueError(f"Key '{args[0]}' not found.")  # what incr() of a missing key raises


def _default(key, default=None, **kwargs):
    return default


class ResilientRedisClient(DefaultClient):
    """django-redis's client (its documented CLIENT_CLASS option) with the fallbacks above."""

    down_until = 0.0
    connections_seen = 0

    def __init__(self, server, params, backend):
        options = params.get("OPTIONS", {})
        pool_options = {
            **options.get("CONNECTION_POOL_KWARGS", {}),
            # redis-py calls this for every connection it opens.
            "redis_connect_func": _count_connection,
        }
        options = {**options, "CONNECTION_POOL_KWARGS": pool_options}
        super().__init__(server, {**params, "OPTIONS": options}, backend)

    add = _resilient("add", lambda *args, **kwargs: False)
    get = _resilient("get", _default)
    set = _resilient("set", lambda *args, **kwargs: False)
    touch = _resilient("touch", lambda *args, **kwargs: False)
    delete = _resilient("delete", lambda *args, **kwargs: 0)
    get_many = _resilient("get_many", lambda *args, **kwargs: {})
    has_key = _resilient("has_key", lambda *args, **kwargs: False)
    incr = _resilient("incr", _missing_key)
    set_many = _resilient("set_many", lambda *args, **kwargs: [])
    delete_many = _resilient("delete_many", lambda *args, **kwargs: 0)
    clear = _resilient("clear", lambda *args, **kwargs: False)


class ResilientRedisCache(RedisCache):
    """Use as CACHES BACKEND "home.operations.resilience.ResilientRedisCache" (production does);
    OPTIONS are django-redis's (SOCKET_CONNECT_TIMEOUT, SOCKET_TIMEOUT...)."""

    def __init__(self, server, params):
        options = {
            "CLIENT_CLASS": "home.operations.resilience.ResilientRedisClient",
            **params.get("OPTIONS", {}),
        }
        super().__init__(server, {**params, "OPTIONS": options})


def service_unavailable(request):
    """The 503 page in the language of the URL (or the visitor's), without the database."""
    language = translation.get_language_from_path(request.path_info)
    with translation.override(language or translation.get_language()):
        content = loader.render_to_string("503.html", {"request_path": request.path})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(settings.PORTAL_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@receiver(got_request_exception, dispatch_uid="portal-database-unavailable")
def _remember_database_errors(sender, request=None, **kwargs):
    """Marks requests that failed because of the database anywhere (in a middleware too, where
    process_exception does not reach), so that the middleware can answer 503 instead of 500."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        request.portal_database_unavailable = True


class DatabaseUnavailableMiddleware:
    """Answers 503 (friendly page, Retry-After) when the database is unreachable. Sits near the
    top of MIDDLEWARE so that it also sees failures in the session and authentication layers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "portal_database_unavailable", False):
            return service_unavailable(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("Database unavailable, answering 503: %s", exception)
            return service_unavailable(request)
        return None
