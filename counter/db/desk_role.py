"""The PostgreSQL role a hall's desks connect as: it reads and writes rows, and owns nothing.

Why.  The insert-only triggers (the audit trail, its seals, ratings and
rectifications) are only as strong as whoever may drop them, and on PostgreSQL
that is the owner of the table.  A desk that connected as the owner could
``ALTER TABLE audit_entry DISABLE TRIGGER ALL`` and rewrite the trail.  So the
owner (the role that ran ``counter db upgrade``) keeps the tables, and the desks
connect as another role granted only what the program does with rows:

- SELECT and INSERT on every table, and the use of every sequence;
- UPDATE and DELETE on the tables whose rows the program changes — never on
  the insert-only ones (found by their trigger, so a table a later migration
  makes insert-only is covered), nor on ``alembic_version``;
- no TRUNCATE, no REFERENCES, no TRIGGER, no ownership: it cannot alter a
  table, disable or drop a trigger, nor migrate the schema.

The grant is made again after every upgrade (a new table is granted nothing
until then), which is why ``counter db grant-desk`` is safe to run any number of
times: it revokes what the role had and grants the list above.
"""

from __future__ import annotations

import re
from enum import StrEnum

from sqlalchemy import text
from sqlalchemy.orm import Session

#: tables the desks only read
READ_ONLY = frozenset({"alembic_version"})

_TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
#: the tables whose rows are written once: those the migrations gave the trigger that refuses UPDATE and DELETE
_INSERT_ONLY = (
    "SELECT DISTINCT c.relname FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid "
    "JOIN pg_proc AS p ON p.oid = t.tgfoid "
    "WHERE p.proname = 'counter_row_is_final' AND NOT t.tgisinternal AND (t.tgtype & 16) <> 0"
)  # 16: the trigger fires on UPDATE (a case's trigger refuses only DELETE, and its rows do change)

_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class GrantProblem(StrEnum):
    NOT_POSTGRESQL = "not_postgresql"  # SQLite has no roles: the file's mode is its protection
    BAD_NAME = "bad_role_name"  # lower-case letters, digits and _ only, as PostgreSQL folds an unquoted name
    OWNER = "role_is_owner"  # the role named owns tables here: it could disable the triggers
    CANNOT_CREATE = "cannot_create_role"  # no such role, and this connection may not create one


def grant_desk_role(session: Session, role: str, password: str | None = None) -> GrantProblem | None:
    """Make ``role`` (created when missing, with ``password``) the desks' role on this database; the caller commits.

    Returns the problem instead when it cannot be done, having changed nothing.
    """
    if session.get_bind().dialect.name != "postgresql":
        return GrantProblem.NOT_POSTGRESQL
    if not _ROLE_NAME.match(role):
        return GrantProblem.BAD_NAME
    owned = session.scalar(
        text("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner = :role"),
        {"role": role},
    )
    if owned:
        return GrantProblem.OWNER
    exists = session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role})
    if not exists:
        may_create = session.scalar(text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user"))
        if not may_create:
            return GrantProblem.CANNOT_CREATE
        # a role's name cannot be a bound parameter; it was checked against _ROLE_NAME above
        session.execute(text(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE'))
        if password:
            quoted = session.scalar(text("SELECT quote_literal(:pw)"), {"pw": password})
            session.execute(text(f'ALTER ROLE "{role}" PASSWORD {quoted}'))
    tables = [str(t) for t in session.scalars(text(_TABLES))]
    insert_only = {str(t) for t in session.scalars(text(_INSERT_ONLY))}
    database = session.scalar(text("SELECT quote_ident(current_database())"))
    statements = [
        f'GRANT CONNECT ON DATABASE {database} TO "{role}"',
        f'GRANT USAGE ON SCHEMA public TO "{role}"',
        f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{role}"',
        f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}"',
    ]
    for table in tables:
        if table in READ_ONLY:
            continue
        rights = "INSERT" if table in insert_only else "INSERT, UPDATE, DELETE"
        statements.append(f'GRANT {rights} ON TABLE "{table}" TO "{role}"')
    for statement in statements:
        session.execute(text(statement))
    return None
