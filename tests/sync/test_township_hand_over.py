"""A township's case decided at the hall and handed over at the township's window, on real databases.

The township (SQLite) takes a 小餐馆 case and sends it; the hall (PostgreSQL) routes its items and its departments
decide them, one denied; the hall's update brings the decisions back; the township's desk hands every result over
at once ("统一窗口出件": the window where the applicant applied), with its own 送达回证 and 不予批准决定书; its next
package brings the hand-over to the hall, which shows the case 已送达 with the township's line, once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.actions.cases.hand_over import hand_over_results
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.site.demo import DEMO_BUNDLE, run_demo
from counter.actions.sync.sync_status import review_items
from counter.case.hand_over import HandedItem, HandOver, HandOverRequest, HandOverWay, hand_over_note, hand_overs
from counter.case.item_lines import office_day
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.db.case_store import case_view
from counter.parties.identifiers import make_id_number
from counter.sync.keys import load_private_key
from counter.sync.package import Header, PackageKind
from counter.sync.record_json import to_dict
from counter.sync.sites import SiteKind
from counter.words.sync import hold_reason
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED, entrust
from tests.pg_server import CATALOG, FreshDatabases
from tests.sync.case_records import case_records
from tests.sync.packages import write_package
from tests.sync.sync_world import NOW, TODAY, Site, introduce, make_site, sqlite_copy

ITEMS = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04")
FOOD, SIGN = ITEMS[1], ITEMS[2]  # 食品经营许可 granted with its number; 户外招牌设置 denied
GRANTS = {ITEMS[0]: "92152201MA0K123456", FOOD: "JY11522010012345", ITEMS[3]: "环备2026-0042"}
DECIDED_AT = dt.datetime.combine(TODAY, dt.time(10), dt.UTC)
HANDED_AT = dt.datetime.combine(TODAY, dt.time(15), dt.UTC)
COLLECTOR_ID = make_id_number("152201", dt.date(1980, 3, 4), 12)


@dataclasses.dataclass
class Pair:
    hall: Site
    ars: Site


class Clock:
    """The sites' clock (:func:`counter.db.models.utcnow`, which the intake's and the 办结's lines take): the office
    day's hours in their order, whatever day the machine's clock says."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at = dt.datetime.combine(TODAY, dt.time(8), dt.UTC)  # the intake, before the hall's day begins
        monkeypatch.setattr(models, "utcnow", lambda: self.at)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


