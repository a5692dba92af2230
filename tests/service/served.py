"""Operations a test declares for itself: run by the in-process transport like any other, never listed with them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.case.not_found import CaseNotFound
from counter.db.settings_store import get_setting, put_setting

KEY = "test.count"


@dataclass(frozen=True)
class Count:
    by: int


def count(work: Session, desk: Desk | None, request: Count) -> int:
    """Add ``by`` to a stored number and give the new one: a write whose second application would show."""
    total = int(get_setting(work, KEY) or "0") + request.by
    put_setting(work, KEY, str(total))
    return total


def counted(work: Session, desk: Desk | None, request: Count) -> int:
    return int(get_setting(work, KEY) or "0")


def missing(work: Session, desk: Desk | None, request: Count) -> int:
    put_setting(work, KEY, "written before the refusal")
    raise CaseNotFound(f"XAM01-{request.by}")


def broken(work: Session, desk: Desk | None, request: Count) -> int:
    raise ZeroDivisionError(request.by)


@dataclass(frozen=True)
class CaseStep:
    case_no: str


def lock_case(work: Session, desk: Desk | None, request: CaseStep) -> bool:
    """What every case step does first: the case's row, locked for the step."""
    from counter.db.case_store import case_by_no

    return case_by_no(work, request.case_no, lock=True) is not None
