"""The editors' web form (/admin/, Sveltia CMS) in a real browser, with its local backend.

The form's local backend edits the files of a folder the editor picks with the browser's
directory picker (File System Access API, Chrome and Edge). The picker is a native dialog that
no automation can click, so the test hands the form another real File System Access folder —
the browser's origin-private file system — filled with the repository's records, and copies
what the form saved back into a copy of the repository on disk. Everything else is the form as
an editor uses it: the built /admin/ with the configuration made from the schema, in Finnish.

Then the repository's own commands take over, as on a pull request: `format` (the PR step for
form saves), `format --check`, `check` and the site build.
"""
from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hbsite.variants import read_variants
from tests.conftest import CI, ROOT, copy_repo, run, serve
from tests.test_accessibility import AXE_RUN, WCAG_TAGS

VARIANTS = read_variants(ROOT / "mkdocs.yml")
# The browser's picker, replaced by a real File System Access folder the test can fill.
PICKER = "window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo', {create: true});"
FILL = """async (files) => {
  const repo = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo', {create: true});
  await repo.getDirectoryHandle('.git', {create: true});   // the form wants a repository's root
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/'); let dir = repo;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const out = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await out.write(text); await out.close();
  }
}"""
READ_ALL = """async () => {
  const found = {};
  async function walk(dir, prefix) {
    for await (const [name, handle] of dir.entries()) {
      if (name === '.git') continue;
      try {
        if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
        else found[prefix + name] = await (await handle.getFile()).text();
      } catch (e) { if (e.name !== 'NotFoundError') throw e; }  // the form is still writing it
    }
  }
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('repo'), '');
  return found;
}"""
def _field_name(label: str):
    """A field's accessible name in the form: ”⁨Nimi⁩”-kenttä (with or without the isolates)."""
    return re.compile(f"”\u2068?{re.escape(label)}\u2069?”-kenttä")


@pytest.fixture(scope="module")
def form_url(tmp_path_factory):
    """/admin/ as the site build puts it (build/admin/ + the generated config with a backend)."""
    built = subprocess.run(["bash", "tools/build_admin.sh"], cwd=ROOT, capture_output=True, text=True)
    if built.returncode != 0:
        if CI:
            pytest.fail(f"tools/build_admin.sh failed:\n{built.stdout}\n{built.stderr}")
        pytest.skip(f"the web form cannot be built here: {built.stderr.strip()[:300]}")
    from hbsite.admin import BUNDLE, site_config

    www = tmp_path_factory.mktemp("form")
    shutil.copytree(BUNDLE, www / "admin")
    (www / "admin" / "config.yml").write_text(site_config({"HB_CMS_REPO": "example/hb-site"}), encoding="utf-8")
    server, url = serve(www)
    yield url.rstrip("/") + "/admin/"
    server.shutdown()


