"""A township's validly signed package carries only what is the township's to say.

Each test forges what a hostile (or broken) township could sign with its own registered key: the hall's next case
number, a rating or history line on one of the hall's own cases, a rating naming a hall clerk, an event only the
hall may write, a date in 2099, an 8 MB name.  The forged record waits on the review list with its reason (or the
package is refused whole, for sizes no case has), the rest of the package goes in, and the hall works on.  The hall
is on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document
from counter.actions.intake.take import move_case
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.actions.site.demo import run_demo
from counter.actions.sync.sync_status import review_items
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.db.sync.store import guide_records
from counter.documents.kinds import DocumentKind
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import FORMER_DEFAULT_CLERK, DeskConfig
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.sync.keys import encryption_key_path, load_private_key
from counter.sync.package import Header, PackageKind, PackageRejected, RejectCode
from counter.sync.record_json import to_dict
from tests.conftest import REPO
from tests.sync.case_records import case_records
from tests.sync.packages import write_package
from tests.sync.sync_world import NOW, TODAY, Site, township_with_demo
from tests.sync.test_sync_flow import counts, unpack

HALL_CLERK = "XAM01职员"  # the hall's desk, as make_site sets it up
HALL_NEXT = f"XAM01-{TODAY:%Y%m%d}-01-0001"  # the number the hall's desk 1 gives its next intake today


@dataclasses.dataclass
class Pair:
    hall: Site
    ars: Site


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[Pair]:
    for hall, ars in township_with_demo(request, catalog, tmp_path):
        yield Pair(hall, ars)


def signed(pair: Pair, body: list[dict[str, Any]], export_no: int = 1) -> bytes:
    """``body`` as the township's cases package for the hall, sealed to the hall and signed with the township's own
    key: a package the hall trusts."""
    site = pair.ars
    header = Header(site.code, "township", "XAM01", PackageKind.CASES, export_no, NOW, None, len(body))
    return write_package(header, body, load_private_key(site.key_path), pair.hall.identity.encryption_key)


def township_body(pair: Pair) -> list[dict[str, Any]]:
    """The records of the township's next package, opened with the hall's key as the hall would."""
    return unpack(pair.ars.export().data, pair.hall)[1]


def cases_of(body: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in body if r["type"] == "case"]


def held(site: Site) -> list[tuple[str, str]]:
    with site.sessions() as session:
        return [(i.record_key, i.reason) for i in review_items(session)]


def hall_case(hall: Site) -> dict[str, Any]:
    """One of the hall's own cases (taken at its desk), as its sync record."""
    with hall.sessions() as session:
        case_id = session.scalars(select(models.Case.id).where(models.Case.site_code == "XAM01")).first()
        assert case_id is not None
        return to_dict(case_records(session, [case_id])[0])


def rows(site: Site, model: type[models.Base]) -> int:
    with site.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def history_of(site: Site, case_no: str) -> list[str]:
    with site.sessions() as session:
        case_id = session.scalar(select(models.Case.id).where(models.Case.case_no == case_no))
        h = models.CaseHistory
        return list(session.scalars(select(h.event).where(h.case_id == case_id).order_by(h.id)))


def test_a_case_numbered_like_the_halls_next_waits_for_review_and_the_hall_desk_takes_that_number(
    pair: Pair, caplog: pytest.LogCaptureFixture
) -> None:
    body = township_body(pair)
    forged = cases_of(body)[0]
    forged["case_no"] = HALL_NEXT  # the township's own site code and desk "1" on it: only the number is the hall's
    report = pair.hall.take(signed(pair, body))
    assert (report.applied, report.held) == (5, 1)
    assert held(pair.hall) == [(forged["uid"], "not_own_number")]
    assert f"case {forged['uid']} refused (not_own_number): case_no {HALL_NEXT}" in caplog.text  # for support
    made = run_demo(pair.hall.sessions, pair.hall.desk, TODAY)  # the hall desk's next intakes
    assert made[0].case_no == HALL_NEXT
    with pair.hall.sessions() as session:
        assert session.scalar(select(models.Case.site_code).where(models.Case.case_no == HALL_NEXT)) == "XAM01"


