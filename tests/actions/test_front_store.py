"""A day of cases written into the platform's 前置库 (a throwaway PostgreSQL with the national tables), once each,
through a sender killed mid-batch, while the HTTPS platform receives the same events: 受理 and a grant with its
licences, a denial, 容缺 with its deadline extended (特别程序), a 补正 let lapse, a 不予受理, a void.

The front store's tables are made from the DDL kept in the repository (``counter/resources/platform/
front-store-tables.sql``); the hall's own database is SQLite or PostgreSQL (both run).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.office import office_settings
from counter.actions.cases.item_authority import set_item_held
from counter.actions.intake.licences import save_library
from counter.actions.intake.take import extend_deferral, lapse_correction, move_case
from counter.actions.outbox.front_store import front_store_settings, save_front_store, send_due
from counter.actions.outbox.platform import platform_settings, save_platform
from counter.actions.outbox.platform import send_due as send_platform
from counter.case.status import CaseEvent
from counter.catalog.departments import PLACE
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.host.outward.front_store import FrontStoreLink, FrontWrite
from counter.intake.checklist import Receipt, record
from counter.intake.licences import LibrarySettings
from counter.intake.outcome import DeferralRequest, Refusal, RefusalGround
from counter.intake.turn_to import turn_to_text
from counter.outbox.rules import Answer, SendRound
from counter.platform.events import CASE_KINDS
from counter.platform.front_store import FrontStoreProblem, FrontStoreRefused, FrontStoreSettings
from counter.platform.mapping import mapping_file
from counter.resources import licence_format_file, resources_dir
from tests.actions.senders import Clock, Writes
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_steps import ITEMS
from tests.actions.test_platform import configure, events
from tests.actions.test_platform_case import Sender
from tests.actions.test_platform_licence import decide
from tests.codings import confirm_guides
from tests.pg_server import PgDatabases
from tests.platform_stub import running_platform
from tests.signed_in import signed_in

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)
DDL = resources_dir() / "platform" / "front-store-tables.sql"
TABLES = ("up_pro_accept", "up_pro_process", "up_pro_result", "up_pro_special_procedure", "up_pro_material",
          "up_lic_data")  # fmt: skip
CODE_OF_LICENCE = "11100000000013127D001"  # 营业执照's 证照类型代码 as the hall's integrator set it (its own list)
CODE_OF_FOOD_LICENCE = "11100000MB0143028Y002"  # 食品经营许可证's
MARKET_CODE = "11152201MB1234567X"  # the issuing 市场监督管理局's 统一社会信用代码, as the integrator set it
OFFICE_CODE = "11152201MB0000000A"  # the office's, as the integrator set it


@pytest.fixture
def front_store(pg_databases: PgDatabases) -> Iterator[str]:
    """A fresh database with the national tables, as the platform made them; its URL (no password in it)."""
    name = f"front{next(pg_databases._numbers)}"
    with pg_databases.admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = pg_databases.cluster.url(name)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(DDL.read_text(encoding="utf-8"))
    engine.dispose()
    yield url
    pg_databases.drop(name)


def rows(url: str, table: str) -> list[dict[str, object]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY cd_time, id"))]
    finally:
        engine.dispose()


def settings_for(url: str, **changed: object) -> FrontStoreSettings:
    settings = FrontStoreSettings(
        enabled=True, url=url, secret="front-secret", data_source="C01", tenant_id=15, org_id=1522, user_id=7,
        area_code="152201", timeout=2.0, attempts=3,
    )  # fmt: skip
    return dataclasses.replace(settings, **changed)  # type: ignore[arg-type]


def hall_codes(session: Session, desk: Desk, keys: Path) -> None:
    """What the hall's integrator set besides: the 统一社会信用代码 of the office and of the issuing department (the
    platform connection's), and the 证照库's 证照类型代码 of the licences the restaurant's items issue (its format)."""
    office = office_settings(session, desk.identity.site_code).office_name
    reporting = dataclasses.replace(platform_settings(session, keys), org_codes={office: OFFICE_CODE,
                                    "乌兰浩特市市场监督管理局": MARKET_CODE})  # fmt: skip
    save_platform(session, reporting, desk=desk, folder=keys)
    adapted = keys.parent / "library.toml"
    codes = f'"营业执照" = "{CODE_OF_LICENCE}"\n"食品经营许可证" = "{CODE_OF_FOOD_LICENCE}"\n'
    adapted.write_text(licence_format_file().read_text(encoding="utf-8").replace("[licence_types]\n",
                       "[licence_types]\n" + codes))  # fmt: skip
    library = LibrarySettings("https://library.example/query", "hall", "library-secret", format_file=str(adapted))
    save_library(session, library, desk=desk, folder=keys)


class Killed(FrontStoreLink):
    """A sender killed after its third event's rows were committed in the front store, before any mark: the batch
    left claimed, as a process killed there leaves it."""

    def __init__(self) -> None:
        super().__init__()
        self.written = 0

    def write(self, request: FrontWrite) -> Answer:
        answer = super().write(request)
        self.written += 1
        if self.written == 3:
            raise SystemExit("killed mid-batch")
        return answer