class Form:
    """One editor's session in the form, on a copy of the repository."""

    def __init__(self, browser, url: str, repo: Path):
        self.repo = repo
        self.context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
        self.context.add_init_script(PICKER)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = url
        self.page.goto(url)
        files = {p.relative_to(repo).as_posix(): p.read_text(encoding="utf-8") for p in (repo / "projects").rglob("*.yml")}
        self.page.evaluate(FILL, files)
        self.page.reload()

    def sign_in(self) -> None:
        self.page.get_by_role("button", name="Työskentele paikallisen repositorion kanssa").click()
        self.page.get_by_role("treeitem", name="Hankkeet").wait_for()

    def open_collection(self, name: str, folder: str | None = None) -> None:
        self.page.get_by_role("treeitem", name=name).click()
        if folder:
            self.page.get_by_role("treeitem", name=folder).click()

    def field(self, label: str):
        return self.page.get_by_role("group", name=_field_name(label)).first

    def reveal(self, locator):
        """Scroll the editor down until `locator` is rendered, then bring it into view."""
        for _ in range(40):
            if locator.count():
                locator.scroll_into_view_if_needed()
                return locator
            self.page.mouse.move(300, 500)
            self.page.mouse.wheel(0, 700)
            self.page.wait_for_timeout(100)
        raise AssertionError(f"not found in the form: {locator}")

    def box(self, label: str, name: str | None = None, within=None):
        """A field's input (a text field's: the variant `name`), brought into view: the form
        renders a field's inputs only when the field comes into view."""
        group = self.reveal((within or self.page).get_by_role("group", name=_field_name(label)).first)
        box = group.get_by_role("textbox", name=name, exact=True) if name else group.get_by_role("textbox").first
        box.scroll_into_view_if_needed()
        return box

    def shot(self, name: str) -> None:
        """With HB_FORM_SCREENSHOTS=FOLDER, the guide's pictures of the form (CONTRIBUTING.md)."""
        folder = os.environ.get("HB_FORM_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(folder) / f"{name}.png"))

    def save(self) -> dict[str, str]:
        """Save, and wait until the form has written a file; the folder's files after it."""
        before = self.files()
        self.page.get_by_role("button", name="Tallenna", exact=True).click()
        for _ in range(150):
            now = self.files()
            if now != before:
                return now
            self.page.wait_for_timeout(100)
        errors = [e.inner_text() for e in self.page.get_by_role("alert").all()]
        raise AssertionError(f"the form wrote no file within 15 s of Tallenna; the form says: {errors}")

    def files(self) -> dict[str, str]:
        return self.page.evaluate(READ_ALL)

    def axe(self, axe_source: str, view: str) -> list[dict]:
        self.page.evaluate(axe_source)  # through the browser's debugger: the form's CSP allows no inline script
        found = self.page.evaluate(AXE_RUN, WCAG_TAGS)
        return [dict(v, view=view) for v in found]

    def other_hosts(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("http://127.0.0.1", "blob:", "data:"))]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def form(browser, form_url, tmp_path):
    session = Form(browser, form_url, copy_repo(tmp_path / "repo"))
    yield session
    session.close()


def _cmd(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "fi_FI.UTF-8", "LANGUAGE": "fi", "GITHUB_ACTIONS": ""}
    return subprocess.run([sys.executable, "build_pages.py", *args], cwd=repo, capture_output=True, text=True, env=env)


def _take_back(files: dict[str, str], form: Form, rel: str) -> str:
    """The form's save of `rel`, put into the repository copy as the PR would have it."""
    saved = files[rel]
    (form.repo / rel).write_text(saved, encoding="utf-8")
    return saved


