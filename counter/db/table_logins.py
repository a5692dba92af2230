"""Which logins besides the tables' owner hold rights on a hall's tables: on a server-mode hall, none should.

A hall set up before the hall server granted its desks a role of their own (``counter_desk``); the program no longer
grants one, but an upgrade alone does not take it away, and whoever holds its password could still write the
tables behind the server.  ``counter db upgrade`` asks this after migrating and names them, so that the 运维手册's
step that retires such a role is not missed.  SQLite has no logins: its file's mode is its protection.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

#: the roles named in the tables' access lists, but for each table's owner; PUBLIC (grantee 0) names no role
_GRANTED = """
SELECT DISTINCT r.rolname
FROM pg_class AS c
JOIN pg_namespace AS n ON n.oid = c.relnamespace
CROSS JOIN LATERAL aclexplode(c.relacl) AS a
JOIN pg_roles AS r ON r.oid = a.grantee
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S') AND a.grantee <> c.relowner
ORDER BY r.rolname
"""


def other_table_logins(session: Session) -> tuple[str, ...]:
    """The roles other than the owner granted anything on this schema's tables or sequences, by name."""
    if session.get_bind().dialect.name != "postgresql":
        return ()
    return tuple(str(role) for role in session.scalars(text(_GRANTED)))
