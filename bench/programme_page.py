"""Benchmark: the demo edition's programme page, as a browser and as a crowd see it.

For SQLite, then PostgreSQL: migrate, load the demo, collectstatic, serve with
gunicorn (2 workers) on a free loopback port with production settings (DEBUG
off, HTTPS off), then
  1. fetch the page and every resource its HTML and CSS load, gzip accepted:
     bytes raw and as transferred, number of requests, no third-party URL;
  2. load it with 1 then 8 concurrent clients, each bounded in time and count:
     requests/s, median and p99 latency;
  3. peak memory of a web worker (VmHWM/VmRSS from /proc).
Ends with one line:
  bench programme: bytes_gz= requests= rps_1= rps_8= p99_ms_8= rss_mb= (SQLite)
followed by the same figures for PostgreSQL under *_pg keys.

Run: .venv/bin/python bench/programme_page.py [--path /fr/programme/] [--seconds 8]
(named programme_page, not programme: bench/ is first on a script's path, where a
programme.py would hide the app of that name).
"""

import argparse
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from _common import (
    ROOT,
    Gunicorn,
    RssSampler,
    fetch,
    gzipped_size,
    load,
    postgres_database,
    postgres_reachable,
    prepare_database,
    production_env,
    say,
    sqlite_database,
    summary,
)

PAGE = "/fr/programme/"
GZIP = {"Accept-Encoding": "gzip"}
BUDGET_PAGE_GZ = 40 * 1024
BUDGET_JS_GZ = 15 * 1024
BUDGET_RSS_MB = 120
# <link rel> values a browser fetches; alternate, canonical, next… are only links.
LOADED_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
    "preload",
    "modulepreload",
    "prefetch",
}
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1""")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
# url() in CSS (backgrounds, fonts) loads only where a rule matches: counted apart.
CSS_REFERENCE = "css url()"
IMPLICIT_FAVICON = "favicon (implicit)"
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class ResourceParser(HTMLParser):
    """Collects the URLs an HTML page makes the browser fetch, with their kind."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # (kind, url)
        self.has_icon = False
        self._in_style = False

    def add(self, kind, url):
        url = (url or "").strip()
        if url and not url.startswith(("data:", "#", "javascript:", "about:")):
            self.found.append((kind, url))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link":
            rels = set((a.get("rel") or "").lower().split())
            if rels & LOADED_RELS:
                self.has_icon |= bool(rels & {"icon", "shortcut"})
                self.add("/".join(sorted(rels & LOADED_RELS)), a.get("href"))
        elif tag == "script":
            self.add("script", a.get("src"))
        elif tag in ("img", "source", "input", "audio", "video", "track", "embed", "iframe"):
            if tag != "input" or (a.get("type") or "").lower() == "image":
                self.add(tag, a.get("src") or first_candidate(a.get("srcset")))
            if tag == "video":
                self.add("poster", a.get("poster"))
        elif tag == "object":
            self.add("object", a.get("data"))
        elif tag == "style":
            self._in_style = True
        if a.get("style"):
            for url in css_urls(a["style"])[1]:
                self.add(CSS_REFERENCE, url)

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            imports, urls = css_urls(data)
            self.found += [("@import", url) for url in imports]
            self.found += [(CSS_REFERENCE, url) for url in urls]


def first_candidate(srcset):
    """The first URL of a srcset (a browser loads one candidate)."""
    return (srcset or "").split(",")[0].strip().split(" ")[0] if srcset else None


def css_urls(css):
    """URLs a stylesheet refers to: (@import-ed stylesheets, url() of rules)."""
    imports = [m.group(2) for m in CSS_IMPORT.finditer(css)]
    urls = [m.group(2) for m in CSS_URL.finditer(CSS_IMPORT.sub("", css))]
    return imports, [url for url in urls if not url.startswith("data:")]


def is_third_party(url, origin):
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) and f"{parts.scheme}://{parts.netloc}" != origin


def local_path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(port, path):
    """Fetch the page, then everything its HTML and CSS make a browser load.

    Returns (rows, third_party): rows are (kind, path, response), the page first.
    """
    origin = f"http://127.0.0.1:{port}"
    page = fetch(port, path, headers=GZIP)
    if page.status != 200:
        raise SystemExit(f"GET {path} answered {page.status}: the page must exist (200)")
    say(f"page {path}: HTTP {page.status}, {page.headers.get('content-type', '?')}")
    for header in ("content-security-policy", "cache-control", "content-encoding"):
        say(f"  {header}: {page.headers.get(header, '(none)')}")

    parser = ResourceParser()
    parser.feed(page.content.decode("utf-8", errors="replace"))
    queue = [(kind, urljoin(origin + path, url)) for kind, url in parser.found]
    if not parser.has_icon:
        queue.append((IMPLICIT_FAVICON, origin + "/favicon.ico"))

    rows, third_party, seen = [("document", path, page)], [], {origin + path}
    while queue and len(rows) < 200:  # bounded: a page loading 200 things is already a finding
        kind, url = queue.pop(0)
        if is_third_party(url, origin):
            third_party.append(url)
        elif url not in seen:
            seen.add(url)
            response = fetch(port, local_path(url), headers=GZIP)
            rows.append((kind, local_path(url), response))
            if "text/css" in response.headers.get("content-type", ""):
                imports, urls = css_urls(response.content.decode("utf-8", errors="replace"))
                queue += [("@import", urljoin(url, found)) for found in imports]
                queue += [(CSS_REFERENCE, urljoin(url, found)) for found in urls]
    return rows, third_party


