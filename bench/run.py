"""The load benchmark: the site under gunicorn with production settings on PostgreSQL, every
public page type loaded at a fixed concurrency beside a static file of the same size served by
the same server (WhiteNoise), cached and uncached. Loopback only. See docs/benchmarks.md.

    .venv/bin/python bench/run.py                       # or: make bench
    .venv/bin/python bench/run.py --news-per-locale 500 --partners 50 ...   # a small site

Steps: create the bench database if needed, migrate, seed_demo, bench/build_large_site.py (timed),
collectstatic; then, for the page cache on and off (PAGE_CACHE=on/off), start gunicorn, load
each URL with N concurrent connections for at most --requests requests or --seconds seconds,
and report requests per second as a ratio to the static file, p50/p99 latency and the peak
RSS of each worker. Finally the CPU instructions per request (valgrind callgrind, in-process,
uncached) for the home page, the news index and a news page.
"""

import argparse
import http.client
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # when run as a script
from bench.server import HOST, ROOT, Gunicorn, free_port  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
if not Path(PYTHON).exists():
    PYTHON = sys.executable


def environment(args, page_cache):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=args.secret_key,
        ALLOWED_HOSTS=f"{HOST},localhost",
        DATABASE_URL=args.database_url,
        DATABASE_CONN_MAX_AGE="600",
        SECURE_SSL_REDIRECT="false",
        PAGE_CACHE="on" if page_cache else "off",
        LOG_LEVEL="ERROR",
        WAGTAILADMIN_BASE_URL=f"http://{HOST}:{args.port}",
    )
    if args.cache_url:
        env["CACHE_URL"] = args.cache_url
    return env


def manage(args, *command, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *command],
        cwd=ROOT,
        env=environment(args, True),
        check=True,
        text=True,
        capture_output=capture,
    )