@pytest.fixture
def pair(catalog: Path, tmp_path: Path, fresh_pg: FreshDatabases, clock: Clock) -> Iterator[Pair]:
    hall = make_site(fresh_pg.sessions(CATALOG), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path)
    ars = make_site(
        sqlite_copy(catalog, tmp_path / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP, tmp_path
    )
    introduce(hall, ars)
    run_demo(ars.sessions, ars.desk, TODAY)
    yield Pair(hall, ars)
    ars.sessions.kw["bind"].dispose()


def sent_case(pair: Pair) -> str:
    """The township's accepted 小餐馆 case, sent to the hall: its number."""
    pair.hall.take(pair.ars.export().data)
    with pair.ars.sessions() as session:
        number = session.scalar(
            select(models.Case.case_no).where(
                models.Case.status == CaseStatus.ACCEPTED.value, models.Case.bundle_code == DEMO_BUNDLE
            )
        )
    assert number is not None
    return number


def decide_at_the_hall(hall: Site, number: str, clock: Clock, items: tuple[str, ...] = ITEMS) -> None:
    """The hall routes every item; each department signs for its own and decides it, 户外招牌设置 denied."""
    clock.at = DECIDED_AT + dt.timedelta(hours=1)  # the 办结 the last decision writes
    with hall.sessions.begin() as session:
        assert route_items(session, hall.desk, number, DECIDED_AT) == ITEMS
        # each department's steps recorded at the hall's window under its written 授权
        entrust(session, hall.desk, *ITEMS, site_code=hall.desk.identity.site_code)
    for n, code in enumerate(items, start=1):
        decision = (
            StepRequest(ItemEvent.DENIED, reason="户外招牌设置位置不符合城市容貌标准", entered=ENTERED)
            if code == SIGN
            else StepRequest(ItemEvent.APPROVED, result_no=GRANTS[code], entered=ENTERED)
        )
        for step, minutes in ((StepRequest(ItemEvent.SIGNED), n), (decision, 10 + n)):  # each at its own moment
            with hall.sessions.begin() as session:
                take_item_step(session, hall.desk, number, code, step, DECIDED_AT + dt.timedelta(minutes=minutes))


def test_a_township_case_is_decided_at_the_hall_and_handed_over_at_the_townships_window(
    pair: Pair, clock: Clock, tmp_path: Path
) -> None:
    hall, ars = pair.hall, pair.ars
    number = sent_case(pair)
    decide_at_the_hall(hall, number, clock)
    assert ars.take(hall.export(ars.code).data).held == 0  # the decisions and the 办结 come back

    pickup = HandOverRequest(HandOverWay.PICKUP, recipient="其木格", id_no=COLLECTOR_ID)
    clock.at = HANDED_AT
    with ars.sessions.begin() as session:
        before = case_view(session, number)
        assert before is not None
        assert before.status is CaseStatus.READY
        done = hand_over_results(session, ars.desk, number, pickup, HANDED_AT)
    assert done.status is CaseStatus.DELIVERED
    denial = next(i for i in done.hand_over.items if not i.granted)
    assert denial.code == SIGN
    assert denial.paper_no.startswith("ARS01-")  # the 不予批准决定书 made at the township, in its own series
    assert done.hand_over.items == tuple(
        HandedItem(code, code != SIGN, GRANTS.get(code, denial.paper_no)) for code in ITEMS
    )
    receipt = done.service_receipt
    assert receipt.doc_no.startswith("ARS01-")  # the township's paper, numbered there
    paper = tmp_path / "service.pdf"
    paper.write_bytes(receipt.pdf)
    text = pdf_text(paper)
    assert "送达回证" in text
    for item in done.hand_over.items:
        assert item.paper_no in text  # every result with its number, the denial's too

    report = hall.take(ars.export().data)  # the township's next package
    assert report.held == 0
    for _again in range(2):  # and the same again changes nothing: the line is there once
        with hall.sessions() as session:
            view = case_view(session, number)
            receipts = list(
                session.scalars(
                    select(models.DocumentRecord.doc_no)
                    .join(models.Case, models.Case.id == models.DocumentRecord.case_id)
                    .where(models.Case.case_no == number, models.DocumentRecord.kind.startswith("service"))
                )
            )
        assert view is not None
        assert view.status is CaseStatus.DELIVERED
        delivered = [x for x in view.history if x.event == CaseEvent.DELIVERED.value]
        assert [(x.clerk, x.at) for x in delivered] == [(ars.desk.clerk, HANDED_AT)]
        assert hand_overs(view.history, office_day) == (done.hand_over,)  # what was handed, to whom, how
        assert receipts == [receipt.doc_no]  # the township's 送达回证; the hall makes none
        report = hall.take(ars.export(now=NOW + dt.timedelta(hours=8)).data)
        assert (report.applied, report.held) == (1, 0)  # nothing of the case again: the township's newest seal
    assert ars.take(hall.export(ars.code).data).held == 0  # the hall's next update carries the line back: still once
    with ars.sessions() as session:
        back = case_view(session, number)
    assert back is not None
    assert back.status is CaseStatus.DELIVERED
    assert [x.event for x in back.history].count(CaseEvent.DELIVERED.value) == 1


def signed(pair: Pair, body: list[dict[str, object]], export_no: int) -> bytes:
    """``body`` as a cases package the township signs with its own registered key: one the hall trusts."""
    header = Header(pair.ars.code, "township", pair.hall.code, PackageKind.CASES, export_no, NOW, None, len(body))
    return write_package(header, body, load_private_key(pair.ars.key_path), pair.hall.identity.encryption_key)


def test_a_township_cannot_hand_over_what_the_hall_has_not_decided(pair: Pair, clock: Clock) -> None:
    """A township's own signed package with a 送达 of a case still with the departments, or a bare 送达, is held."""
    hall, ars = pair.hall, pair.ars
    number = sent_case(pair)
    decide_at_the_hall(hall, number, clock, items=(FOOD,))  # the other three still with their departments
    assert ars.take(hall.export(ars.code).data).held == 0
    with ars.sessions() as session:
        case_id = session.scalar(select(models.Case.id).where(models.Case.case_no == number))
        assert case_id is not None
        record = to_dict(case_records(session, [case_id])[0])
    forged = HandOver(HandOverWay.PICKUP, tuple(HandedItem(code, True, GRANTS.get(code, "X")) for code in ITEMS))
    line = {"at": HANDED_AT.isoformat(), "clerk": ars.desk.clerk, "desk_no": "1", "event": CaseEvent.DELIVERED.value,
            "status_after": CaseStatus.DELIVERED.value, "note": hand_over_note(forged)}  # fmt: skip
    for export_no, note, reason in ((2, line["note"], "not_decided_here"), (3, "送达", "bare_hand_over")):
        sent = record | {"history": [*record["history"], line | {"note": note}]}
        report = hall.take(signed(pair, [sent], export_no))
        assert (report.applied, report.held) == (0, 1)
        with hall.sessions() as session:
            view = case_view(session, number)
            items = review_items(session)
        assert view is not None
        assert view.status is CaseStatus.ACCEPTED  # as the hall left it, with no 送达 line
        assert CaseEvent.DELIVERED.value not in {x.event for x in view.history}
        assert (items[-1].record_key, items[-1].reason) == (record["uid"], reason)
        assert "未导入" in hold_reason(reason)


def test_a_township_case_the_hall_denies_whole_comes_back_with_its_reason(
    catalog: Path, tmp_path: Path, clock: Clock
) -> None:
    """Every item denied at the hall: the township's copy reads 不予批准 with the hall's reason, as the hall's does,
    for the township's clerk to tell the applicant (its 不予批准理由 was left empty: only the hall's lines came)."""
    hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心", SiteKind.HALL,
                     tmp_path)  # fmt: skip
    ars = make_site(sqlite_copy(catalog, tmp_path / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP,
                    tmp_path)  # fmt: skip
    introduce(hall, ars)
    run_demo(ars.sessions, ars.desk, TODAY)
    number = sent_case(Pair(hall, ars))
    clock.at = DECIDED_AT + dt.timedelta(hours=1)
    with hall.sessions.begin() as session:
        route_items(session, hall.desk, number, DECIDED_AT)
        entrust(session, hall.desk, *ITEMS, site_code=hall.desk.identity.site_code)
    for n, code in enumerate(ITEMS, start=1):
        denied = StepRequest(ItemEvent.DENIED, reason=f"事项{n}不符合条件", entered=ENTERED)
        for step, minutes in ((StepRequest(ItemEvent.SIGNED), n), (denied, 10 + n)):
            with hall.sessions.begin() as session:
                take_item_step(session, hall.desk, number, code, step, DECIDED_AT + dt.timedelta(minutes=minutes))
    with hall.sessions() as session:
        at_hall = case_view(session, number)
    assert at_hall is not None
    assert at_hall.status is CaseStatus.DENIED
    assert at_hall.denial_reason.startswith("事项1不符合条件")

    assert ars.take(hall.export(ars.code).data).held == 0
    with ars.sessions() as session:
        back = case_view(session, number)
    assert back is not None
    assert (back.status, back.denial_reason) == (CaseStatus.DENIED, at_hall.denial_reason)
    assert ars.take(hall.export(ars.code, now=NOW + dt.timedelta(hours=8)).data).held == 0  # again: unchanged
    with ars.sessions() as session:
        again = case_view(session, number)
    assert again is not None
    assert again.denial_reason == at_hall.denial_reason
    ars.sessions.kw["bind"].dispose()
    hall.sessions.kw["bind"].dispose()