def resource_problems(kind, rpath, response):
    content_type = response.headers.get("content-type", "")
    if response.status != 200 and kind != IMPLICIT_FAVICON:
        yield f"{rpath} answered {response.status}"
    if content_type.startswith(TEXT_TYPES) and len(response.content) > 1024:
        if not response.compressed:
            yield f"{rpath} ({content_type}) sent uncompressed"
    if "font" in content_type:
        yield f"{rpath} is a web font"


def transfer(port, path):
    """Print what the page transfers, resource by resource; return the totals."""
    rows, third_party = crawl(port, path)
    say(f"\n{'kind':<20} {'status':>6} {'raw':>8} {'gzip -6':>8} {'sent':>8}  path")
    totals = {group: [0, 0, 0, 0] for group in ("loaded", "css url()")}  # n, raw, gzip, sent
    js_sent, problems = 0, [f"third-party URL: {url}" for url in third_party]
    for kind, rpath, response in rows:
        raw, gz, sent = len(response.content), gzipped_size(response.content), len(response.body)
        group = totals["css url()" if kind == CSS_REFERENCE else "loaded"]
        for i, value in enumerate((1, raw, gz, sent)):
            group[i] += value
        if "javascript" in response.headers.get("content-type", ""):
            js_sent += sent
        problems += resource_problems(kind, rpath, response)
        plain = "" if response.compressed else " (sent plain)"
        say(f"{kind:<20} {response.status:>6} {raw:>8} {gz:>8} {sent:>8}  {rpath}{plain}")
    n, raw, gz, sent = totals["loaded"]
    say(f"{'total loaded':<20} {n:>6} {raw:>8} {gz:>8} {sent:>8}  requests={n}")
    n_css, raw_css, gz_css, sent_css = totals["css url()"]
    if n_css:
        say(
            f"{'+ css url()':<20} {n_css:>6} {raw_css:>8} {gz_css:>8} {sent_css:>8}  "
            "(loaded only where a rule matches: not in the total)"
        )
    say("'sent' = body bytes transferred with Accept-Encoding: gzip")
    say(f"javascript sent: {js_sent} bytes (budget {BUDGET_JS_GZ})")
    say(f"third-party URLs: {len(third_party) or 'none'}")
    if sent > BUDGET_PAGE_GZ:
        problems.append(f"page transfers {sent} bytes, over the {BUDGET_PAGE_GZ} budget")
    for problem in problems:
        say(f"  ! {problem}")
    return {"bytes_gz": sent, "requests": n, "third_party": len(third_party)}


def measure(label, database_url, args):
    """Prepare one database, serve it, measure; return the figures."""
    say(f"\n===== {label}: {database_url}")
    env = production_env(database_url)
    seconds = prepare_database(env, demo=not args.skip_demo)
    say(f"migrate + load_demo + collectstatic: {seconds:.1f}s")
    with Gunicorn(env, workers=2, name=label.lower(), ready_path=args.path) as server:
        say(
            f"gunicorn: master {server.process.pid}, workers {server.worker_pids()}, "
            f"port {server.port}"
        )
        figures = transfer(server.port, args.path)
        with RssSampler(server) as rss:
            warm = load(server.port, args.path, clients=2, seconds=2, max_requests=20, headers=GZIP)
            say(f"\nwarm-up: {warm.line()}")
            runs = {}
            for clients in (1, 8):
                runs[clients] = load(
                    server.port,
                    args.path,
                    clients=clients,
                    seconds=args.seconds,
                    max_requests=args.max_requests,
                    headers=GZIP,
                )
                say(f"load: {runs[clients].line()}")
        say(f"peak RSS of a worker: {rss.peak_mb:.1f} MB (budget {BUDGET_RSS_MB})")
        failures = [error for run in runs.values() for error in run.errors]
        if failures:
            say(f"  ! {len(failures)} failed requests: {sorted(set(failures))}")
            say(server.log_tail(2000))
    return {
        **figures,
        "rps_1": f"{runs[1].rps:.1f}",
        "rps_8": f"{runs[8].rps:.1f}",
        "p50_ms_8": f"{runs[8].ms(50):.1f}",
        "p99_ms_8": f"{runs[8].ms(99):.1f}",
        "rss_mb": f"{rss.peak_mb:.1f}",
        "errors": len(failures),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default=PAGE, help=f"page to measure (default {PAGE})")
    parser.add_argument("--seconds", type=float, default=8, help="per load level (default 8)")
    parser.add_argument("--max-requests", type=int, default=4000, help="per load level")
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument("--skip-demo", action="store_true", help="no load_demo (development)")
    args = parser.parse_args()
    os.chdir(ROOT)

    sqlite = measure("SQLite", sqlite_database("programme"), args)
    postgres = None
    if args.no_postgres:
        say("\nPostgreSQL: skipped (--no-postgres)")
    elif not postgres_reachable():
        say("\nPostgreSQL: not reachable on 127.0.0.1:5432, skipped")
    else:
        with postgres_database("jemaa_bench") as url:
            postgres = measure("PostgreSQL", url, args)

    keys = {k: sqlite[k] for k in ("bytes_gz", "requests", "rps_1", "rps_8", "p99_ms_8", "rss_mb")}
    keys["errors"] = sqlite["errors"]
    keys["third_party"] = sqlite["third_party"]
    if postgres:
        for k in ("rps_1", "rps_8", "p99_ms_8", "rss_mb", "errors"):
            keys[f"{k}_pg"] = postgres[k]
    else:
        keys["rps_8_pg"] = "na"
    if args.path != PAGE:
        keys["path"] = args.path
    say("")
    say(summary("programme", **keys))
    failed = sqlite["errors"] or (postgres and postgres["errors"])
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as exc:  # a step of the set-up failed: say which, plainly
        sys.exit(f"bench programme: FAILED: {exc}")
    except KeyboardInterrupt:
        sys.exit(130)
