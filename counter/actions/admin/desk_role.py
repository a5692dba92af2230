"""The role a hall's desks connect to PostgreSQL as: rows, never the tables (see :mod:`counter.db.desk_role`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.db.desk_role import GrantProblem
from counter.db.desk_role import grant_desk_role as _grant

__all__ = ["GrantProblem", "grant_desk_role"]


def grant_desk_role(session: Session, role: str, password: str | None = None) -> GrantProblem | None:
    """Grant ``role`` what the desks do with rows (creating it if this connection may); the caller commits.

    No account is asked for: it is PostgreSQL that lets only the tables' owner
    grant on them, so the command works for whoever ran ``counter db upgrade``
    and for nobody else.
    """
    return _grant(session, role, password)