def test_the_settings_are_the_halls_refused_whole_and_the_password_never_in_the_database(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    bad = FrontStoreSettings(enabled=True, url="postgresql://u:pw@host/db", timeout=0)
    with sessions.begin() as s, pytest.raises(FrontStoreRefused) as refused:
        save_front_store(s, bad, desk=desk, folder=keys)
    expected = {FrontStoreProblem.BAD_URL, FrontStoreProblem.NO_SECRET, FrontStoreProblem.NO_DATA_SOURCE,
                FrontStoreProblem.BAD_TIMEOUT}  # fmt: skip
    assert set(refused.value.problems) >= expected
    good = settings_for("postgresql://counter@db.example/front")
    with sessions.begin() as s:
        save_front_store(s, good, desk=desk, folder=keys)
    with sessions() as s:
        assert front_store_settings(s, keys) == good
        stored = s.get(models.Setting, "front_store.settings")
        assert stored is not None
        assert "front-secret" not in stored.value
    assert (keys / "front-store.secret").read_text(encoding="utf-8").strip() == "front-secret"


@pytest.mark.slow
def test_a_day_of_cases_reaches_the_front_store_once_each_through_a_kill_and_the_platform_gets_the_same_events(
    sessions: sessionmaker[Session],
    owner: sessionmaker[Session],
    desk: Desk,
    tmp_path: Path,
    front_store: str,
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        with owner.begin() as s:
            confirm_guides(s, "XAM-YJS-008")  # the site confirmed its guide: a sample guide's cases never leave
        with sessions.begin() as s:
            save_front_store(s, settings_for(front_store), desk=desk, folder=keys)
            hall_codes(s, desk, keys)
        with sessions.begin() as s:  # a 行政审批局 holding three items: it accepts them (the tax office's it receives)
            for code in ITEMS[:3]:
                set_item_held(s, desk, desk.identity.site_code, code, held=True)
        request = full_request(sessions)
        granted = take(sessions, desk, request)  # 受理, then every item granted: 营业执照 with the first
        for code in ITEMS:
            decide(sessions, desk, granted, code)
        denied = take(sessions, desk, request)  # 受理, then every item denied: 不予许可
        for code in ITEMS:
            decide(sessions, desk, denied, code, approve=False)
        deferral = dataclasses.replace(
            request, checklist=record(request.checklist, "M09", Receipt.MISSING), deferral=DeferralRequest(True, True)
        )
        deferred = take(sessions, desk, deferral)  # 容缺受理, its deadline extended by the supervisor below
        missing = record(request.checklist, "M05", Receipt.MISSING)
        corrected = take(sessions, desk, dataclasses.replace(request, checklist=missing))  # 补正告知
        voided = take(sessions, desk, request)  # 受理, then voided by the supervisor: 删除办结
        with sessions() as s:
            guide = current_guide(s, "XAM-YJS-008")
        assert guide is not None
        bodies = turn_to_text((i.code, i.department.replace(PLACE, "科尔沁右翼前旗")) for i in guide.bundle.items)
        # the tax office's item only received: the window's 告知, and the applicant, told it, withdraws
        refusal = Refusal(RefusalGround.NOT_IN_REMIT, bodies, insists=False)
        refused = take(sessions, desk, dataclasses.replace(request, refusal=refusal))  # 申请事项告知书: 撤回
        supervisor = signed_in(owner, Desk(desk.identity, "值班长"))  # from now on, accounts sign in
        with sessions() as s:
            view = case_view(s, deferred)
        assert view is not None
        (awaited,) = view.deferred_open()
        assert awaited.due_on is not None
        with sessions.begin() as s:
            extend_deferral(s, supervisor, deferred, awaited.due_on + dt.timedelta(days=7), "申请人住院，不可抗力")
            move_case(s, supervisor, voided, CaseEvent.VOIDED, "录入错误")
        with sessions() as s:
            told = case_view(s, corrected)
        assert told is not None
        assert told.correction_due is not None
        with sessions.begin() as s:  # nothing came in answer to the 补正: it lapses (补正不来办结)
            lapse_correction(s, supervisor, corrected, told.correction_due + dt.timedelta(days=30), "逾期未补正")

        queued = [e for e in events(sessions) if e.kind in CASE_KINDS]
        clock = Clock()
        clock.past_now()
        killed = Killed()
        with pytest.raises(SystemExit):
            send_due(Writes(sessions), clock=clock, link=killed, folder=keys, batch=5)
        assert killed.written == 3
        assert len(rows(front_store, "up_pro_accept")) > 0  # the first events are there, their marks not
        clock.advance(minutes=10)  # the claim's lease runs out
        done = send_due(Writes(sessions), clock=clock, folder=keys, batch=5)
        with sessions() as s:
            marks = s.execute(select(models.FrontStoreEvent.state, models.FrontStoreEvent.last_error)).all()
        assert [m for m in marks if m[0] != "sent"] == []
        assert len(marks) == len(queued)
        assert done.failed == 0
        assert send_due(Writes(sessions), clock=clock, folder=keys) == SendRound()  # nothing twice

        accepts = rows(front_store, "up_pro_accept")
        items_each = len(ITEMS)
        # one 受理 row per item applied for, per case accepted (补正告知 is not 受理: it is a step of its own)
        assert sorted({str(r["project_no"]) for r in accepts}) == sorted([granted, denied, deferred, voided])
        assert len(accepts) == 4 * items_each
        assert len({r["row_guid"] for r in accepts}) == len(accepts)
        first = next(r for r in accepts if r["project_no"] == granted)
        assert first["cd_operation"] == "I"
        assert first["data_source"] == "C01"
        assert first["org_code"] == OFFICE_CODE
        assert first["applyer_page_type"] == "111"  # GB/T 36903-2018: 公民身份证号码
        assert first["project_type"] in ("1", "2")  # GB/T 39046-2020 A.6
        assert int(str(first["task_version"])) >= 1
        assert len(str(first["cd_batch"])) == 32
        results = {str(r["project_no"]): r for r in rows(front_store, "up_pro_result")}
        assert results[granted]["result_type"] == "0"  # 出证办结
        assert results[denied]["result_type"] == "6"  # 办结, decided with no licence (BJJGDM, the test site's coding)
        assert results[voided]["result_type"] == "3"  # 删除办结
        assert results[corrected]["result_type"] == "5"  # 补正不来办结
        assert results[refused]["result_type"] == "5"  # the applicant's withdrawal (退件), never 不予受理
        (special,) = rows(front_store, "up_pro_special_procedure")  # the 容缺 deadline extended (GB/T 39046 A.7)
        assert (special["project_no"], special["special_type"]) == (deferred, "2")
        assert special["special_reason"] == "申请人住院，不可抗力"
        process = rows(front_store, "up_pro_process")
        actions = {"通过", "退回", "其他"}  # 业务动作 (GB/T 39046-2020 表 7), as the mapping file's list writes them
        (correction,) = (r for r in process if r["process_name"] == "补正告知")
        assert (correction["project_no"], correction["event_name"] in actions) == (corrected, True)
        decided = [r for r in process if str(r["process_name"]).startswith("审批决定")]
        assert len(decided) == 2 * items_each  # every item's 决定, of both cases
        assert {r["event_name"] for r in decided} <= actions
        licences = {r["certificate_type_code"]: r for r in rows(front_store, "up_lic_data")}
        assert set(licences) == {CODE_OF_LICENCE, CODE_OF_FOOD_LICENCE}  # the granted case's two, once each
        licence = licences[CODE_OF_LICENCE]
        assert licence["certificate_holder_type"] == "111"
        assert licence["issue_dept_code"] == MARKET_CODE
        assert licence["certificate_area_code"] == "152201"
        materials = rows(front_store, "up_pro_material")
        assert {r["project_no"] for r in materials} == {granted, denied, deferred, voided}  # not the refused one
        assert all(r["get_type"] in ("1", "2", "3") for r in materials)
        # every row once: no two rows share their guid and operation, in any table
        for table in TABLES:
            written = rows(front_store, table)
            key = "certificate_source_id" if table == "up_lic_data" else "row_guid"
            assert len({(r[key], r["cd_operation"]) for r in written}) == len(written)

        # the HTTPS platform received the same events, once each
        Sender(sessions, keys).due_now()
        assert len(platform.events()) == len(events(sessions))

        later = take(sessions, supervisor, request)  # a case of the afternoon: the next pass catches it up
        clock.past_now()
        assert send_due(Writes(sessions), clock=clock, folder=keys).sent == 1
        assert len([r for r in rows(front_store, "up_pro_accept") if r["project_no"] == later]) == items_each


def test_a_mapping_edited_into_one_that_cannot_be_read_keeps_every_event_waiting(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    """The integrator's edit of the mapping file left it unreadable: neither the platform nor the hall's 前置库 gets
    a report in a shape nobody chose; the events wait, the log says why, and the file put right sends them."""
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        with sessions.begin() as s:
            save_front_store(s, settings_for("postgresql://counter@db.example/front"), desk=desk, folder=keys)
        take(sessions, desk, full_request(sessions))
        edited = tmp_path / "nmg.toml"
        edited.write_text(mapping_file("nmg").read_text(encoding="utf-8") + "\n[lists\n", encoding="utf-8")
        monkeypatch.setattr("counter.actions.outbox.platform.mapping_file", lambda _name: edited)
        clock = Clock()
        clock.advance(seconds=2)
        assert send_platform(Writes(sessions), clock=clock, folder=keys) == SendRound()
        assert send_due(Writes(sessions), clock=clock, folder=keys) == SendRound()
        assert [e.state for e in events(sessions)] == ["waiting"]
        assert platform.requests == []
        assert "platform mapping nmg unusable: nmg.toml" in caplog.text
        assert "front store: the platform's mapping unusable (nmg.toml" in caplog.text
        edited.write_text(mapping_file("nmg").read_text(encoding="utf-8"), encoding="utf-8")
        assert send_platform(Writes(sessions), clock=clock, folder=keys) == SendRound(sent=1)
