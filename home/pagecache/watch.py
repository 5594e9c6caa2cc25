"""The content generation followed by each process through a Redis subscription, and the page
cache entries it serves, kept in its memory: a hit without a round trip to Redis.

Without this a hit costs one round trip (the generation and the entry, read together), which
on a page of 12 kB was most of what a hit cost beyond a static file. With Redis (django-redis),
every write of the generation is one Lua script that sets it and publishes the new value on a
channel of the same name, so subscribers see the values in the order Redis stored them.
Each process subscribes once and, before answering, reads without waiting what has arrived on
its subscription (a poll of the socket: the message of a publish is on every subscriber's
socket before the publishing request has even returned), so it knows the current generation
without asking, and keeps the entries it read or stored under their generation.

It vouches for the generation only while the subscription is up and was confirmed before the
generation was read; after any error, a reconnection or every RECHECK_SECONDS (a value set
behind the application's back), it reads the generation again, and in between `current()`
answers None and the caller reads Redis as before. Other cache backends (local memory in
development) have no watcher.
"""

import contextlib
import logging
import os
import threading
import time
import weakref
from collections import OrderedDict

from django.conf import settings
from django_redis import get_redis_connection
from django_redis.cache import RedisCache as DjangoRedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("portal.caching")

# KEYS[1] the generation's key, also the channel; ARGV[1] the value.
WRITE_SCRIPT = """
redis.call('SET', KEYS[1], ARGV[1])
redis.call('PUBLISH', KEYS[1], ARGV[1])
return 1
"""
RECHECK_SECONDS = 10
SUBSCRIBE_WAIT = 1.0  # seconds for the confirmation of a new subscription
CACHE_ERRORS = (RedisError, OSError, ValueError)


class GenerationWatcher:
    """One per cache backend object (django's caches are per thread)."""

    def __init__(self, cache, alias, key, read_generation):
        self.cache = cache
        self.key = cache.make_key(key)
        self.redis = get_redis_connection(alias)
        self.script = self.redis.register_script(WRITE_SCRIPT)
        self.read_generation = read_generation  # reads Redis (and the database if missing)
        self.pid = os.getpid()
        self.pubsub = None
        self.confirmed = False
        self.generation = None
        self.retry_at = 0.0
        self.recheck_at = 0.0
        self.entries = OrderedDict()
        self.entry_bytes = 0

    # The generation -----------------------------------------------------------------------

    def write(self, value):
        """Store and publish `value`; False when Redis could not be reached (after an error
        it is not tried again for PORTAL_CACHE_RETRY_SECONDS)."""
        if time.monotonic() < self.retry_at:
            return False
        try:
            self.script(keys=[self.key], args=[value])
            return True
        except CACHE_ERRORS as error:
            logger.warning("Could not publish the page cache generation: %s", error)
            self.drop()
            return False

    def current(self):
        """The current generation, known without a round trip; None when this process cannot
        vouch for it right now."""
        try:
            if self.pubsub is None and not self.subscribe():
                return None
            connection = self.pubsub.connection
            if not self.confirmed or connection is None or connection.can_read(timeout=0):
                self.drain()
            if not self.confirmed:
                return None
            if self.generation is None or time.monotonic() >= self.recheck_at:
                self.generation = self.read_generation(self.cache)
                self.recheck_at = time.monotonic() + RECHECK_SECONDS
            return self.generation
        except CACHE_ERRORS as error:
            logger.warning("Page cache subscription lost: %s", error)
            self.drop()
            return None

    def vouches_for(self, generation):
        """Is `generation` the one this process knows to be current (not one read while
        Redis was unreachable)?"""
        return self.confirmed and generation is not None and generation == self.generation

    def subscribe(self):
        if time.monotonic() < self.retry_at:
            return False
        self.pubsub = self.redis.pubsub()
        self.pubsub.subscribe(self.key)
        # A reconnection (which re-subscribes) may have missed messages: read the value again.
        self.pubsub.connection.register_connect_callback(self.reconnected)
        return True

    def reconnected(self, connection):
        self.confirmed = False
        self.generation = None

    def drain(self):
        """Take in what arrived on the subscription; wait briefly for the confirmation of a
        new one, since the generation may only be read once it is in place."""
        wait = 0.0 if self.confirmed else SUBSCRIBE_WAIT
        while (message := self.pubsub.get_message(timeout=wait)) is not None:
            if message["type"] == "subscribe":
                self.confirmed = True
                self.generation = None  # read it now that no publish can be missed
            elif message["type"] == "message":
                self.generation = int(message["data"])
            wait = 0.0

    def drop(self):
        if self.pubsub is not None:
            with contextlib.suppress(*CACHE_ERRORS):
                self.pubsub.close()
        self.pubsub = None
        self.confirmed = False
        self.generation = None
        self.entries.clear()
        self.entry_bytes = 0
        self.retry_at = time.monotonic() + settings.PORTAL_CACHE_RETRY_SECONDS

    # Entries kept in memory ---------------------------------------------------------------

    def recall(self, key, generation):
        entry = self.entries.get(key)
        if entry is None or entry[0] != generation or entry[-1] < time.time():
            return None
        self.entries.move_to_end(key)
        return entry

    def keep(self, key, entry):
        """Keep `entry` (generation, status, headers, content, expiry time) until it expires,
        least recently used first out, within PORTAL_PAGE_CACHE_MEMORY_BYTES."""
        limit = getattr(settings, "PORTAL_PAGE_CACHE_MEMORY_BYTES", 32 * 2**20)
        size = len(entry[3])
        if size > limit // 8:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.entry_bytes -= len(old[3])
        self.entries[key] = entry
        self.entry_bytes += size
        while self.entry_bytes > limit:
            _key, dropped = self.entries.popitem(last=False)
            self.entry_bytes -= len(dropped[3])


_watchers = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def watcher_for(cache, alias, key, read_generation):
    """The watcher of `key` in this cache backend object, or None when it is not
    django-redis."""
    if not isinstance(cache, DjangoRedisCache):
        return None
    watcher = _watchers.get(cache)
    if watcher is None or watcher.pid != os.getpid():
        with _lock:
            watcher = _watchers[cache] = GenerationWatcher(cache, alias, key, read_generation)
    return watcher