def test_a_one_field_edit_in_the_form_is_one_value_in_the_file_and_check_names_the_other_variants(form, axe_source):
    rel = "projects/hb-kokeilu-2020-2021/hebu-vantaa.yml"
    before = (form.repo / rel).read_text(encoding="utf-8")
    form.shot("1-kirjautuminen")
    form.sign_in()
    form.open_collection("Hankkeet", "hb-kokeilu-2020-2021")
    form.shot("2-hankkeet")
    form.page.get_by_role("row", name="HeBu-Vantaa – Vantaan kaupungin kokeiluhanke").click()
    new_text = "Hanke kuunteli palvelujen käyttäjiä, kun henkilökohtaista budjetointia suunniteltiin Vantaalla."
    form.box("Tiivistelmä", "Suomi").fill(new_text)
    form.shot("3-muokkaus")
    violations = form.axe(axe_source, "muokkaus")
    assert violations == [], [(v["id"], v["help"]) for v in violations]
    saved = _take_back(form.save(), form, rel)
    assert saved != before, "the form saved nothing"
    assert "yaml-language-server" not in saved, "the form is expected to rewrite the file (and drop its comments)"

    formatted = _cmd(form.repo, "format", rel)
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    after = (form.repo / rel).read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert all(line.startswith(("-    ", "+    ")) for line in changed), "only lines of one folded value may change:\n" + "\n".join(changed)
    assert " ".join(line[1:].strip() for line in changed if line.startswith("+")) == new_text, "\n".join(changed)
    # The whole change sits inside summary.fi: the lines before and after it are the same.
    start = before.splitlines().index("summary:")
    assert before.splitlines()[: start + 2] == after.splitlines()[: start + 2]
    assert _cmd(form.repo, "format", "--check").returncode == 0

    check = _cmd(form.repo, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    lines = after.splitlines()
    summary = lines.index("summary:")
    expected = {v.key: next(i for i in range(summary, len(lines)) if lines[i].startswith(f"  {v.key}:")) + 1 for v in VARIANTS[1:]}
    warned = {m.group(2): int(m.group(1)) for m in re.finditer(rf"{re.escape(rel)}:(\d+):\d+: käännös: kentän summary .*?\((\w+)\)", check.stderr)}
    assert warned == expected, check.stderr
    assert form.other_hosts() == [], form.other_hosts()


# Easy-to-read texts short enough for the readability targets that `check` holds them to.
NEW_PROJECT = {
    "Nimi": {"fi": "Kokeilun testihanke", "sv": "Försökets testprojekt", "selko": "Uusi koe", "lattlast": "Ett nytt test"},
    "Lyhyt nimi": {"fi": "Testihanke", "sv": "Testprojekt", "selko": "Uusi koe", "lattlast": "Nytt test"},
    "Tiivistelmä": {"fi": "Hanke kokeili lomaketta.", "sv": "Projektet prövade formuläret.", "selko": "Teemme kokeen.", "lattlast": "Vi gör ett test."},
    "Tavoitteet": {"fi": "Hanke halusi kokeilla lomaketta.", "sv": "Projektet ville pröva formuläret.", "selko": "Teemme kokeen. Se on hyvä.", "lattlast": "Vi gör ett test. Det är bra."},
}


def test_a_project_made_in_the_form_builds_into_pages_in_every_variant(form, axe_source):
    violations = []
    violations += form.axe(axe_source, "kirjautuminen")
    form.sign_in()
    form.open_collection("Hankkeet")
    violations += form.axe(axe_source, "kokoelma")
    form.page.get_by_role("button", name="Luo uusi merkintä").click()
    form.field("Nimi").wait_for()
    violations += form.axe(axe_source, "uusi merkintä")
    for label, texts in NEW_PROJECT.items():
        for variant in VARIANTS:
            form.box(label, variant.name).fill(texts[variant.key])
    sources = form.reveal(form.field("Lähteet"))
    sources.get_by_role("button", name=re.compile("Lisää")).first.click()
    source = form.field("Lähteet")
    for label, value in {"Verkko-osoite": "https://example.fi/testihanke", "Julkaisija": "Testijulkaisija",
                         "Otsikko": "Testihankkeen sivu", "Luettu": "1.12.2026"}.items():
        form.box(label, within=source).fill(value)
    language = source.get_by_role("group", name=_field_name("Kieli")).first
    form.reveal(language).get_by_role("radio", name="fi", exact=True).check()  # few choices: radio buttons
    # The schema's rules are the form's own: a date in the wrong form stops the save there.
    before = form.files()
    form.page.get_by_role("button", name="Tallenna", exact=True).click()
    form.page.get_by_role("alert").filter(has_text="virhe").first.wait_for()
    form.shot("5-virhe")
    violations += form.axe(axe_source, "virheilmoitus")
    assert form.files() == before, "the form saved a record with a wrong date"
    form.box("Luettu", within=source).fill("2026-12-01")
    form.shot("4-uusi-lahde")
    created = {rel: text for rel, text in form.save().items() if rel.startswith("projects/") and not (form.repo / rel).exists()}
    assert len(created) == 1, f"the form made {sorted(created)}"
    rel, saved = next(iter(created.items()))
    slug = Path(rel).stem
    (form.repo / rel).write_text(saved, encoding="utf-8")

    formatted = _cmd(form.repo, "format", rel)
    assert formatted.returncode == 0, saved + formatted.stdout + formatted.stderr
    check = _cmd(form.repo, "check")
    assert check.returncode == 0, (form.repo / rel).read_text(encoding="utf-8") + check.stdout + check.stderr
    assert _cmd(form.repo, "format", "--check").returncode == 0

    assert _cmd(form.repo, "build").returncode == 0
    site = form.repo / "site"
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], form.repo, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert built.returncode == 0, built.stdout + built.stderr
    for variant in VARIANTS:
        page = site / variant.url_prefix / "hankkeet" / slug / "index.html"
        assert page.is_file(), f"no {variant.key} page for {slug}"
        assert NEW_PROJECT["Nimi"][variant.key] in page.read_text(encoding="utf-8")
    assert form.other_hosts() == [], form.other_hosts()

    # The form's own interface, with the two fixes of admin/vite.config.js (zoom allowed).
    assert violations == [], "\n".join(f"[{v['view']}] {v['id']} ({v['impact']}): {v['help']}: "
                                       + "; ".join(n["target"] for n in v["nodes"][:5]) for v in violations)
