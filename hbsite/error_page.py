"""The page `mkdocs serve` sends instead of a page that cannot be shown: what is wrong, in the
editor's language (hbsite/messages.py), with nothing to load from the site (it may not be there)."""
from __future__ import annotations

import html

from hbsite.messages import language

ERROR_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 1.1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #a00000; }}
li {{ margin-bottom: 1rem; }}
code {{ font-weight: 700; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{intro}</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def page_of_errors(title: str, intro: str, items: str) -> str:
    """`items`: the list's <li> elements, HTML already."""
    return ERROR_PAGE.format(lang=language(), title=html.escape(title, quote=False), intro=html.escape(intro, quote=False), items=items)
