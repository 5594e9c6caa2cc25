"""A change published while Redis is unreachable is not lost: the content generation lives in
the database, and the cache's copy is re-synced when Redis is back. The Redis server is the
test's own, keeping its data across the restart (appendonly), so that it comes back with the
generation and the cached news index from before the outage: the next request must list the
article published meanwhile, not serve that old copy."""

import pytest
from django.core.cache import caches

from home.pagecache.cache import GENERATION_KEY, HIT_HEADER, stored_generation
from home.pagecache.tests.redis_server import RedisServer
from news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = [
    pytest.mark.skipif(not RedisServer.available(), reason="needs redis-server"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def own_redis(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def page_cache(settings, own_redis):
    settings.PORTAL_PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "home.operations.resilience.ResilientRedisCache",
            "LOCATION": own_redis.url,
            "KEY_PREFIX": "outage-test",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        },
    }
    settings.PORTAL_PAGE_CACHE_ALIAS = "pages"
    settings.PORTAL_CACHE_RETRY_SECONDS = 0  # try Redis again on the next call
    yield caches["pages"]
    caches["pages"].close()


def test_an_article_published_while_redis_is_down_is_listed_once_it_is_back(
    client, home, own_redis, page_cache
):
    index = publish(NewsIndexPageFactory(parent=home))
    publish(NewsPageFactory(parent=index, title="Cluster managers meet in Lyon"))
    for expected in ("miss", "hit"):
        response = client.get(index.url)
        assert response[HIT_HEADER] == expected
    generation_before = page_cache.get(GENERATION_KEY)

    own_redis.stop()
    publish(NewsPageFactory(parent=index, title="BRILLIANT kicks off"))
    assert stored_generation() > generation_before  # in the database only
    assert page_cache.get(GENERATION_KEY) is None  # (Redis is down)
    during = client.get(index.url)
    assert "BRILLIANT kicks off" in during.text  # rendered from the database

    own_redis.start()
    # Redis is back with what it held before the outage: the old generation and the old page.
    assert own_redis.client().dbsize() > 1
    response = client.get(index.url)
    assert "BRILLIANT kicks off" in response.text
    assert response[HIT_HEADER] == "miss"
    assert page_cache.get(GENERATION_KEY) == stored_generation()
    assert client.get(index.url)[HIT_HEADER] == "hit"


def test_a_process_that_never_saw_the_outage_resyncs_when_it_reconnects(
    client, home, own_redis, page_cache, settings
):
    """The article is published through another cache client (as by another process, which
    then exits): the client serving the pages saw no error, only its connection dropped by
    the restart. Opening a new one re-syncs the generation before the lookup is answered."""
    index = publish(NewsIndexPageFactory(parent=home))
    for expected in ("miss", "hit"):
        assert client.get(index.url)[HIT_HEADER] == expected

    own_redis.stop()
    settings.CACHES = {**settings.CACHES, "publisher": settings.CACHES["pages"]}
    settings.PORTAL_PAGE_CACHE_ALIAS = "publisher"
    publish(NewsPageFactory(parent=index, title="BRILLIANT kicks off"))
    caches["publisher"].close()
    settings.PORTAL_PAGE_CACHE_ALIAS = "pages"
    own_redis.start()

    response = client.get(index.url)
    assert "BRILLIANT kicks off" in response.text
    assert page_cache.get(GENERATION_KEY) == stored_generation()


def test_the_sync_command_puts_the_generation_right(home, own_redis, page_cache):
    """What the scheduler's `sync_page_cache` job does when no process saw the outage."""
    from django.core.management import call_command

    stored = stored_generation()
    page_cache.set(GENERATION_KEY, stored - 5, timeout=None)  # as a restored Redis would hold
    call_command("sync_page_cache")
    assert page_cache.get(GENERATION_KEY) == stored
    call_command("sync_page_cache")  # idempotent
    assert page_cache.get(GENERATION_KEY) == stored


def test_an_entry_stored_by_an_earlier_release_is_a_miss_not_an_error(
    client, home, page_cache, settings
):
    """Entries of the format before their expiry time was added (4 fields), found in Redis
    under the current generation right after a deploy, are rendered afresh."""
    index = publish(NewsIndexPageFactory(parent=home))
    assert client.get(index.url)[HIT_HEADER] == "miss"
    keys = page_cache.keys("portal:pagecache:page:*")
    assert keys
    for key in keys:
        page_cache.set(key, page_cache.get(key)[:4], timeout=None)
    settings.CACHES = {**settings.CACHES}  # new cache objects: nothing kept in memory
    # A HEAD reads the entry but stores nothing; the GETs after it must not trip on it.
    assert client.head(index.url).status_code == 200
    for expected in ("miss", "hit"):
        response = client.get(index.url)
        assert response.status_code == 200
        assert response[HIT_HEADER] == expected
