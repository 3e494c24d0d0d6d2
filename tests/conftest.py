"""Shared fixtures: the real site, built once per test session from the real records."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from static_server import serve  # noqa: E402  (tools/ is not a package)


def run(cmd: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, **kw)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """Build the real site (generator + mkdocs build --strict) into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    gen = run([sys.executable, "build_pages.py"], ROOT)
    assert gen.returncode == 0, gen.stdout + gen.stderr
    build = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], ROOT)
    assert build.returncode == 0, build.stdout + build.stderr
    return out


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    """Serve the built site on 127.0.0.1 (a free port) as a static host does (404.html for a
    missing address, gzip), for the browser tests."""
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """A throw-away copy of the repo (without generated output) for tests that edit records."""
    dest = tmp_path / "repo"
    return copy_repo(dest)


def tracked_files() -> list[str]:
    """The files git tracks, plus new ones it does not ignore: the repo as a fresh clone has it."""
    listed = run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], ROOT)
    assert listed.returncode == 0, listed.stderr
    return [name for name in listed.stdout.split("\0") if name and (ROOT / name).is_file()]


def copy_repo(dest: Path) -> Path:
    """A copy of the repository without anything generated or installed."""
    for name in tracked_files():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    return dest


# ── Accessibility tooling: browser, axe-core, the Nu HTML Checker, the session tally ─────────
# Used by tests/test_accessibility.py, test_html_valid.py and test_keyboard.py. The tools are
# installed by `bash tools/setup.sh --all` (tools/ensure_tools.sh). With CI=true a missing tool
# fails the test; outside CI the test is skipped with the install hint.

def ci_on(value: str | None) -> bool:
    """CI is on for any value but an empty one, 0, false, no or off (tools/ci_on.sh's rule)."""
    return (value or "").strip().lower() not in ("", "0", "false", "no", "off")


