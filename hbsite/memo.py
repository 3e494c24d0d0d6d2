"""What a long-lived process (`mkdocs serve`) keeps from one build of the pages to the next.

Under serve, every save checked every record file and rendered every page again, although a
save changes one file and the few pages that show it (bench/bench.py, PERFORMANCE.md). The
serve hook gives each build one `Memo`:

- each record file's own checks and validated record, by the file's name and text
  (validate.py); the checks across records still run every time;
- each page's Markdown, with what its rendering read of the records: which lists (the projects
  of a programme, all publications, …) and which records by name. A page is reused only when
  its own inputs (template, variant, address, the records it was given, site.yml, the
  templates, mkdocs.yml, a hand-written page's text) are the same and everything it read
  still has the same value; anything else renders again and is read anew.

The command-line builds and CI do not use it: each run starts from nothing, so what is
published never depends on what a process remembered.
"""
from __future__ import annotations

from hashlib import blake2b
from typing import Any

from .validate import Entry


class Kept:
    """The results one build may reuse from the last one; what it uses or makes is kept for the
    next. A build that stopped early (a problem) keeps the older results too."""

    def __init__(self):
        self.last: dict = {}
        self.now: dict = {}
        self.complete = True

    def start(self) -> None:
        self.last = self.now if self.complete else {**self.last, **self.now}
        self.now, self.complete = {}, False

    def get(self, key):
        value = self.last.get(key)
        if value is None:
            value = self.now.get(key)
        elif key not in self.now:
            self.now[key] = value
        return value

    def put(self, key, value) -> None:
        self.now[key] = value


class Memo:
    def __init__(self):
        self.records = Kept()   # validate.py: a record file's checks, by its name and text
        self.pages = Kept()     # render.py: a page's Markdown and what it read
        self.environments: dict = {}  # render.py: the Jinja environments (templates compiled once)

    def start(self) -> None:
        self.records.start()
        self.pages.start()

    def finish(self) -> None:
        self.records.complete = self.pages.complete = True


def fingerprint(value: Any) -> Any:
    """A value as it enters a page's key: a record by its digest, a list by its items."""
    if isinstance(value, Entry):
        return value.digest
    if isinstance(value, (list, tuple)):
        return tuple(fingerprint(v) for v in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"no fingerprint for {type(value).__name__}: add it to hbsite/memo.py")


def digest(*parts: Any) -> str:
    return blake2b(repr(parts).encode(), digest_size=16).hexdigest()


class Reads:
    """What one page's rendering has read of the records, as (name, arguments) pairs."""

    def __init__(self):
        self.items: set[tuple] = set()


class ReadRecords:
    """The records as a page's rendering sees them (validate.Records' lists and methods),
    noting each list it reads and each method it calls with its arguments."""

    def __init__(self, records, reads: Reads):
        self._records = records
        self._reads = reads

    def __getattr__(self, name: str):
        value = getattr(self._records, name)
        if callable(value):
            def call(*args):
                self._reads.items.add((name, args))
                return value(*args)
            return call
        self._reads.items.add((name, None))
        return value


class ReadSlugs(dict):
    """The records by file name, noting each name looked up (and any look at them all)."""

    def __init__(self, by_slug: dict, reads: Reads):
        super().__init__(by_slug)
        self._reads = reads

    def __getitem__(self, slug):
        self._reads.items.add(("by_slug", (slug,)))
        return super().__getitem__(slug)

    def get(self, slug, default=None):
        self._reads.items.add(("by_slug", (slug,)))
        return super().get(slug, default)

    def __contains__(self, slug):
        self._reads.items.add(("by_slug", (slug,)))
        return super().__contains__(slug)

    def _all(self):
        self._reads.items.add(("by_slug", None))

    def __iter__(self):
        self._all()
        return super().__iter__()

    def __len__(self):
        self._all()
        return super().__len__()

    def keys(self):
        self._all()
        return super().keys()

    def values(self):
        self._all()
        return super().values()

    def items(self):
        self._all()
        return super().items()


def read_value(records, by_slug: dict, read: tuple) -> Any:
    """What a noted read gives with these records (compared with what it gave before)."""
    name, args = read
    if name == "by_slug":
        return fingerprint(sorted(by_slug.items()) if args is None else by_slug.get(args[0]))
    value = getattr(records, name)
    return fingerprint(value(*args) if args is not None else value)
