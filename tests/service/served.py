"""Operations a test declares for itself: run by the in-process transport like any other, never listed with them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from counter.case.not_found import CaseNotFound
from counter.db.settings_store import get_setting, put_setting
from counter.service.call import Call
from counter.service.operation import Open, Operation

KEY = "test.count"


@dataclass(frozen=True)
class Count:
    by: int


def count(work: Session, call: Call, request: Count) -> int:
    """Add ``by`` to a stored number and give the new one: a write whose second application would show."""
    total = int(get_setting(work, KEY) or "0") + request.by
    put_setting(work, KEY, str(total))
    return total


def counted(work: Session, call: Call, request: Count) -> int:
    return int(get_setting(work, KEY) or "0")


def missing(work: Session, call: Call, request: Count) -> int:
    put_setting(work, KEY, "written before the refusal")
    raise CaseNotFound(f"XAM01-{request.by}")


def broken(work: Session, call: Call, request: Count) -> int:
    raise ZeroDivisionError(request.by)


@dataclass(frozen=True)
class CaseStep:
    case_no: str


def lock_case(work: Session, call: Call, request: CaseStep) -> bool:
    """What every case step does first: the case's row, locked for the step."""
    from counter.db.case_store import case_by_no

    return case_by_no(work, request.case_no, lock=True) is not None


def count_in_batches(sessions: Any, call: Call, request: Count) -> int:
    """Work of many units (an import in batches): one unit per step, each committed on its own."""
    for _ in range(request.by):
        with sessions.begin() as work:
            count(work, call, Count(1))
    with sessions() as work:
        return int(get_setting(work, KEY) or "0")


def broken_batches(sessions: Any, call: Call, request: Count) -> int:
    from sqlalchemy import text

    with sessions.begin() as work:
        work.execute(text("INSERT INTO no_such_table VALUES (1)"))
    return 0


def write_then_fail(work: Session, call: Call, request: Count) -> int:
    """A write whose first half is in the database's transaction when its second half fails."""
    from sqlalchemy import text

    put_setting(work, KEY, "half")
    work.flush()
    work.execute(text("INSERT INTO no_such_table VALUES (1)"))
    return 0


def write_read_only(work: Session, call: Call, request: Count) -> int:
    from sqlalchemy import text

    work.execute(text("PRAGMA query_only = ON"))
    put_setting(work, KEY, "no")
    work.flush()
    return 0


#: a write whose second application would show, and its read: the operations the tests of every transport ask
COUNT: Operation[Count, int] = Operation("test.count", Count, int, True, Open.ANY_DESK, count)
COUNTED: Operation[Count, int] = Operation("test.counted", Count, int, False, Open.ANY_DESK, counted)
