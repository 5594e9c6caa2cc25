"""CPU instructions per request, counted in-process under valgrind (callgrind).

Run by bench/run.py as

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        python bench/instructions.py URL COUNT

once with COUNT=0 and once with COUNT=n for each URL: (Ir(n) - Ir(0)) / n is the cost of one
request through the whole WSGI stack (middleware, view, templates, database client), without
start-up. The page cache is off (PAGE_CACHE=off in the environment) and two warm-up requests
run in both cases, so renditions, content types and compiled templates are already there.

Quicker, for profiling work: with `--requests-only` as third argument, run under
`valgrind --tool=callgrind --instr-atstart=no`, the script switches instrumentation on itself
(`callgrind_control -i on`) after the warm-ups, so "Collected" counts the n requests plus a
fixed cost of the switch; the difference between n=5 and n=1, divided by 4, is the cost of one
request (the same figure as the two-run method, in a fraction of the time):

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null \
        python bench/instructions.py URL 5 --requests-only

With `--after-change` every counted request is the first after a change to the content (the
generation is bumped before it), so nothing the site remembers until content changes (the
layout's site, menu and funding statement, the news listings' aggregates) is reused.
"""

import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")


def request(application, url):
    path, _, query = url.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    status = []
    body = b"".join(application(environ, lambda s, h, exc_info=None: status.append(s)))
    if not status[0].startswith("200"):
        raise SystemExit(f"{url}: {status[0]}")
    return body


def main():
    url, count = sys.argv[1], int(sys.argv[2])
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    for _ in range(2):
        request(application, url)
    if "--requests-only" in sys.argv[3:]:
        import subprocess

        switch = ["callgrind_control", "-i", "on", str(os.getpid())]
        subprocess.run(switch, check=True, capture_output=True)
    after_change = "--after-change" in sys.argv[3:]
    if after_change:
        from home.pagecache.cache import bump_generation
    for _ in range(count):
        if after_change:
            bump_generation()  # each request is the first after a change: nothing remembered
        request(application, url)


if __name__ == "__main__":
    main()
