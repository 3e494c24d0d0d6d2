"""The build cache (build/cache/, git-ignored): what an unchanged input gave last time.

Three kinds of store, each a pickle used only by the same code and library versions that wrote
it (any change to hbsite/*.py, Jinja, pydantic, PyYAML or Python starts them afresh):

- loads: a record file's text → its parsed Document and load problems, keyed by the file's
  name and a hash of its text. Parsing YAML is most of a cold run; validation (pydantic, fast)
  runs again every time, so every problem is still reported on every run.
- pages: a page → its Markdown, with what the page read while it was rendered. Rendering
  runs on tracked records: reading `entry.record` notes that entry (by its file's hash), reading
  `records.projects` notes that list (by its slugs), calling `records.publications_of(x)`
  notes that call (by the slugs it returned). A page is reused only when its templates,
  hand-written pages, site.yml, variants and code are the same and every noted thing is too;
  anything else renders it again. Nothing is declared by hand, so a template that starts to
  read another record cannot be served a stale page.
- memo-<name>: a pure function's results by a hash of its inputs (the build's readability
  summary: every selkosuomi text measured with Voikko, by the text and the dictionary).

The cache only ever skips work whose result would be identical; deleting build/ is always
safe. HB_NO_CACHE=1 turns it off.
"""
from __future__ import annotations

import dataclasses
import hashlib
import inspect
import os
import pickle
import shutil
import sys
import tempfile
import types
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import jinja2

from .load import load_text
from .render import Page, Renderer
from .validate import Entry, Records

FORMAT = 1
CACHE_DIR = Path("build") / "cache"
PACKAGE = Path(__file__).resolve().parent


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _code_fingerprint() -> str:
    """Our code and the libraries that shape the output: any change invalidates the cache."""
    import markupsafe
    import pydantic
    import pydantic_core
    import yaml

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT} {sys.version} {sys.implementation.cache_tag}".encode())
    h.update(b"libyaml" if getattr(yaml, "__with_libyaml__", False) else b"pure")
    # Each library by where it is and when its files were written (an upgrade rewrites them;
    # cheaper than importlib.metadata).
    for module in (jinja2, markupsafe, pydantic, pydantic_core, yaml):
        stat = os.stat(module.__file__)
        h.update(f"{module.__name__}:{module.__file__}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    for path in sorted(PACKAGE.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def enabled() -> bool:
    return os.environ.get("HB_NO_CACHE", "") in ("", "0")


class BuildCache:
    """One run's view of build/cache/: read at the start, written once at the end (atomically)."""

    def __init__(self, root: Path):
        self.root = root
        self.dir = root / CACHE_DIR
        self.code = _code_fingerprint()
        self._loads: dict[tuple[str, bytes], tuple] = self._read("loads")
        self._loads_now: dict[tuple[str, bytes], tuple] = {}
        self.digests: dict[str, bytes] = {}  # record file (as shown) → hash of its text
        self._pages_read: dict[tuple[str, str], tuple] | None = None  # read when first needed
        self._pages_now: dict[tuple[str, str], tuple] = {}
        self._memos: dict[str, tuple[dict, dict]] = {}  # name → (as read, used in this run)
        self.stats = {"loads_reused": 0, "loads_parsed": 0, "pages_reused": 0, "pages_rendered": 0}

    @property
    def _pages(self) -> dict[tuple[str, str], tuple]:
        if self._pages_read is None:
            self._pages_read = self._read("pages")
        return self._pages_read

    # ── storage ──────────────────────────────────────────────────────────────────────────
    def _read(self, name: str) -> dict:
        try:
            with open(self.dir / f"{name}.pickle", "rb") as handle:
                fmt, code, data = pickle.load(handle)
            if fmt == FORMAT and code == self.code and isinstance(data, dict):
                return data
        except Exception:  # missing, from another version, or damaged: start afresh
            pass
        return {}

    def _write(self, name: str, data: dict) -> None:
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=f".{name}.", suffix=".tmp")
        except OSError as error:  # a read-only checkout: build without keeping the cache
            print(f"note: the build cache cannot be written ({error}); the next run starts afresh", file=sys.stderr)
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((FORMAT, self.code, data), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.dir / f"{name}.pickle")
        except BaseException:
            os.unlink(tmp)
            raise

    def save_loads(self) -> None:
        if self._loads_now.keys() != self._loads.keys():
            self._write("loads", self._loads_now)
            self._loads = dict(self._loads_now)

    def save_pages(self) -> None:
        if any(self._pages.get(k) is not v for k, v in self._pages_now.items()) or self._pages_now.keys() != self._pages.keys():
            self._write("pages", self._pages_now)
            self._pages_read = dict(self._pages_now)

    # ── memos ────────────────────────────────────────────────────────────────────────────
    def memo(self, name: str, inputs: tuple, compute: Callable[[], Any]) -> Any:
        """`compute()`, or its result from an earlier run with the same `inputs` (a tuple of
        strings that is everything the result depends on besides our code)."""
        if name not in self._memos:
            self._memos[name] = (self._read(f"memo-{name}"), {})
        stored, used = self._memos[name]
        key = digest(repr(inputs).encode("utf-8", "surrogatepass"))
        if key not in used:
            used[key] = stored[key] if key in stored else compute()
        return used[key]

    def save_memo(self, name: str) -> None:
        """Keep what this run used (and only that) for the next run."""
        if name in self._memos:
            stored, used = self._memos[name]
            if used.keys() != stored.keys():
                self._write(f"memo-{name}", used)
                self._memos[name] = (dict(used), used)

    # ── loads ────────────────────────────────────────────────────────────────────────────
    def load_text(self, text: str, file: str):
        """hbsite.load.load_text, remembered by the text's hash."""
        key = (file, digest(text.encode("utf-8", "surrogatepass")))
        self.digests[file] = key[1]
        result = self._loads.get(key)
        if result is None:
            result = load_text(text, file)
            self.stats["loads_parsed"] += 1
        else:
            self.stats["loads_reused"] += 1
        self._loads_now[key] = result
        return result

    # ── pages ────────────────────────────────────────────────────────────────────────────
    def bytecode_cache(self) -> jinja2.BytecodeCache | None:
        """Jinja's compiled templates, in a folder of this code version (Jinja's own bytecode
        cache checks a template's source but not the environment's options)."""
        folder = self.dir / f"jinja-{self.code[:16]}"
        try:
            if not folder.exists():
                for old in self.dir.glob("jinja-*"):
                    shutil.rmtree(old, ignore_errors=True)
                folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return jinja2.FileSystemBytecodeCache(str(folder))

    def page(self, key: tuple[str, str], inputs: bytes, tracker: "Tracker", render: Callable[[], str]) -> str:
        old = self._pages.get(key)
        # Reused when the inputs besides the records are the same and either no record changed
        # at all, or nothing this page read did.
        if old is not None and old[0] == inputs and (old[1] == tracker.state or tracker.unchanged(old[2])):
            self.stats["pages_reused"] += 1
            self._pages_now[key] = old if old[1] == tracker.state else (inputs, tracker.state, old[2], old[3])
            return old[3]
        with tracker.recording() as noted:
            markdown = render()
        self.stats["pages_rendered"] += 1
        self._pages_now[key] = (inputs, tracker.state, tracker.signatures(noted), markdown)
        return markdown


