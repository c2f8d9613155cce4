"""Alembic migrations, run programmatically by ``Desk.open``.

``HEAD_REVISION`` lets a start-up skip importing Alembic (half a second) when the schema is
current; a test keeps it equal to the newest script's revision.  Revisions are numbered
"0001", "0002", … so that a database written by a newer program is recognised and refused.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

HEAD_REVISION = "0005"
SCRIPT_LOCATION = Path(__file__).resolve().parent


def config():  # type: ignore[no-untyped-def]
    """An Alembic ``Config`` pointing at this folder (no ini file needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade to ``revision`` in one transaction: all of it, or nothing."""
    from alembic import command

    cfg = config()
    with engine.connect() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
        connection.commit()
