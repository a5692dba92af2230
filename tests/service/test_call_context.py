"""The call's context is the transport's: the day and the moment an operation runs on are the clock of the process
that runs it, never a field a desk fills in.

An intake once carried the day its materials arrived (``received_on``) and the desk's ``today``: a desk sending an
arrival a month back with two required materials missing had its application accepted "by law" (the 补正 told more
than five working days after arrival, 行政许可法 第三十二条第一款第四项), on the desk's word alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counter.access.desk import Desk
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.actions.site.store import Store
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseStatus
from counter.catalog.model import Necessity
from counter.intake.checklist import Receipt, record
from counter.service.call import Call, Clock
from counter.service.cases import SHOW_CASE
from counter.service.catalogue import operations
from counter.service.codec import Malformed, decode, encode
from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, TakeIntake
from counter.service.local import InProcess
from counter.service.requests import BundleCode, CaseNo
from tests.actions.test_intake_actions import applicant
from tests.conftest import made_database

#: the hall's day: a Friday with working days on either side
DAY = dt.date(2026, 11, 20)
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")
#: names a request's field had when it carried the moment of its call, at any depth of the request
MOMENT_NAMES = frozenset({"today", "now", "at", "received_on"})


@pytest.fixture
def service(tmp_path: Path) -> Iterator[InProcess]:
    store = Store(made_database(tmp_path / "hall.sqlite3"), create=True)
    yield InProcess(store, clock=Clock(DAY))
    store.dispose()


def _fields(hint: Any, seen: set[Any]) -> Iterator[tuple[str, str]]:
    """Each field of the dataclasses ``hint`` names, at any depth: (its dataclass, its name)."""
    for arg in typing.get_args(hint) or (hint,):
        if not (isinstance(arg, type) and dataclasses.is_dataclass(arg)) or arg in seen:
            if typing.get_args(arg):
                yield from _fields(arg, seen)
            continue
        seen.add(arg)
        for name, inner in typing.get_type_hints(arg).items():
            yield arg.__name__, name
            yield from _fields(inner, seen)


def test_no_request_carries_the_day_or_moment_of_its_call() -> None:
    found = {
        f"{op.name}: {owner}.{name}"
        for op in operations().values()  # the server's own (a sign-in, a session's use, the prune) as every other
        for owner, name in _fields(op.request, set())
        if name in MOMENT_NAMES
    }
    assert not found


def _with_two_required_missing(service: InProcess) -> IntakeRequest:
    stored = service.call(READ_CURRENT_GUIDE, BundleCode("XAM-YJS-008"), DESK)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    required = [
        m.code for m in stored.bundle.materials_for(checklist.answers_dict()) if m.necessity is Necessity.REQUIRED
    ]
    for code in required[:2]:
        checklist = record(checklist, code, Receipt.MISSING)
    return IntakeRequest(checklist, applicant())


def test_an_intake_sent_with_an_arrival_a_month_back_is_a_correction_on_the_intake_day(service: InProcess) -> None:
    """The arrival a desk once stated (``received_on``, with its own ``today``) is no field of an intake: such a body,
    as an older desk or a forger sends it, is refused naming the field, and the same intake without it is a 补正
    dated on the transport's day, the two missing materials counted from then."""
    body = encode(TakeIntake(_with_two_required_missing(service)), TakeIntake)
    forged = json.loads(json.dumps(body))
    forged["request"]["received_on"] = (DAY - dt.timedelta(days=30)).isoformat()
    forged["today"] = DAY.isoformat()
    with pytest.raises(Malformed) as refused:
        decode(forged, TakeIntake)
    assert "received_on" in str(refused.value) or "today" in str(refused.value)
    asked = decode(json.loads(json.dumps(body)), TakeIntake)
    taken = service.call(TAKE_INTAKE, asked, DESK)
    shown = service.call(SHOW_CASE, CaseNo(taken.case_no), DESK).view
    assert shown is not None
    assert (shown.status, shown.received_on, shown.accepted_on) == (CaseStatus.CORRECTION_ISSUED, DAY, None)
    assert taken.case_no.split("-")[1] == f"{DAY:%Y%m%d}"


def test_the_call_is_dated_by_the_clock_of_the_transport_whatever_the_desks() -> None:
    """A training desk's fixed day keeps the time of day; the machine's clock is its own."""
    trained = Call.on(Clock(DAY), DESK)
    assert (trained.today, trained.now.date(), trained.desk) == (DAY, DAY, DESK)
    real = Call.on(Clock())
    assert real.today == real.now.date()
    assert real.now.tzinfo is not None
