"""Keeping the site up when the infrastructure under it fails.

- `ResilientRedisCache`: Django's Redis cache backend, except that when Redis cannot be reached
  every operation behaves as a cache miss (and writes are dropped) instead of raising, so pages
  are rendered from the database: slower, not broken. After a failure Redis is left alone for
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

import logging
import sys
import threading
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import Signal, receiver
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("portal.resilience")

CACHE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
DATABASE_ERRORS = (OperationalError, InterfaceError)


# Sent (sender: the client's class, client=the client) when the cache may hold what was true
# before an outage: before the first call that tries Redis again after an error in this
# process, and after a call that had to open a new connection (this process's first, or Redis
# restarted, perhaps with its data from before the outage, while other processes made the
# changes). Receivers may use the cache.
cache_recovered = Signal()
_notifying = threading.local()
READS = {"get", "get_many", "has_key"}


def _notify(client):
    if getattr(_notifying, "active", False):  # a receiver's own cache calls
        return
    _notifying.active = True
    try:
        cache_recovered.send(sender=type(client), client=client)
    finally:
        _notifying.active = False


def _fallback(name, result):
    """A RedisCacheClient method that answers `result(*args)` while Redis is unreachable."""
    original = getattr(RedisCacheClient, name)

    def call(self, *args):
        try:
            return original(self, *args)
        except CACHE_ERRORS as error:
            self.down_until = time.monotonic() + settings.PORTAL_CACHE_RETRY_SECONDS
            logger.warning("Cache unavailable, serving without it: %s", error)
            return result(*args)

    def method(self, *args):
        if self.down_until:
            if time.monotonic() < self.down_until:
                return result(*args)
            self.down_until = 0.0
            _notify(self)
            if self.down_until:  # still unreachable
                return result(*args)
        value = call(self, *args)
        if self.connected_afresh and not getattr(_notifying, "active", False):
            self.connected_afresh = False
            _notify(self)
            if name in READS:  # read again what the receivers may have put right
                value = call(self, *args)
        return value

    method.__name__ = name
    return method


def _missing_key(*args):
    raise ValueError(f"Key '{args[0]}' not found.")  # what incr() of a missing key raises


class ResilientRedisCacheClient(RedisCacheClient):
    down_until = 0.0
    connected_afresh = False

    def __init__(self, servers, **options):
        # redis-py calls this for every connection it opens (OPTIONS go to its connection pool).
        super().__init__(servers, redis_connect_func=self.on_connect, **options)

    def on_connect(self, connection):
        connection.on_connect()
        self.connected_afresh = True

    add = _fallback("add", lambda key, value, timeout: False)
    get = _fallback("get", lambda key, default: default)
    set = _fallback("set", lambda key, value, timeout: None)
    touch = _fallback("touch", lambda key, timeout: False)
    delete = _fallback("delete", lambda key: False)
    get_many = _fallback("get_many", lambda keys: {})
    has_key = _fallback("has_key", lambda key: False)
    incr = _fallback("incr", _missing_key)
    set_many = _fallback("set_many", lambda data, timeout: [])
    delete_many = _fallback("delete_many", lambda keys: None)
    clear = _fallback("clear", lambda: False)


class ResilientRedisCache(RedisCache):
    """Use as CACHES BACKEND "home.operations.resilience.ResilientRedisCache" (production does)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient


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
