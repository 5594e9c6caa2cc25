"""Pages against static files of the same size, loaded with wrk (an efficient load generator
keeping its connections open) in the same run and server: gunicorn with the production
settings, the page cache on Redis (or off: --uncached), WhiteNoise serving the static files.
See docs/benchmarks.md.

    .venv/bin/python bench/wrk_load.py --cache-url redis://127.0.0.1:6379/14
    .venv/bin/python bench/wrk_load.py --cache-url ... --uncached --database-url .../portal_bench

For each page type it writes a static file of exactly the page's size, starts the server once,
warms every worker, then in each round loads the static file and the page one after the other
(--connections, --seconds each) and reports requests per second, the page's ratio to its
static file (the median of the rounds; for cached pages the target is 0.8 or better) and wrk's
p50/p99 latencies (the medians of the rounds). Needs Debian's `wrk`. The database is prepared
as by bench/run.py (the small site by default; the large one with --news-per-locale 10000
--partners 200 --projects 200 --training 200).
"""

import argparse
import json
import re
import secrets
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # when run as a script
from bench.run import fetch, prepare, start_server  # noqa: E402
from bench.server import HOST, ROOT, free_port  # noqa: E402

PAGES = ["home", "news index", "news page", "news page, largest category", "standard page"]


def static_file(name, size):
    """A static file of `size` bytes under STATIC_ROOT (served by WhiteNoise), for `name`."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    path = ROOT / "static" / "bench" / f"{slug}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    line = b"<p>Static comparison file for the load benchmark.</p>\n"
    path.write_bytes((line * (size // len(line) + 1))[:size])
    return f"/static/bench/{slug}.html"


def wrk(port, url, connections, seconds):
    """wrk's requests per second and p50/p99 latency (ms) for `url`."""
    output = subprocess.run(
        [
            "wrk",
            "--latency",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            f"http://{HOST}:{port}{url}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50_ms": latency(output, "50%"),
        "p99_ms": latency(output, "99%"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def latency(output, percentile):
    match = re.search(rf"^\s+{re.escape(percentile)}\s+([\d.]+)(us|ms|s)$", output, re.M)
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/portal_bench_small"
    )
    parser.add_argument("--cache-url", required=True, help="a Redis database of its own")
    parser.add_argument("--news-per-locale", type=int, default=30)
    parser.add_argument("--partners", type=int, default=10)
    parser.add_argument("--projects", type=int, default=10)
    parser.add_argument("--training", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=8, help="per load")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", default=";".join(PAGES), help="page types, separated by ;")
    parser.add_argument("--uncached", action="store_true", help="the page cache off")
    parser.add_argument(
        "--large-database-url",
        help="compare with this large site (built with 10,000 articles per language, 200 "
        "partners, projects and training resources), served at the same time: each page type's "
        "p99 on both sites in the same rounds",
    )
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        parser.error("wrk is not installed (Debian: apt-get install wrk)")
    args.secret_key = secrets.token_urlsafe(50)
    args.port = free_port()
    if args.large_database_url:
        return compare_sites(args)

    _build_seconds, urls = prepare(args)
    wanted = [name.strip() for name in args.pages.split(";") if name.strip()]
    urls = {name: urls[name] for name in wanted if urls.get(name)}

    page_cache = not args.uncached
    server = start_server(args, page_cache)  # the pages' sizes, for their static files
    try:
        sizes = {name: len(fetch(args.port, url)[1]) for name, url in urls.items()}
    finally:
        server.stop()
    statics = {name: static_file(name, size) for name, size in sizes.items()}

    server = start_server(args, page_cache)  # WhiteNoise lists the static files as it starts
    results = {name: {"bytes": sizes[name], "rounds": []} for name in urls}
    try:
        for name, url in urls.items():
            for _ in range(8 * args.workers):
                fetch(args.port, url)
                fetch(args.port, statics[name])
            results[name]["cache"] = fetch(args.port, url)[2] or "-"
        for number in range(1, args.rounds + 1):
            for name, url in urls.items():
                static = wrk(args.port, statics[name], args.connections, args.seconds)
                page = wrk(args.port, url, args.connections, args.seconds)
                results[name]["rounds"].append({"static": static, "page": page})
                print(
                    f"round {number}: {name}: static {static['rps']:.0f} req/s, page "
                    f"{page['rps']:.0f} req/s, ratio {page['rps'] / static['rps']:.2f}",
                    flush=True,
                )
    finally:
        server.stop()

    print("\n| page | bytes | static req/s | page req/s | ratio | page p50 / p99 ms | cache |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, result in results.items():
        rounds = result["rounds"]
        static_rps = statistics.median(r["static"]["rps"] for r in rounds)
        page_rps = statistics.median(r["page"]["rps"] for r in rounds)
        ratio = statistics.median(r["page"]["rps"] / r["static"]["rps"] for r in rounds)
        result["ratio"] = ratio
        p50 = statistics.median(r["page"]["p50_ms"] for r in rounds)
        p99 = statistics.median(r["page"]["p99_ms"] for r in rounds)
        print(
            f"| {name} | {result['bytes']} | {static_rps:.0f} | {page_rps:.0f} | {ratio:.2f} "
            f"| {p50:.2f} / {p99:.2f} | {result['cache']} |"
        )
    if args.json:
        Path(args.json).write_text(json.dumps({"urls": urls, "results": results}, indent=2))


def compare_sites(args):
    """The small site (--database-url) and the large one, each on its own server, loaded one
    after the other in every round: p50/p99 per page type and the large site's p99 over the
    small site's (the target: 1.2 or less)."""
    large = argparse.Namespace(
        **{
            **vars(args),
            "database_url": args.large_database_url,
            "port": free_port(),
            "news_per_locale": 10_000,
            "partners": 200,
            "projects": 200,
            "training": 200,
        }
    )
    wanted = [name.strip() for name in args.pages.split(";") if name.strip()]
    sites = {"small": args, "large": large}
    urls = {}
    for site, site_args in sites.items():
        _build_seconds, found = prepare(site_args)
        urls[site] = {name: found[name] for name in wanted if found.get(name)}
    names = [name for name in wanted if all(name in urls[site] for site in sites)]
    page_cache = not args.uncached
    servers = {site: start_server(site_args, page_cache) for site, site_args in sites.items()}
    results = {name: {"small": [], "large": []} for name in names}
    try:
        for site, site_args in sites.items():
            for url in urls[site].values():
                for _ in range(4 * args.workers):
                    fetch(site_args.port, url)
        for number in range(1, args.rounds + 1):
            for name in names:
                for site, site_args in sites.items():
                    result = wrk(site_args.port, urls[site][name], args.connections, args.seconds)
                    results[name][site].append(result)
                    print(
                        f"round {number}: {name}, {site} site: {result['rps']:.0f} req/s, "
                        f"p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms",
                        flush=True,
                    )
    finally:
        for server in servers.values():
            server.stop()

    print(
        "\n| page | small req/s | large req/s | small p50 / p99 ms | large p50 / p99 ms "
        "| p99 large/small |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name in names:
        row = {}
        for site in sites:
            rounds = results[name][site]
            row[site] = {
                key: statistics.median(r[key] for r in rounds)
                for key in ("rps", "p50_ms", "p99_ms")
            }
        results[name]["p99_ratio"] = row["large"]["p99_ms"] / row["small"]["p99_ms"]
        print(
            f"| {name} | {row['small']['rps']:.0f} | {row['large']['rps']:.0f} "
            f"| {row['small']['p50_ms']:.1f} / {row['small']['p99_ms']:.1f} "
            f"| {row['large']['p50_ms']:.1f} / {row['large']['p99_ms']:.1f} "
            f"| {results[name]['p99_ratio']:.2f} |"
        )
    if args.json:
        Path(args.json).write_text(json.dumps({"urls": urls, "results": results}, indent=2))


if __name__ == "__main__":
    main()