def prepare(args):
    """Database, demo content, the large site (timed), static files."""
    name = args.database_url.rsplit("/", 1)[-1]
    server = args.database_url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        ["psql", server, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if exists != "1":
        subprocess.run(["psql", server, "-c", f'CREATE DATABASE "{name}"'], check=True)
    manage(args, "migrate", "--noinput", "-v0")
    has_news = (
        manage(
            args,
            "shell",
            "-c",
            "from news.models import NewsIndexPage; print(NewsIndexPage.objects.exists())",
            capture=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    if has_news != "True":
        manage(args, "seed_demo", capture=True)
    started = time.monotonic()
    subprocess.run(
        [
            PYTHON,
            "bench/build_large_site.py",
            f"--news-per-locale={args.news_per_locale}",
            f"--partners={args.partners}",
            f"--projects={args.projects}",
            f"--training={args.training}",
        ],
        cwd=ROOT,
        env=environment(args, True),
        check=True,
    )
    build_seconds = time.monotonic() - started
    manage(args, "collectstatic", "--noinput", "-v0")
    urls = json.loads(
        manage(args, "shell", "-c", "from bench.pages import main; main()", capture=True)
        .stdout.strip()
        .splitlines()[-1]
    )
    return build_seconds, urls


def start_server(args, page_cache):
    """gunicorn with the production settings on the benchmark's port: sync workers, no
    worker recycling during a run (peak memory and latency stay comparable), a timeout long
    enough for the slowest uncached page."""
    options = {
        "GUNICORN_TIMEOUT": "120",
        "GUNICORN_MAX_REQUESTS": "0",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    server = Gunicorn(
        environment(args, page_cache),
        port=args.port,
        workers=args.workers,
        quiet=False,
        options=options,
    )
    return server.wait_until_up(timeout=60, ready=(200, 503))


def fetch(port, url):
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        connection.request("GET", url, headers={"Host": HOST})
        response = connection.getresponse()
        body = response.read()
        return response.status, body, response.getheader("X-Page-Cache")
    finally:
        connection.close()


def load(port, url, concurrency, max_requests, max_seconds):
    """Bounded load: `concurrency` clients, until max_requests or max_seconds."""
    latencies, errors = [], []
    lock = threading.Lock()
    remaining = [max_requests]
    deadline = time.monotonic() + max_seconds

    def client():
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                status = fetch(port, url)[0]
            except OSError as error:
                status = str(error)
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors.append(status)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {
        "requests": len(latencies),
        "errors": len(errors),
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": pct(0.50) if latencies else None,
        "p99_ms": pct(0.99) if latencies else None,
    }


def static_file(size):
    """A static file of `size` bytes under STATIC_ROOT, served by WhiteNoise."""
    path = ROOT / "static" / "bench" / "page-sized.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    line = b"<p>Static comparison file for the load benchmark.</p>\n"
    path.write_bytes((line * (size // len(line) + 1))[:size])
    return "/static/bench/page-sized.html"


def measure(args, urls, static_url, page_cache):
    server = start_server(args, page_cache)
    try:
        # Warm every worker (each keeps its own memory of the layout), renditions, connections:
        # the figures are the steady state; the first request after a change is counted in
        # instructions (bench/instructions.py --after-change) and in the query budgets.
        for url in [static_url, *urls.values()]:
            for _ in range(4 * args.workers):
                fetch(args.port, url)
        results = {}
        for name, url in [("static file", static_url), *urls.items()]:
            results[name] = load(args.port, url, args.concurrency, args.requests, args.seconds)
            results[name]["hit"] = fetch(args.port, url)[2]
        rss = server.peak_rss_mb()
    finally:
        server.stop()
    return results, rss


def instructions(args, url, count):
    """Millions of CPU instructions per uncached request, from two callgrind runs."""
    if not shutil.which("valgrind"):
        return None
    env = environment(args, False)

    def total(n):
        run = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                PYTHON,
                "bench/instructions.py",
                url,
                str(n),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        for line in run.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split(":")[-1].strip())
        raise SystemExit(run.stderr[-2000:])

    return (total(count) - total(0)) / count / 1e6


def table(results, static_rps):
    lines = [
        "| page | req/s | ratio to static | p50 ms | p99 ms | errors | cache |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in results.items():
        ratio = r["rps"] / static_rps if static_rps else 0
        p50 = f"{r['p50_ms']:.1f}" if r["p50_ms"] is not None else "-"
        p99 = f"{r['p99_ms']:.1f}" if r["p99_ms"] is not None else "-"
        lines.append(
            f"| {name} | {r['rps']:.0f} | {ratio:.2f} | {p50} | {p99} | {r['errors']} "
            f"| {r['hit'] or '-'} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"
        ),
    )
    parser.add_argument("--cache-url", default=os.environ.get("BENCH_CACHE_URL", ""))
    parser.add_argument("--news-per-locale", type=int, default=10_000)
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--projects", type=int, default=200)
    parser.add_argument("--training", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--requests", type=int, default=500, help="per page type and mode")
    parser.add_argument("--seconds", type=float, default=15, help="per page type and mode")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--instructions", type=int, default=10, help="0 to skip callgrind")
    parser.add_argument("--modes", default="cached,uncached", help="cached, uncached or both")
    parser.add_argument("--skip", default="", help="comma-separated page types to leave out")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    args.secret_key = secrets.token_urlsafe(50)
    if "cached" in args.modes.split(",") and not args.cache_url:
        parser.error(
            "the cached mode needs --cache-url (or BENCH_CACHE_URL), a Redis database of its "
            "own: the production settings refuse a page cache kept in each process's memory"
        )
    if not args.port:
        args.port = free_port()

    build_seconds, urls = prepare(args)
    skipped = {name.strip() for name in args.skip.split(",") if name.strip()}
    urls = {name: url for name, url in urls.items() if name not in skipped}
    print(f"Large site built in {build_seconds:.1f} s; {len(urls)} page types", flush=True)

    # A static file the size of the median page, served by the same server.
    server = start_server(args, bool(args.cache_url))
    try:
        sizes = [len(fetch(args.port, url)[1]) for url in urls.values()]
    finally:
        server.stop()
    static_url = static_file(int(statistics.median(sizes)))

    report = {
        "build_seconds": build_seconds,
        "urls": urls,
        "static_size": len((ROOT / "static" / "bench" / "page-sized.html").read_bytes()),
    }
    modes = [m.strip() for m in args.modes.split(",")]
    for mode, page_cache in [("cached", True), ("uncached", False)]:
        if mode not in modes:
            continue
        results, rss = measure(args, urls, static_url, page_cache)
        static_rps = results["static file"]["rps"]
        report[mode] = {"results": results, "peak_rss_mb": rss}
        print(f"\n## {mode} (page cache {'on' if page_cache else 'off'})\n")
        print(table(results, static_rps))
        print(f"\nPeak RSS per worker: {', '.join(f'{m:.0f} MB' for m in rss)}", flush=True)

    if args.instructions:
        print("\n## CPU instructions per uncached request (callgrind)\n")
        report["instructions"] = {}
        for name in ["home", "news index", "news page"]:
            if name in urls:
                millions = instructions(args, urls[name], args.instructions)
                report["instructions"][name] = millions
                if millions is not None:
                    print(f"- {name}: {millions:.0f} million", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