CI = ci_on(os.environ.get("CI"))
INSTALL_HINT = "bash tools/setup.sh --all"
CHROMIUM = os.environ.get("HB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Debian's Chromium as root on a small machine without a GPU, talking to nobody but us.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 320, "height": 640}}


def search_word(variant) -> str:
    """A word each variant's own search index holds: the longest word of its site name
    (mkdocs.yml), which its home page carries as a title."""
    return max(variant.site_name.lower().split(), key=len)


@pytest.fixture(scope="session")
def voikko():
    """Voikko (libvoikko + voikko-fi), which grades the Finnish easy-to-read texts."""
    from hbsite import readability

    try:
        readability.base_form("hanke")
    except readability.VoikkoMissing as missing:
        require_tool(False, f"Voikko ({missing})")


def require_tool(present: bool, what: str) -> None:
    """Skip (outside CI) or fail (CI=true) when a tool the test needs is missing."""
    if present:
        return
    message = f"{what} is missing; install it with `{INSTALL_HINT}`"
    if CI:
        pytest.fail(f"{message} (CI=true: a missing tool is a failure, never a skip)", pytrace=False)
    pytest.skip(message)


class A11yTally:
    """What the accessibility tests checked in this session, for the summary line."""

    def __init__(self):
        self.pages: set[str] = set()  # distinct pages axe checked (at every viewport)
        self.axe_runs = 0
        self.states = 0  # interactive states checked with axe (search, drawer, menu)
        self.violations = 0  # WCAG A/AA violations (rule × page × state), must stay 0
        self.best_practice: dict[str, set[str]] = {}  # rule → pages: reported, not failing
        self.vnu_errors: int | None = None
        self.worst_wiio: str | None = None  # the worst grade of each easy-to-read variant
        self.wiio_problem: str | None = None
        self.used = False


TALLY = A11yTally()


@pytest.fixture(scope="session")
def a11y_tally() -> A11yTally:
    TALLY.used = True
    return TALLY


@pytest.fixture(scope="session")
def axe_source() -> str:
    require_tool(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(ROOT)})")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_command() -> list[str]:
    java = shutil.which("java")
    require_tool(java is not None, "java (Debian: default-jre-headless)")
    require_tool(VNU_JAR.is_file(), f"the Nu HTML Checker ({VNU_JAR.relative_to(ROOT)})")
    return [java, "-jar", str(VNU_JAR)]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's, through Playwright)."""
    require_tool(Path(CHROMIUM).is_file(), f"Chromium ({CHROMIUM}; Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_tool(False, "playwright (Python)")
    playwright = sync_playwright().start()
    try:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    except Exception as error:  # noqa: BLE001 — any launch failure means the tool is unusable
        playwright.stop()
        require_tool(False, f"a Chromium that starts ({CHROMIUM}: {str(error).splitlines()[0]})")
    yield instance
    instance.close()
    playwright.stop()


def _contexts(browser, init_script: str | None = None):
    contexts = {}
    for name, size in VIEWPORTS.items():
        context = browser.new_context(viewport=size, locale="fi-FI", reduced_motion="reduce")
        if init_script:
            context.add_init_script(init_script)
        contexts[name] = context
    return contexts


@pytest.fixture(scope="session")
def browser_contexts(browser):
    """One browser context per viewport (1280×900, 320×640), shared by the browser tests."""
    contexts = _contexts(browser)
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.fixture(scope="session")
def axe_contexts(browser, axe_source):
    """Like browser_contexts, with axe-core evaluated into every page before the page's own scripts."""
    contexts = _contexts(browser, axe_source)
    yield contexts
    for context in contexts.values():
        context.close()


# The editors' web form (/admin/) is a tool, not a page of the site: tests/test_cms.py tests it.
FORM_FOLDER = "admin/"


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site as a URL path ("/", "/sv/hankkeet/x/", "/404.html")."""
    paths = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel.startswith(FORM_FOLDER):
            continue
        if rel == "index.html":
            paths.append("/")
        elif rel.endswith("/index.html"):
            paths.append("/" + rel[: -len("index.html")])
        else:
            paths.append("/" + rel)
    return paths


def worst_grades() -> str:
    """The worst readability grade of each easy-to-read variant ("selko Wiio 4.94, lattlast LIX
    32.92"; hbsite.report, from the records)."""
    from hbsite.build import load_content
    from hbsite.report import measure_selko

    worst: dict[tuple[str, str], float] = {}
    for m in measure_selko(load_content(ROOT)):
        key = (m.variant, m.grade_name)
        worst[key] = max(worst.get(key, 0.0), m.grade)
    return ", ".join(f"{variant} {'LIX' if name == 'lix' else 'Wiio'} {value:.2f}" for (variant, name), value in worst.items()) or "n/a"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not TALLY.used:
        return
    if TALLY.worst_wiio is None and TALLY.wiio_problem is None:
        try:
            TALLY.worst_wiio = worst_grades()
        except Exception as error:  # noqa: BLE001 — reported on the line, failed by its test
            TALLY.wiio_problem = f"{type(error).__name__}: {error}"
    wiio = TALLY.worst_wiio or "n/a"
    vnu = TALLY.vnu_errors if TALLY.vnu_errors is not None else "n/a"
    for rule, pages in sorted(TALLY.best_practice.items()):
        terminalreporter.write_line(f"axe best practice (not failing): {rule} on {len(pages)} page(s), e.g. {sorted(pages)[0]}")
    if TALLY.wiio_problem:
        terminalreporter.write_line(f"readability not measured: {TALLY.wiio_problem}")
    terminalreporter.write_line(
        f"accessibility: pages checked {len(TALLY.pages)}, states checked {TALLY.states}, "
        f"violations {TALLY.violations}, vnu errors {vnu}, worst readability: {wiio}"
    )


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """Every test sees the messages in English (the msgids), whatever the machine's locale:
    LANGUAGE comes first of the locale variables (hbsite/messages.py). Subprocesses inherit it
    through os.environ; tests/test_messages.py sets the variables itself to check Finnish."""
    monkeypatch.setenv("LANGUAGE", "en")