def test_a_case_whose_number_names_another_desk_than_its_own_waits_for_review(pair: Pair) -> None:
    body = township_body(pair)
    forged = cases_of(body)[0]
    forged["case_no"] = f"ARS01-{TODAY:%Y%m%d}-07-0001"  # the township's series, but desk 7's, on a desk-1 case
    pair.hall.take(signed(pair, body))
    assert held(pair.hall) == [(forged["uid"], "not_own_number")]


def township_bad_rating(ars: Site) -> str:
    """A 非常不满意 on the township's first case, as its pad records it; that case's uid."""
    desk = desk_at(DeskConfig(site_code="ARS01", site_name="明水河镇便民服务中心", desk_no="1", clerk="ARS01职员"))
    with ars.sessions.begin() as session:
        first = session.execute(select(models.Case.case_no, models.Case.uid).order_by(models.Case.id)).first()
        assert first is not None
        case_no, uid = first
        pad = send_to_pad(session, case_no, desk, NOW)
        choice = RatingChoice(Level.VERY_DISSATISFIED, ("等待时间长",), '=HYPERLINK("http://x","点此")')
        record_rating(session, pad.request_id, choice, desk, NOW, office_calendar(session))
    return str(uid)


@pytest.mark.parametrize(
    ("number", "reason"), [("the hall's", "not_own_number"), ("the township's own", "not_own_case")]
)
def test_a_bad_rating_planted_on_a_hall_case_is_refused(pair: Pair, number: str, reason: str) -> None:
    run_demo(pair.hall.sessions, pair.hall.desk, TODAY)
    target = hall_case(pair.hall)
    uid = township_bad_rating(pair.ars)
    body = township_body(pair)
    forged = next(c for c in cases_of(body) if c["uid"] == uid)
    forged["uid"] = target["uid"]  # the hall's case, under the township's site code
    if number == "the hall's":
        forged["case_no"] = target["case_no"]
    rating = forged["ratings"][0]["rating"]
    rating["clerk"] = forged["ratings"][0]["clerk"] = HALL_CLERK
    before = history_of(pair.hall, target["case_no"])
    report = pair.hall.take(signed(pair, body))
    assert (report.applied, report.held) == (5, 1)
    assert held(pair.hall) == [(target["uid"], reason)]
    assert rows(pair.hall, models.Rating) == rows(pair.hall, models.RatingRequest) == 0
    assert history_of(pair.hall, target["case_no"]) == before


def test_a_township_case_answering_a_hall_case_as_its_earlier_one_waits_for_review(pair: Pair) -> None:
    """A 补正 resubmission names the case it answers: one naming the hall's own case would hang the township's
    case on it.  Held as not the township's, the hall's case as it was, the township's others taken."""
    run_demo(pair.hall.sessions, pair.hall.desk, TODAY)
    target = hall_case(pair.hall)
    body = township_body(pair)
    forged = cases_of(body)[0]
    forged["previous_uid"] = target["uid"]
    before = history_of(pair.hall, target["case_no"])
    report = pair.hall.take(signed(pair, body))
    assert (report.applied, report.held) == (5, 1)
    assert held(pair.hall) == [(forged["uid"], "not_own_case")]
    assert history_of(pair.hall, target["case_no"]) == before


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda round_: round_["rating"].update(clerk=HALL_CLERK), "hall_clerk"),
        (lambda round_: round_.update(clerk=HALL_CLERK), "hall_clerk"),
        (lambda round_: round_["rating"].update(site_code="XAM01"), "not_own_part"),
    ],
    ids=["rating's clerk", "request's clerk", "rating's site"],
)
def test_a_rating_on_the_townships_own_case_naming_the_hall_is_refused(
    pair: Pair, change: Callable[[dict[str, Any]], None], reason: str
) -> None:
    uid = township_bad_rating(pair.ars)
    body = township_body(pair)
    change(next(c for c in cases_of(body) if c["uid"] == uid)["ratings"][0])
    pair.hall.take(signed(pair, body))
    assert held(pair.hall) == [(uid, reason)]
    assert rows(pair.hall, models.Rating) == 0


