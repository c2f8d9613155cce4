"""The licence notices the bundle carries (packaging/licences.py): the texts of the GNU
licences Qt and psycopg come under, and every bundled library's own licence files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "hoiku_desk" / "resources" / "licenses"


def licences_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("licences", ROOT / "packaging" / "licences.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_gnu_licence_texts_are_kept_with_the_program() -> None:
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (TEXTS / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in (TEXTS / "GPL-3.0.txt").read_text(encoding="utf-8")


def test_every_bundled_library_with_licence_files_has_them_copied() -> None:
    licences = licences_module()
    names = {d.metadata["Name"].lower() for d in licences.bundled_distributions()}
    assert {"sqlalchemy", "alembic", "psycopg", "psycopg-binary", "argon2-cffi", "openpyxl",
            "pyside6_essentials"} <= names
    assert not {"pytest", "pytest-qt", "hypothesis", "pyinstaller"} & names  # only what runs
    entries = licences.licence_files()
    folders = {folder for _, folder in entries}
    assert {"licenses/SQLAlchemy", "licenses/psycopg", "licenses/alembic"} <= folders
    assert all(Path(source).is_file() for source, _ in entries)
