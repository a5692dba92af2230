"""The desk role as the program granted it before the hall server: what a hall set up by the old 运维手册 has.

This is the grant ``counter db grant-desk`` made (removed from the program with the desk role), kept here word for
word so that a test can build such a hall and move it to the server as the manual says
(tests/db/test_hall_setup_doc.py).  Nothing of the program uses it.
"""

from __future__ import annotations

import re
from enum import StrEnum

from sqlalchemy import text
from sqlalchemy.orm import Session

#: tables the desks only read: the schema's version, the peers the hall trusts (the administrator's login adds them),
#: the hall server's desks and sessions (a desk role that wrote one would make itself a signed-in session)
READ_ONLY = frozenset({"alembic_version", "site_peer", "hall_desk", "desk_session"})
#: tables whose rows the program only appends, without the trigger that refuses a change: a project's history
APPEND_ONLY = frozenset({"project_history"})
#: the columns of an account a desk writes: a sign-in's count, lock and time, none of which decides who may do what.
#: Not the password hash: with it and an entry appended to match, the desk's login could make itself any account;
#: a clerk's new password is set on the administrator's login, and a sign-in leaves an old-cost hash as it is there
ACCOUNT_COLUMNS = ("failed_logins", "locked_until", "last_login_at")
#: the settings a desk's own work keeps, by the start of their keys: what was sent to each site and the bundled
#: catalog's fingerprint; every other setting (the site's identity and key, the gateway, the rules) is the
#: administrator's
DESK_SETTINGS = ("sync.baseline.", "sync.marks.", "catalog.bundled.", "catalog.prepared.")

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
        if table == "account":
            statements.append(f'GRANT UPDATE ({", ".join(ACCOUNT_COLUMNS)}) ON TABLE account TO "{role}"')
            continue
        rights = "INSERT" if table in insert_only | APPEND_ONLY else "INSERT, UPDATE, DELETE"
        statements.append(f'GRANT {rights} ON TABLE "{table}" TO "{role}"')
    statements.extend(_setting_policies(role))
    for statement in statements:
        session.execute(text(statement))
    return None


def _setting_policies(role: str) -> list[str]:
    """Row-level security on ``setting``: the role reads every row and writes only :data:`DESK_SETTINGS`.

    The owner is not bound by the policies (the table is not forced), so the administrator's login writes any.
    """
    desk_keys = " OR ".join(f"key LIKE '{prefix}%'" for prefix in DESK_SETTINGS)
    reads, writes = f'"{role}_reads"', f'"{role}_writes"'
    return [
        "ALTER TABLE setting ENABLE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS {reads} ON setting",
        f"DROP POLICY IF EXISTS {writes} ON setting",
        f'CREATE POLICY {reads} ON setting FOR SELECT TO "{role}" USING (true)',
        f'CREATE POLICY {writes} ON setting FOR ALL TO "{role}" USING ({desk_keys}) WITH CHECK ({desk_keys})',
    ]