def test_a_rating_naming_a_clerk_of_another_hall_desk_is_refused(pair: Pair) -> None:
    """The importing desk is one of many: a clerk who took cases at another hall desk is the hall's too."""
    other = desk_at(DeskConfig(site_code="XAM01", site_name="兴安盟政务服务中心", desk_no="2", clerk="李娜"))
    run_demo(pair.hall.sessions, other, TODAY)
    uid = township_bad_rating(pair.ars)
    body = township_body(pair)
    rated = next(c for c in cases_of(body) if c["uid"] == uid)["ratings"][0]
    rated["clerk"] = rated["rating"]["clerk"] = "李娜"
    pair.hall.take(signed(pair, body))
    assert held(pair.hall) == [(uid, "hall_clerk")]
    assert rows(pair.hall, models.Rating) == 0


def test_a_clerk_under_an_unconfigured_desks_name_is_nobody_in_particular(pair: Pair) -> None:
    """Both sites' desks may keep the placeholder name older desks printed before a clerk had to be named: a rating
    of a township's clerk under it goes in."""
    placeholder = FORMER_DEFAULT_CLERK
    hall = dataclasses.replace(pair.hall, desk=dataclasses.replace(pair.hall.desk, clerk=placeholder))
    uid = township_bad_rating(pair.ars)
    body = township_body(pair)
    rated = next(c for c in cases_of(body) if c["uid"] == uid)["ratings"][0]
    rated["clerk"] = rated["rating"]["clerk"] = placeholder
    report = hall.take(signed(pair, body))
    assert (report.applied, report.held) == (6, 0)
    assert rows(hall, models.Rating) == 1


def line(event: str, at: dt.datetime, status_after: str) -> dict[str, Any]:
    return {"at": at.isoformat(), "clerk": "ARS01职员", "desk_no": "1", "event": event, "status_after": status_after,
            "note": ""}  # fmt: skip


def test_an_approved_line_appended_to_a_hall_case_is_refused(pair: Pair) -> None:
    run_demo(pair.hall.sessions, pair.hall.desk, TODAY)
    target = hall_case(pair.hall)
    before = history_of(pair.hall, target["case_no"])
    forged = copy.deepcopy(target) | {"site_code": "ARS01", "desk_no": "1", "clerk": "ARS01职员"}
    forged["history"] = [*forged["history"], line("approved", NOW + dt.timedelta(hours=1), "ready")]
    report = pair.hall.take(signed(pair, [forged]))
    assert (report.applied, report.held) == (0, 1)
    assert held(pair.hall) == [(target["uid"], "not_own_number")]
    assert history_of(pair.hall, target["case_no"]) == before


def test_a_township_adds_only_township_events_to_its_own_case_and_carries_the_halls_back_freely(pair: Pair) -> None:
    pair.hall.take(pair.ars.export().data)
    with pair.ars.sessions() as session:
        accepted = session.scalar(select(models.Case).where(models.Case.status == CaseStatus.ACCEPTED.value))
        assert accepted is not None
        case_no, case_id = accepted.case_no, accepted.id
    with pair.hall.sessions.begin() as session:
        move_case(session, pair.hall.desk, case_no, CaseEvent.SENT_TO_APPROVAL)
    pair.ars.take(pair.hall.export(pair.ars.code).data)  # the hall's progress: its sent_to_approval line
    with pair.ars.sessions() as session:
        record = to_dict(case_records(session, [case_id])[0])
    assert [x["event"] for x in record["history"]] == ["taken", "sent_to_approval"]
    report = pair.hall.take(signed(pair, [record], export_no=2))  # the hall's own line, carried back
    assert (report.unchanged, report.held) == (1, 0)

    granted = copy.deepcopy(record)
    granted["history"].append(line(CaseEvent.ITEM_APPROVED.value, NOW + dt.timedelta(hours=2), "in_approval"))
    report = pair.hall.take(signed(pair, [granted], export_no=3))
    assert report.held == 1
    assert held(pair.hall) == [(record["uid"], "not_township_item")]
    assert history_of(pair.hall, case_no) == ["taken", "sent_to_approval"]

    handed_in = copy.deepcopy(record)  # a township's own step on the same case, after the hall's, goes in
    after = dt.datetime.fromisoformat(record["history"][-1]["at"]) + dt.timedelta(minutes=1)
    handed_in["history"].append(line(CaseEvent.WITHDRAWN.value, after, "withdrawn"))
    report = pair.hall.take(signed(pair, [handed_in], export_no=4))
    assert (report.applied, report.held) == (1, 0)
    assert history_of(pair.hall, case_no) == ["taken", "sent_to_approval", "withdrawn"]


