#!/usr/bin/env python3
"""What a pull request changes on the site: the pages it adds, removes and edits, per variant.

    python tools/pr_summary.py BASE_SITE HEAD_SITE [--url PREVIEW_URL]

Compares two built sites (mkdocs build output of the base branch and of the pull request)
page by page, by the text a reader sees in each page's main content (the theme's scripts,
the search index and the sitemap are not pages). Prints Markdown for the workflow's run
summary ($GITHUB_STEP_SUMMARY); the variants and their folders come from mkdocs.yml.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hbsite.variants import read_variants  # noqa: E402

_MAIN = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def pages(site: Path) -> dict[str, tuple[str, str]]:
    """URL path → (title, the visible text of the page's main content)."""
    found = {}
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        path = "/" + relative.removesuffix("index.html")
        text = html.read_text(encoding="utf-8")
        main = _MAIN.search(text)
        title = _TITLE.search(text)
        visible = " ".join(_TAGS.sub(" ", main.group(1) if main else text).split())
        found[path] = (" ".join(_TAGS.sub("", title.group(1)).split()) if title else path, visible)
    return found


def variant_of(path: str, prefixes: list[tuple[str, str]]) -> str:
    for name, prefix in prefixes:
        if prefix and path.startswith("/" + prefix):
            return name
    return next(name for name, prefix in prefixes if not prefix)


def summary(base: Path, head: Path, preview_url: str = "") -> str:
    variants = read_variants(REPO / "mkdocs.yml")
    # Longest prefix first, so "/selko/…" is not taken for the default variant's "/".
    prefixes = sorted(((v.name, v.url_prefix) for v in variants), key=lambda item: -len(item[1]))
    before, after = pages(base), pages(head)
    changes = {v.name: {"added": [], "removed": [], "edited": []} for v in variants}
    for path in sorted(set(before) | set(after)):
        kind = "added" if path not in before else "removed" if path not in after else "edited" if before[path][1] != after[path][1] else None
        if kind:
            changes[variant_of(path, prefixes)][kind].append((path, (after.get(path) or before[path])[0]))
    total = sum(len(items) for groups in changes.values() for items in groups.values())
    lines = ["## Sivut, joita muutos koskee", ""]
    if total == 0:
        lines.append("Muutos ei muuta yhtään sivua.")
    else:
        lines += ["| Kieliversio | Uudet | Poistetut | Muutetut |", "|---|---:|---:|---:|"]
        lines += [f"| {name} | {len(g['added'])} | {len(g['removed'])} | {len(g['edited'])} |" for name, g in changes.items()]
        labels = {"added": "uusi", "removed": "poistettu", "edited": "muutettu"}
        for name, groups in changes.items():
            listed = [(kind, path, title) for kind in labels for path, title in groups[kind]]
            if not listed:
                continue
            lines += ["", f"### {name}", ""]
            for kind, path, title in listed:
                link = f"[{path}]({preview_url.rstrip('/')}{path})" if preview_url and kind != "removed" else f"`{path}`"
                lines.append(f"- {labels[kind]}: {link} — {title}")
    lines += ["", "Koko sivusto on ajon artefaktina (site): lataa se ja avaa index.html selaimessa."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", type=Path, help="the base branch's built site")
    parser.add_argument("head", type=Path, help="the pull request's built site")
    parser.add_argument("--url", default="", help="the preview's address, when it is published")
    args = parser.parse_args()
    print(summary(args.base, args.head, args.url), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
