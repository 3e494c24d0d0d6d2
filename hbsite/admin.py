"""MkDocs hook (mkdocs.yml → hooks): the editors' web form at /admin/.

The form itself (Sveltia CMS from npm, bundled by Vite) is built by `tools/build_admin.sh` into
build/admin/; this hook copies it into the site after each build, with admin/config.yml (made
from the schema by `build_pages.py cms`) and the backend that only the publishing side knows:
the GitHub repository (HB_CMS_REPO, in GitHub Actions its own repository) and the address of
the login proxy (HB_CMS_AUTH_URL). Without build/admin/ the site is built without the form.
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "build" / "admin"
CONFIG = ROOT / "admin" / "config.yml"
log = logging.getLogger("mkdocs.hooks.hb-admin")


def backend(environ=os.environ) -> dict:
    """The form's backend: GitHub, changes as pull requests (publish_mode in the config)."""
    repo = environ.get("HB_CMS_REPO") or environ.get("GITHUB_REPOSITORY") or ""
    out = {"name": "github", "repo": repo or "OWNER/REPOSITORY", "branch": environ.get("HB_CMS_BRANCH", "main")}
    if environ.get("HB_CMS_AUTH_URL"):
        out["base_url"] = environ["HB_CMS_AUTH_URL"]
    return out


def site_config(environ=os.environ) -> str:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return yaml.safe_dump({"backend": backend(environ), **config}, allow_unicode=True, sort_keys=False, width=100)


def on_post_build(config, **kwargs) -> None:
    variants = config.plugins.get("hb-i18n")
    if variants is not None and not variants.is_default_language_build:
        return  # once per site, in the default variant's build (the others may run in parallel)
    if not (BUNDLE / "index.html").is_file():
        log.info("no build/admin/: the site is built without the web form (bash tools/build_admin.sh makes it)")
        return
    target = Path(config["site_dir"]) / "admin"
    shutil.copytree(BUNDLE, target, dirs_exist_ok=True)
    (target / "config.yml").write_text(site_config(), encoding="utf-8")
