"""Alembic environment: batch mode and transactional DDL on SQLite (see PLATFORM.md)."""

from alembic import context

from hoiku_desk.models import Base

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # the alembic command line, for writing new revisions
        from hoiku_desk.services import database

        url, _ = database.resolve(config.get_main_option("sqlalchemy.url"))
        with database.create(url).connect() as own:
            _migrate(own)
            own.commit()
        return
    _migrate(connection)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        transactional_ddl=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