def files_digest(*folders: Path, files: tuple[Path, ...] = ()) -> bytes:
    """One hash over every file in `folders` (names and bytes) and the given files."""
    h = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for path in files:
        h.update(path.name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"") + b"\0")
    return h.digest()


# ── tracking what a page reads ───────────────────────────────────────────────────────────
class Tracker:
    """Notes what the templates read from the records while one page renders, and tells
    whether all of that is still the same.

    What can be noted: ("entry", slug) — the entry's file and text hash; ("field", name) — a
    list of Records, by its slugs; ("call", name, args) — a Records query, by the slugs it
    answered and by the state of the lists it read (when those are the same, the answer
    cannot differ, and the query is not even run)."""

    def __init__(self, records: Records, digests: dict[str, bytes]):
        self.plain = records
        self.entries = {e.slug: e for e in _entries(records)}
        self.digests = digests
        self.noted: set | None = None
        self._calls: dict[tuple, tuple[Any, frozenset | None]] = {}
        self._signatures: dict[tuple, Any] = {}
        self._field_states: dict[str, bytes] = {}
        self._lists = [f.name for f in dataclasses.fields(records) if isinstance(getattr(records, f.name), list)]
        known = all(e.file in digests for e in self.entries.values())
        # Every list with its records' files and hashes: when this equals a page's, no record
        # changed since that page was rendered, and nothing needs checking one by one.
        self.state = digest(b"".join(self.field_state(name) for name in self._lists)) if known else os.urandom(16)

    @contextmanager
    def recording(self) -> Iterator[set]:
        outer, self.noted = self.noted, set()
        try:
            yield self.noted
        finally:
            inner, self.noted = self.noted, outer
            if outer is not None:
                outer |= inner

    def note(self, thing: tuple) -> None:
        if self.noted is not None:
            self.noted.add(thing)

    def field_state(self, name: str) -> bytes:
        if name not in self._field_states:
            h = hashlib.blake2b(name.encode(), digest_size=16)
            for e in getattr(self.plain, name):
                if isinstance(e, Entry):
                    h.update(f"\0{e.slug}\0{e.file}\0".encode("utf-8", "surrogatepass"))
                    h.update(self.digests.get(e.file) or os.urandom(16))
                else:
                    h.update(repr(e).encode("utf-8", "surrogatepass"))
            self._field_states[name] = h.digest()
        return self._field_states[name]

    def call(self, name: str, args: tuple) -> Any:
        """`Records.<name>(*args)`, run once per run on the plain records (so with exactly
        the semantics of validate.py), noting which lists it read."""
        key = (name, args)
        if key not in self._calls:
            method = inspect.getattr_static(type(self.plain), name, None)
            if isinstance(method, types.FunctionType):
                probe = _Probe(self.plain)
                answer = method(probe, *args)
                read = None if object.__getattribute__(probe, "_opaque") else frozenset(object.__getattribute__(probe, "_read"))
            else:  # a property, static or class method: only its answer counts
                answer, read = getattr(self.plain, name)(*args), None
            self._calls[key] = (answer, read)
        return self._calls[key][0]

    def signature(self, thing: tuple) -> Any:
        if thing not in self._signatures:
            kind = thing[0]
            if kind == "entry":
                entry = self.entries.get(thing[1])
                # No hash (the file was not loaded through the cache): never equal, so rendered.
                value = None if entry is None else (entry.file, self.digests.get(entry.file) or os.urandom(16))
            elif kind == "field":
                value = self.field_state(thing[1])
            else:  # ("call", name, args)
                answer = _shape(self.call(thing[1], thing[2]))
                read = self._calls[(thing[1], thing[2])][1]
                lists = None if read is None else tuple((name, self.field_state(name)) for name in sorted(read))
                value = (lists, answer)
            self._signatures[thing] = value
        return self._signatures[thing]

    def signatures(self, noted: set) -> tuple:
        return tuple((thing, self.signature(thing)) for thing in noted)

    def _same(self, thing: tuple, value: Any) -> bool:
        if thing[0] == "call":
            lists, answer = value
            if lists is not None and all(self.field_state(name) == state for name, state in lists):
                return True  # the lists it read are as they were: so is its answer
            return self.signature(thing)[1] == answer
        return self.signature(thing) == value

    def unchanged(self, noted: tuple) -> bool:
        try:
            return all(self._same(thing, value) for thing, value in noted)
        except Exception:  # a query that fails now: render the page again, which reports it
            return False


