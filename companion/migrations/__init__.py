"""Alembic migrations, shipped inside the package so that the service migrates itself.

Run them with ``companion.db.migrate(url)``. To write the next revision, autogenerate it
against a database at the current head::

    from alembic import command
    from companion.db import alembic_config
    command.revision(alembic_config(URL), "what changed", autogenerate=True)

then read and edit the generated file: migrations are written out, never
``create_all``.
"""
