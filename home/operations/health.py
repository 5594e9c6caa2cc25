"""The health endpoint for load balancers and monitoring: /health/ (unprefixed, no login).

200 when the database answers; the cache being down makes the site slower, not unavailable, so
it is reported as "degraded" with a 200. 503 when the database does not answer. Never cached.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("portal.health")


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure means "not usable": report it, never raise
        logger.warning("Health check: database error: %s", error)
        # Drop the broken connection so the next request opens a fresh one.
        connection.close_if_unusable_or_obsolete()
        return "error"
    return "ok"


def cache_status():
    key = "portal:health:probe"
    token = uuid.uuid4().hex
    try:
        cache.set(key, token, 10)
        ok = cache.get(key) == token
    except Exception as error:  # a cache backend that raises counts as down
        logger.warning("Health check: cache error: %s", error)
        ok = False
    return "ok" if ok else "error"


@never_cache
@require_safe
def health(request):
    checks = {"database": database_status(), "cache": cache_status()}
    if checks["database"] != "ok":
        status, code = "error", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, **checks}, status=code)