class _Probe(Records):
    """The plain records, noting which of their lists a query reads (anything else that it
    reads makes the query opaque: then only its answer counts)."""

    def __init__(self, records: Records):
        object.__getattribute__(self, "__dict__").update(records.__dict__, _read=set(), _opaque=False)

    def __getattribute__(self, name: str):
        state = object.__getattribute__(self, "__dict__")
        if name in state and not name.startswith("_"):
            value = state[name]
            if isinstance(value, list):
                state["_read"].add(name)
            else:
                state["_opaque"] = True
            return value
        return object.__getattribute__(self, name)


def _entries(records: Records) -> list[Entry]:
    out = []
    for f in dataclasses.fields(records):
        value = getattr(records, f.name)
        if isinstance(value, list):
            out.extend(e for e in value if isinstance(e, Entry))
    return out


def _shape(value: Any) -> bytes:
    """What a query answered, as slugs (the entries' contents are noted when read)."""
    def walk(v):
        if isinstance(v, Entry):
            return ("E", v.slug)
        if isinstance(v, (list, tuple)):
            return tuple(walk(x) for x in v)
        if isinstance(v, dict):
            return tuple((k, walk(x)) for k, x in v.items())
        return ("V", repr(v))
    return digest(repr(walk(value)).encode("utf-8", "surrogatepass"))


_UNTRACKABLE = object()


def _trackable(value) -> bool:
    """A query answer made of entries, lists, tuples, dicts and plain values only."""
    if isinstance(value, (Entry, str, int, float, bool, type(None))):
        return True
    if isinstance(value, (list, tuple)):
        return all(_trackable(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, (str, int)) and _trackable(v) for k, v in value.items())
    return False


