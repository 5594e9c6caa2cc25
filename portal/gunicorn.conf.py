"""gunicorn configuration: `gunicorn -c portal/gunicorn.conf.py portal.wsgi`.

Every value can be changed from the environment (see docs/deployment.md). Sync workers: the
site renders pages, it does not hold connections open, and a sync worker that dies takes only
the one request it was serving with it; the master starts a replacement at once.
"""

import multiprocessing
import os


def _int(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# (2 x cores) + 1 is gunicorn's own rule of thumb for sync workers.
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
threads = 1
# A worker busy for longer than this is killed and replaced (its request gets a 502 from the
# proxy); graceful_timeout is how long a worker may finish its request on reload or shutdown.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle each worker after this many requests (plus a random jitter, so that workers do not
# all restart at once) to bound the growth of any slow memory leak.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)
# Load Django once in the master and fork the workers from it: faster start, shared memory.
# Database connections are opened per worker on first use, never in the master.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() == "true"
# The proxy in front sets X-Forwarded-For/-Proto; trust it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
limit_request_line = 8190
limit_request_fields = 100

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Client address (from the proxy), request line, status, size, duration in microseconds,
# referrer, user agent.
access_log_format = '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(b)s %(D)sus "%(f)s" "%(a)s"'
proc_name = "cluster-portal"
