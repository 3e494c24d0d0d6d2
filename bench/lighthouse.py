#!/usr/bin/env python3
"""Lighthouse as a second opinion: the four scores of one page of each type in each variant.

    .venv/bin/python bench/lighthouse.py            every page type × every variant (~6 min)
    .venv/bin/python bench/lighthouse.py --desktop  the desktop preset instead of mobile

The site is generated and built into a temporary folder with its address set to where it is
served (so canonical links and hreflang alternates point at the served pages), then served on
127.0.0.1 the way a static host serves it: gzip-compressed, /404.html for a missing address
(tools/static_server.py). Lighthouse (pinned below, installed into .lighthouse/ on first use,
git-ignored) runs in Debian's Chromium with its default mobile preset (slow 4G, a mid-range
phone's CPU). Targets: accessibility, best practices and SEO 100 on every page; performance
≥ 95. It prints a table and a SUMMARY line; it does not fail (a benchmark, not a test).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from hbsite.build import load_content  # noqa: E402
from hbsite.render import record_path  # noqa: E402
from static_server import serve  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"
LIGHTHOUSE_DIR = REPO / ".lighthouse"
CHROMIUM = os.environ.get("HB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse_bin() -> Path:
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    if not (binary.exists() and json.loads(package.read_text()).get("version") == LIGHTHOUSE_VERSION):
        print(f"installing lighthouse {LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR.name}/", flush=True)
        LIGHTHOUSE_DIR.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund",
                        "--loglevel=error", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return binary


def build_site(out: Path, site_url: str) -> None:
    env = {**os.environ, "HB_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "build_pages.py"], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)], cwd=REPO, env=env, check=True)


def page_types() -> dict[str, str]:
    """One page of each type, as a path inside a variant (taken from the real records)."""
    content = load_content(REPO)
    records = content.records
    types = {"home": "", "projects": "hankkeet/", "publications": "julkaisut/", "statement": "saavutettavuusseloste/", "404 page": "404/"}
    if records.programmes:
        types["programme"] = record_path(records.programmes[0]).removesuffix(".md") + "/"
    if records.projects:
        types["project"] = record_path(records.projects[0]).removesuffix(".md") + "/"
    return types


def run_lighthouse(binary: Path, url: str, desktop: bool) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as profile:
        flags = f"--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --user-data-dir={profile}"
        command = [str(binary), url, "--quiet", "--output=json", "--output-path=stdout",
                   f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
        if desktop:
            command.append("--preset=desktop")
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr[-800:]}")
    report = json.loads(done.stdout)
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failing = [a["id"] for a in report["audits"].values() if a.get("score") is not None and a["score"] < 1
               and a.get("scoreDisplayMode") in ("binary", "numeric") and any(
                   ref["id"] == a["id"] for c in CATEGORIES[1:] for ref in report["categories"][c]["auditRefs"] if ref.get("weight"))]
    scores["failing"] = failing
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--desktop", action="store_true", help="the desktop preset instead of mobile")
    args = parser.parse_args()
    from hbsite.variants import read_variants

    variants = read_variants(REPO / "mkdocs.yml")
    binary = lighthouse_bin()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        server, base = serve(out)  # the port first: the site's address is built into it
        out.mkdir()
        build_site(out, base + "/")
        rows = []
        targets = [(v.key, name, f"{base}/{v.url_prefix}{path}") for v in variants for name, path in page_types().items()]
        # Lighthouse will not audit a page answered 404; the root 404 is audited at its own address.
        targets.append(("all", "root 404", f"{base}/404.html"))
        print(f"lighthouse {LIGHTHOUSE_VERSION}, {'desktop' if args.desktop else 'mobile'} preset, gzip, {len(targets)} pages", flush=True)
        print(f"{'variant':8} {'page':13} {'perf':>4} {'a11y':>4} {'best':>4} {'seo':>4}  below 100 (a11y/best/SEO audits)")
        for key, name, url in targets:
            scores = run_lighthouse(binary, url, args.desktop)
            rows.append(scores)
            print(f"{key:8} {name:13} {scores['performance']:4} {scores['accessibility']:4} {scores['best-practices']:4} {scores['seo']:4}  {' '.join(scores['failing'])}", flush=True)
        server.shutdown()
    lowest = {c: min(r[c] for r in rows) for c in CATEGORIES}
    met = all(lowest[c] >= TARGETS[c] for c in CATEGORIES)
    print("SUMMARY: lowest of " + str(len(rows)) + " pages: " + ", ".join(f"{c} {lowest[c]} (target {TARGETS[c]})" for c in CATEGORIES)
          + f"; targets {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