class TrackedEntry(Entry):
    """An Entry whose every read (except its slug) is noted for the page being rendered."""

    def __getattribute__(self, name: str):
        if name != "slug" and not name.startswith("_"):
            tracker = object.__getattribute__(self, "_tracker")
            if tracker.noted is not None:
                tracker.noted.add(("entry", object.__getattribute__(self, "slug")))
        return object.__getattribute__(self, name)


class TrackedDict(dict):
    """A slug → entry mapping from a query (`by_slug()`): each look-up notes that slug (also a
    missing one), and going through all of it notes the query itself."""

    def __init__(self, data: dict, tracker: Tracker, origin: tuple):
        super().__init__(data)
        self._tracker = tracker
        self._origin = origin

    def __getitem__(self, key):
        self._tracker.note(("entry", key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._tracker.note(("entry", key))
        return super().get(key, default)

    def __contains__(self, key):
        self._tracker.note(("entry", key))
        return super().__contains__(key)

    def _all(self) -> None:
        self._tracker.note(self._origin)

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


class TrackedRecords(Records):
    """Records whose lists and queries note what they were asked (see the module docstring)."""

    def __getattribute__(self, name: str):
        if name.startswith("_"):
            return object.__getattribute__(self, name)
        tracker: Tracker = object.__getattribute__(self, "_tracker")
        fields = object.__getattribute__(self, "_fields")
        if name in fields:
            tracker.note(("field", name))
            return object.__getattribute__(self, name)
        attribute = getattr(type(tracker.plain), name, None)
        if callable(attribute):
            def query(*args, **kwargs):
                if not kwargs:
                    try:
                        answer = tracker.call(name, args)
                    except TypeError:  # arguments that cannot be a key
                        answer = _UNTRACKABLE
                    if _trackable(answer):
                        tracker.note(("call", name, args))
                        return object.__getattribute__(self, "_wrap")(answer, ("call", name, args))
                # Anything else runs on the tracked records themselves: it notes every list and
                # entry it reads, which is coarser but just as safe.
                return attribute(self, *args, **kwargs)
            return query
        return object.__getattribute__(self, name)

    def _wrap(self, value, origin: tuple):
        tracked = object.__getattribute__(self, "_tracked")
        if isinstance(value, Entry):
            return tracked[value.slug]
        if isinstance(value, list):
            return [self._wrap(v, origin) for v in value]
        if isinstance(value, tuple):
            return tuple(self._wrap(v, origin) for v in value)
        if isinstance(value, dict):
            return TrackedDict({k: self._wrap(v, origin) for k, v in value.items()}, object.__getattribute__(self, "_tracker"), origin)
        return value


def _tracked_entry(entry: Entry, tracker: Tracker) -> TrackedEntry:
    copy = object.__new__(TrackedEntry)
    copy.__dict__.update(entry.__dict__)
    copy.__dict__["_tracker"] = tracker
    return copy


def tracked_records(records: Records, tracker: Tracker) -> TrackedRecords:
    tracked = {e.slug: _tracked_entry(e, tracker) for e in _entries(records)}
    copy = object.__new__(TrackedRecords)
    fields = set()
    for f in dataclasses.fields(records):
        value = getattr(records, f.name)
        if isinstance(value, list):
            value = [tracked[e.slug] if isinstance(e, Entry) else e for e in value]
        copy.__dict__[f.name] = value
        fields.add(f.name)
    copy.__dict__.update(_tracker=tracker, _fields=frozenset(fields), _tracked=tracked)
    return copy


class CachingRenderer(Renderer):
    """The Renderer, with each page reused from the cache while everything it read is unchanged."""

    def __init__(self, root: Path, variants, records: Records, site: Any, cache: BuildCache):
        self.tracker = Tracker(records, cache.digests)
        super().__init__(root, variants, tracked_records(records, self.tracker), site)
        self.cache = cache
        # Everything a page depends on besides the records: the code (in cache.code), the
        # templates, the hand-written pages, site.yml and the variants.
        self.inputs = digest(cache.code.encode() + repr(variants).encode() + files_digest(
            root / "templates", root / "pages", files=(root / "site.yml",)))
        self.env.bytecode_cache = self.pages_env.bytecode_cache = cache.bytecode_cache()

    def page(self, variant, path: str, render: Callable[[], str]) -> Page:
        return Page(variant.key, path, self.cache.page((variant.key, path), self.inputs, self.tracker, render))
