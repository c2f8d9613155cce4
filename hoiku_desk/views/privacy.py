"""Files that hold children's personal data (names, birth dates, phone numbers, allergies):
their suggested names say so, and saving one outside the data folder asks first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hoiku_desk.views.dialogs import Dialogs

# Added to the suggested name of a file holding personal data.
PERSONAL_MARKER = "_個人情報"


def personal_name(name: str) -> str:
    """``name`` with :data:`PERSONAL_MARKER` before its extension."""
    path = Path(name)
    return f"{path.stem}{PERSONAL_MARKER}{path.suffix}"


def outside_data_folder(path: Path) -> bool:
    """Whether ``path`` lies outside the program's data folder (on a USB stick, a shared
    folder, the desktop…)."""
    from hoiku_desk.services import database  # not at import: the window's frame shows without it

    return not path.resolve().is_relative_to(database.data_dir().resolve())


def confirm_personal_save(dialogs: Dialogs, parent: QWidget | None, title: str, path: Path) -> bool:
    """True when ``path`` is inside the data folder, or staff confirm saving personal data
    outside it."""
    if not outside_data_folder(path):
        return True
    warning = QCoreApplication.translate(
        "Privacy",
        "This file holds children's personal data and will be saved outside the data folder "
        "(%1). If you save it on a USB stick or in a shared folder, please handle it with care. "
        "Save it?").replace("%1", str(path.parent))
    return dialogs.confirm(parent, title, warning)
