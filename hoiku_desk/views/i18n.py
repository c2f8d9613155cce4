"""Translations of the window's own labels: Qt's ``qtbase`` catalogue (standard buttons,
calendar) and ours, ``resources/i18n/hoiku_desk_<lang>.ts`` compiled to ``.qm``.

From a source checkout the ``.ts`` is compiled with ``lrelease`` (shipped in the
PySide6-Essentials wheel) into the user cache folder whenever the ``.qm`` there is missing or
older.  A frozen or installed build carries the compiled file as package data instead:
``hoiku_desk/resources/i18n/hoiku_desk_<lang>.qm``.  Error sentences do not come from here
but from :mod:`hoiku_desk.messages`.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

import hoiku_desk

log = logging.getLogger(__name__)

PACKAGE = Path(hoiku_desk.__file__).resolve().parent
#: The ``.ts`` sources, at the project root of a source checkout.
SOURCE_DIR = PACKAGE.parent / "resources" / "i18n"
#: Compiled catalogues shipped inside the package (wheel, PyInstaller bundle).
PACKAGED_DIR = PACKAGE / "resources" / "i18n"
CATALOGUE = "hoiku_desk"
LRELEASE_SECONDS = 60


def cache_dir() -> Path:
    """Where compiled catalogues are kept: the user cache folder."""
    from platformdirs import user_cache_path

    return user_cache_path("hoiku-desk", appauthor=False) / "i18n"


def lrelease_command() -> list[str] | None:
    """``lrelease`` from the PySide6 wheel, else the ``pyside6-lrelease`` script on PATH."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.is_file():
        return [str(bundled)]
    script = shutil.which("pyside6-lrelease")
    return [script] if script else None


def compiled(source: Path, folder: Path) -> Path | None:
    """``source`` (.ts) compiled into ``folder``, again only when it changed; None on failure."""
    target = folder / f"{source.stem}.qm"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    command = lrelease_command()
    if command is None:
        log.warning("lrelease not found: %s stays uncompiled", source)
        return None
    partial = folder / f"{source.stem}.{os.getpid()}.qm.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [*command, "-silent", "-nounfinished", str(source), "-qm", str(partial)],
            capture_output=True, text=True, encoding="utf-8", errors="replace",
            timeout=LRELEASE_SECONDS, check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        if done.returncode != 0 or not partial.is_file():
            log.warning("lrelease failed on %s: %s", source, done.stderr.strip())
            partial.unlink(missing_ok=True)
            return None
        os.replace(partial, target)  # atomic: two windows starting at once both see a whole file
    except (OSError, subprocess.SubprocessError) as error:  # the window then shows English labels
        log.warning("cannot compile %s: %s", source, error)
        return None
    return target


def catalogue(lang: str, folder: Path | None = None) -> Path | None:
    """Our compiled catalogue for ``lang``: the packaged one when frozen or when no source
    ``.ts`` is present, else the source compiled into ``folder`` (default: the user cache)."""
    source = SOURCE_DIR / f"{CATALOGUE}_{lang}.ts"
    packaged = PACKAGED_DIR / f"{CATALOGUE}_{lang}.qm"
    if getattr(sys, "frozen", False) or not source.is_file():
        return packaged if packaged.is_file() else None
    return compiled(source, folder or cache_dir())


def install(app: QApplication, lang: str, folder: Path | None = None) -> list[QTranslator]:
    """Install Qt's own catalogue, then ours, for ``lang`` (English needs none: the source
    strings are English). Returns the installed translators (children of ``app``)."""
    if lang == "en":
        return []
    installed = []
    qt_catalogue = QTranslator(app)
    if qt_catalogue.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_catalogue)
    ours = catalogue(lang, folder)
    if ours is not None:
        own_catalogue = QTranslator(app)
        if own_catalogue.load(str(ours)):
            installed.append(own_catalogue)
    for translator in installed:
        app.installTranslator(translator)
    return installed