def set_received(case: dict[str, Any], day: str) -> None:
    case["received_on"] = day


def set_line_at(case: dict[str, Any], at: str) -> None:
    case["history"][0]["at"] = at


def set_promised(case: dict[str, Any], day: str) -> None:
    case["promised_on"] = day


@pytest.mark.parametrize(
    ("change", "value"),
    [
        (set_received, "2099-01-01"),
        (set_received, "2003-12-31"),  # before the first day a desk accepts
        (set_line_at, "2099-06-01T08:00:00+00:00"),
        (set_promised, "2099-01-01"),
    ],
    ids=["received in 2099", "received before 2004", "a line in 2099", "promised for 2099"],
)
def test_a_date_outside_the_supported_range_is_refused(
    pair: Pair, change: Callable[[dict[str, Any], str], None], value: str
) -> None:
    body = township_body(pair)
    forged = cases_of(body)[0]
    change(forged, value)
    report = pair.hall.take(signed(pair, body))
    assert (report.applied, report.held) == (5, 1)
    assert held(pair.hall) == [(forged["uid"], "bad_date")]


def test_a_name_with_direction_changing_characters_is_refused(pair: Pair) -> None:
    body = township_body(pair)
    forged = cases_of(body)[0]
    forged["applicant_name"] = "王\u202e强志刘"  # shows as 王刘志强
    pair.hall.take(signed(pair, body))
    assert held(pair.hall) == [(forged["uid"], "bad_characters")]


@pytest.mark.parametrize(
    ("field", "value"),
    [("applicant_name", "其\u200b其格"), ("applicant_name", "王" * 120), ("applicant_address", "路" * 300),
     ("agent_authorisation", "授权\ufe0f")],
)  # fmt: skip
def test_a_text_the_desk_would_not_take_holds_its_record_not_the_package(pair: Pair, field: str, value: str) -> None:
    """Within the package's structure, beyond what a desk takes: the case waits on the review list, named; the
    township's other cases go in, and its next package is not refused for it."""
    body = township_body(pair)
    forged = cases_of(body)[0]
    forged[field] = value
    report = pair.hall.take(signed(pair, body))
    assert (report.applied, report.held) == (5, 1)
    assert held(pair.hall) == [(forged["uid"], "bad_characters")]


def test_a_township_package_carrying_guide_versions_is_refused_whole(pair: Pair) -> None:
    """Guide versions come down from the hall (and up only from a hall to its league): a township's package that
    carries one would put its own 办事指南 in the hall's catalog.  Refused whole, the township's cases with it."""
    body = township_body(pair)
    with pair.ars.sessions() as session:
        guides = [to_dict(g) for g in guide_records(session, 0)[:1]]
    assert guides
    before = counts(pair.hall.sessions)
    with pytest.raises(PackageRejected) as caught:
        pair.hall.take(signed(pair, [*body, *guides]))
    assert caught.value.code is RejectCode.BAD_STRUCTURE
    assert caught.value.detail == "guide records from a township"
    assert counts(pair.hall.sessions) == before


def test_an_8_mb_name_or_ten_thousand_lines_refuse_the_package_and_nothing_is_kept(
    pair: Pair, caplog: pytest.LogCaptureFixture
) -> None:
    body = township_body(pair)
    cases_of(body)[0]["applicant_name"] = "王" * 8_000_000
    before = counts(pair.hall.sessions)
    with pytest.raises(PackageRejected) as caught:
        pair.hall.take(signed(pair, body))
    assert caught.value.code is RejectCode.BAD_STRUCTURE
    assert caught.value.detail.endswith("applicant_name: too_long")
    assert "ARS01#1 of " in caplog.text
    assert "refused (bad_structure): #0 applicant_name: too_long" in caplog.text
    assert counts(pair.hall.sessions) == before

    body = township_body(pair)
    case = cases_of(body)[0]
    case["history"] = case["history"] * 10_000
    with pytest.raises(PackageRejected) as caught:
        pair.hall.take(signed(pair, body))
    assert caught.value.detail.endswith("history: too_many")
    assert counts(pair.hall.sessions) == before


def with_receipt(ars: Site) -> str:
    """A receipt made at the township for its first accepted case; the case's number."""
    with ars.sessions.begin() as session:
        case_no = session.scalar(select(models.Case.case_no).where(models.Case.status == CaseStatus.ACCEPTED.value))
        assert case_no is not None
        make_document(session, ars.desk, case_no, DocumentKind.RECEIPT, TODAY)
    return case_no


def test_cases_with_their_notices_go_in_without_a_warning_of_sqlalchemys(pair: Pair) -> None:
    """The notices are looked up with their cases (a join): SQLAlchemy warned of a cartesian product before."""
    case_no = with_receipt(pair.ars)
    report = pair.hall.take(pair.ars.export().data)  # pytest's filterwarnings = error fails a warning here
    assert (report.applied, report.held) == (6, 0)
    with pair.hall.sessions() as session:
        case_id = session.scalar(select(models.Case.id).where(models.Case.case_no == case_no))
        assert session.scalar(select(models.DocumentRecord.doc_no).where(models.DocumentRecord.case_id == case_id))


def sessions_url(sessions: sessionmaker[Session]) -> str:
    return str(sessions.kw["bind"].url.render_as_string(hide_password=False))


@pytest.mark.slow
def test_the_command_line_in_its_own_process_imports_them_without_a_warning(pair: Pair, tmp_path: Path) -> None:
    """``python -m counter sync import`` as the hall runs it, on the machine with its keys: SQLAlchemy's warnings
    are errors there too.

    The suite sets ``COUNTER_SQL_WARNINGS=error`` (tests/conftest.py) for every process it starts.
    """
    with_receipt(pair.ars)
    package = tmp_path / "ars-1.counter-sync"
    package.write_bytes(pair.ars.export().data)
    home = tmp_path / "hall-home"  # the machine holding the hall's keys, where a package is opened
    keys = home / "keys"
    keys.mkdir(parents=True)
    shutil.copy(pair.hall.key_path, keys / "site.key")
    shutil.copy(encryption_key_path(pair.hall.key_path), encryption_key_path(keys / "site.key"))
    done = subprocess.run(
        [sys.executable, "-m", "counter", "sync", "import", str(package), "--json", "--db",
         sessions_url(pair.hall.sessions)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
        env=os.environ | {"COUNTER_HOME": str(home)},
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["applied"] == 6


def test_a_case_of_another_township_under_this_ones_key_waits_for_review(pair: Pair) -> None:
    """ARS01 signs a case whose record says ARS02 took it: not its to send; the rest of its package goes in."""
    body = township_body(pair)
    forged = cases_of(body)[0]
    forged["site_code"] = "ARS02"
    report = pair.hall.take(signed(pair, body))
    assert (report.applied, report.held) == (len(cases_of(body)) - 1, 1)
    assert held(pair.hall) == [(forged["uid"], "other_site")]
    with pair.hall.sessions() as session:
        taken = set(session.scalars(select(models.Case.case_no)))
    assert forged["case_no"] not in taken
    assert {c["case_no"] for c in cases_of(body)} - taken == {forged["case_no"]}
