"""A township's 帮您办 project carried to the hall in its packages, on real databases.

The township (SQLite) registers a project, plans it, files a step and records a coordination, and exports; the hall
(PostgreSQL) takes it in whole.  The township serves it to its end and its evaluation and exports again: the hall
brings its copy to the township's state and adds the new lines once.  The same package twice changes nothing, a
tampered one is refused with nothing kept, a project that is not the township's to send waits on the review list,
and the hall's monthly report counts the township's project under its county.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.projects.project_reads import projects_report
from counter.actions.projects.project_steps import (
    accept_project,
    assign_agents,
    complete_project,
    evaluate_project,
    file_step,
    plan_project,
    read_project,
    record_coordination,
    register_project,
    sign_project,
    step_done,
)
from counter.actions.sync.sync_status import review_items, sync_status
from counter.db import models
from counter.db.sync.projects import project_records
from counter.projects.model import Coordination, ProjectState, Satisfaction, StepState
from counter.projects.report import Month
from counter.sync.keys import load_private_key
from counter.sync.package import CASES_FORMAT, MAGICS, Header, PackageKind, PackageRejected, RejectCode
from counter.sync.record_json import to_dict
from counter.sync.sites import SiteKind
from counter.words.sync import hold_reason, package_rejected
from tests.pg_server import CATALOG, FreshDatabases
from tests.projects.samples import APPLIED, FACTS, plan
from tests.sync.packages import write_package
from tests.sync.sync_world import NOW, Site, introduce, make_site, sqlite_copy

PROJECT_TABLES = (
    models.Project, models.ProjectStep, models.ProjectHistory, models.ProjectCoordination, models.ProjectPaper,
    models.SyncImport, models.SyncReview, models.AuditEntry,
)  # fmt: skip

MAGIC = MAGICS[CASES_FORMAT]  # the first line of a package of format 2


@dataclasses.dataclass
class Pair:
    hall: Site
    ars: Site


@pytest.fixture
def pair(catalog: Path, tmp_path: Path, fresh_pg: FreshDatabases) -> Iterator[Pair]:
    hall = make_site(fresh_pg.sessions(CATALOG), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path)
    ars = make_site(
        sqlite_copy(catalog, tmp_path / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP, tmp_path
    )
    introduce(hall, ars)
    yield Pair(hall, ars)
    ars.sessions.kw["bind"].dispose()


def at(day: dt.date, hour: int = 2) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), dt.UTC)


def days(n: int) -> dt.date:
    return APPLIED + dt.timedelta(days=n)


COORDINATION = Coordination(days(8), "盟自然资源局 耕保科", "用地预审与水保方案联合审查", "同意并联审查", "乌兰")


def planned(ars: Site) -> str:
    """The food factory registered, accepted, signed, planned, its first step filed and a coordination recorded."""
    desk = ars.desk
    with ars.sessions.begin() as s:
        number = register_project(s, desk, FACTS, APPLIED, at(APPLIED))
        accept_project(s, desk, number, APPLIED, at(APPLIED, 3))
        assign_agents(s, desk, number, ("乌兰", "张敏"), at(APPLIED, 4))
        sign_project(s, desk, number, days(1), days(1), at(days(1)))
        plan_project(s, desk, number, plan(days(1)), at(days(1), 3))
        file_step(s, desk, number, 1, days(2), days(2), at(days(2)))
        record_coordination(s, desk, number, COORDINATION, days(8), at(days(8)))
    return number


def served_to_the_end(ars: Site, number: str) -> None:
    desk = ars.desk
    with ars.sessions.begin() as s:
        step_done(s, desk, number, 1, days(5), days(9), at(days(9)), result_no="2026-152201-14-03-046812")
        file_step(s, desk, number, 2, days(10), days(10), at(days(10)))
        file_step(s, desk, number, 3, days(10), days(10), at(days(10), 3))
        step_done(s, desk, number, 2, days(20), days(20), at(days(20)), result_no="用字第152201202600031号")
        step_done(s, desk, number, 3, days(21), days(21), at(days(21)), result_no="兴水保〔2026〕31号")
        file_step(s, desk, number, 4, days(30), days(30), at(days(30)))
        step_done(s, desk, number, 4, days(50), days(50), at(days(50)), result_no="152201202610200101")
        complete_project(s, desk, number, days(52), days(52), at(days(52)))
        evaluate_project(s, desk, number, Satisfaction.VERY_SATISFIED, "服务周到", days(52), at(days(52), 3))


def counts(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as session:
        return {m.__tablename__: int(session.scalar(select(func.count()).select_from(m)) or 0) for m in PROJECT_TABLES}


def records(site: Site) -> list[dict[str, object]]:
    """Every project of a site as its sync record: what the two sites must agree on."""
    with site.sessions() as session:
        ids = list(session.scalars(select(models.Project.id)))
        return sorted((to_dict(r) for r in project_records(session, ids)), key=lambda r: str(r["uid"]))


def test_a_townships_project_reaches_the_hall_and_follows_it_to_its_evaluation(pair: Pair) -> None:
    hall, ars = pair.hall, pair.ars
    number = planned(ars)
    with ars.sessions() as session:
        assert sync_status(session).pending_projects == 1
    first = ars.export()
    assert first.data.startswith(b"COUNTER-SYNC/3\n")  # a package with projects: format 3
    report = hall.take(first.data)
    assert (report.applied, report.held) == (1, 0)
    with hall.sessions() as session:
        view = read_project(session, number)
    assert (view.site_code, view.state) == ("ARS01", ProjectState.IN_SERVICE)
    assert (view.agents, len(view.steps)) == (("乌兰", "张敏"), 4)
    assert view.step(1).state is StepState.FILED  # type: ignore[union-attr]
    assert view.coordinations == (COORDINATION,)
    assert len(view.history) == 7
    assert records(hall) == records(ars)

    ars.take(hall.export(ars.code).data)  # the acknowledgement: nothing pending at the township
    with ars.sessions() as session:
        assert sync_status(session).pending_projects == 0

    served_to_the_end(ars, number)
    with ars.sessions() as session:
        assert sync_status(session).pending_projects == 1
    second = ars.export()
    again = hall.take(second.data)
    # the acknowledgement, the project, and the seal of the township's export before
    assert (again.applied, again.unchanged, again.held) == (3, 0, 0)
    with hall.sessions() as session:
        view = read_project(session, number)
    assert (view.state, view.ended_on) == (ProjectState.COMPLETED, days(52))
    assert (view.satisfaction, view.evaluation_note) == (Satisfaction.VERY_SATISFIED, "服务周到")
    assert [s.state for s in view.steps] == [StepState.DONE] * 4
    assert len(view.history) == 16  # the seven lines had before, and the nine new ones: none twice
    assert len(view.coordinations) == 1
    assert records(hall) == records(ars)

    before = counts(hall.sessions)
    assert hall.take(second.data).replayed  # the same package again
    assert counts(hall.sessions) == before

    with hall.sessions() as session:
        month = projects_report(session, Month(2026, 10), days(60))
        county = projects_report(session, Month(2026, 10), days(60), county=FACTS.county)
    assert [(r.county, r.project_no, r.state) for r in month.rows] == [(FACTS.county, number, ProjectState.COMPLETED)]
    assert county.rows == month.rows
    assert (FACTS.county, ProjectState.COMPLETED, 1) in month.by_state


def test_packages_taken_in_the_wrong_order_leave_the_newest_state(pair: Pair) -> None:
    """Both packages on the stick, the second taken first: the first adds nothing and takes nothing back."""
    hall, ars = pair.hall, pair.ars
    number = planned(ars)
    first = ars.export()
    served_to_the_end(ars, number)
    second = ars.export()  # not acknowledged: the whole project again, at its end
    assert hall.take(second.data).applied == 1
    before = counts(hall.sessions)
    assert (hall.take(first.data).applied, hall.take(first.data).replayed) == (0, True)
    after = counts(hall.sessions)
    assert {k: after[k] - before[k] for k in after if after[k] != before[k]} == {
        "sync_import": 1, "audit_entry": 1,
    }  # fmt: skip
    with hall.sessions() as session:
        view = read_project(session, number)
    assert (view.state, len(view.history)) == (ProjectState.COMPLETED, 16)
    assert records(hall) == records(ars)


def test_a_package_without_projects_is_of_the_format_an_older_hall_reads(pair: Pair) -> None:
    """Format 2 as before: a township upgraded before its hall goes on sending it what it can read."""
    assert pair.ars.export().data.startswith(MAGIC)


def test_a_tampered_package_with_a_project_is_refused_and_nothing_kept(pair: Pair) -> None:
    hall, ars = pair.hall, pair.ars
    planned(ars)
    good = ars.export().data
    end = good.index(b"\n", len(MAGIC))
    flipped = bytearray(good)
    flipped[end + 40] ^= 0x20
    as_format_2 = MAGIC + good[len(MAGIC) :]  # the first line says an older format than the signed header
    before = counts(hall.sessions)
    for data, code in (
        (bytes(flipped), RejectCode.BODY_MISMATCH),
        (good.replace(b'"export_no":1', b'"export_no":7'), RejectCode.BAD_SIGNATURE),
        (as_format_2, RejectCode.BAD_HEADER),
        (b"COUNTER-SYNC/9\n" + good[len(MAGIC) :], RejectCode.TOO_NEW),
    ):
        with pytest.raises(PackageRejected) as caught:
            hall.take(data)
        assert caught.value.code is code
        assert "没有任何改动" in package_rejected(code.value)
        assert counts(hall.sessions) == before
    assert hall.take(good).applied == 1


def signed(ars: Site, hall: Site, body: list[dict[str, object]], export_no: int, fmt: int) -> bytes:
    """A package ARS01 really signs, with any body: what its own program would not write."""
    header = Header("ARS01", "township", hall.code, PackageKind.CASES, export_no, NOW, None, len(body), format=fmt)
    return write_package(header, body, load_private_key(ars.key_path), hall.identity.encryption_key)


def test_a_project_in_a_format_2_package_is_refused_whole(pair: Pair) -> None:
    hall, ars = pair.hall, pair.ars
    planned(ars)
    body = records(ars)
    before = counts(hall.sessions)
    with pytest.raises(PackageRejected) as caught:
        hall.take(signed(ars, hall, body, 1, 2))
    assert caught.value.code is RejectCode.BAD_STRUCTURE
    assert counts(hall.sessions) == before


def test_a_project_that_is_not_the_townships_waits_for_review(pair: Pair) -> None:
    """Another site's number, or a number the hall has for another project: held with the reason, nothing written."""
    hall, ars = pair.hall, pair.ars
    number = planned(ars)
    (mine,) = records(ars)
    hall_desk = hall.desk
    with hall.sessions.begin() as s:  # the hall's own project
        hall_no = register_project(s, hall_desk, FACTS, APPLIED, at(APPLIED))
    others = dict(mine, uid=str(uuid.uuid4()), project_no=hall_no)  # the hall's number, under ARS01's code
    taken = dict(mine, uid=str(uuid.uuid4()))  # ARS01's own number under another uid, after the real one
    report = hall.take(signed(ars, hall, [mine, others], 1, 3))
    assert (report.applied, report.held) == (1, 1)
    report = hall.take(signed(ars, hall, [taken], 2, 3))
    assert (report.applied, report.held) == (0, 1)
    with hall.sessions() as session:
        held = {item.record_key: item.reason for item in review_items(session)}
        assert session.scalar(select(func.count()).select_from(models.Project)) == 2
        assert read_project(session, hall_no).site_code == "XAM01"  # untouched
        assert read_project(session, number).site_code == "ARS01"
    assert held == {others["uid"]: "not_own_project", taken["uid"]: "project_no_taken"}
    assert all("项目" in hold_reason(reason) for reason in held.values())
    payload = json.loads(json.dumps(others))  # held whole, for the review list
    assert payload["project_no"] == hall_no


def test_a_project_another_sites_or_desks_or_out_of_range_waits_for_review(pair: Pair) -> None:
    """A township's project record that names another site, a desk its number is not of, a day before any this
    program handles, or a name with a direction override: each held with its reason, none written."""
    hall, ars = pair.hall, pair.ars
    planned(ars)
    (mine,) = records(ars)
    other_desk = str(int(str(mine["desk_no"])) % 9 + 1)
    forged = {
        "site": dict(mine, uid=str(uuid.uuid4()), site_code="XAM01"),
        "desk": dict(mine, uid=str(uuid.uuid4()), desk_no=other_desk),
        "date": dict(mine, uid=str(uuid.uuid4()), applied_on="1999-01-04"),
        "name": dict(mine, uid=str(uuid.uuid4()), name="食品厂\u202e目项"),
    }
    report = hall.take(signed(ars, hall, list(forged.values()), 1, 3))
    assert (report.applied, report.held) == (0, 4)
    with hall.sessions() as session:
        held = {item.record_key: item.reason for item in review_items(session)}
        assert session.scalar(select(func.count()).select_from(models.Project)) == 0
    assert held == {
        forged["site"]["uid"]: "not_own_project",
        forged["desk"]["uid"]: "not_own_project",
        forged["date"]["uid"]: "bad_project",
        forged["name"]["uid"]: "bad_project",
    }
    assert all("项目" in hold_reason(reason) for reason in held.values())


def test_a_township_project_under_the_uid_of_the_halls_own_waits_for_review(pair: Pair) -> None:
    """The township's numbering, but the uid of a project the hall registered itself: taken as sent, it would turn
    the hall's project into the township's.  Held as not the township's, the hall's project untouched."""
    hall, ars = pair.hall, pair.ars
    planned(ars)
    (mine,) = records(ars)
    with hall.sessions.begin() as s:
        hall_no = register_project(s, hall.desk, FACTS, APPLIED, at(APPLIED))
    with hall.sessions() as s:
        hall_uid = s.scalar(select(models.Project.uid).where(models.Project.project_no == hall_no))
    report = hall.take(signed(ars, hall, [dict(mine, uid=hall_uid)], 1, 3))
    assert (report.applied, report.held) == (0, 1)
    with hall.sessions() as session:
        assert {item.record_key: item.reason for item in review_items(session)} == {hall_uid: "not_own_project"}
        kept = read_project(session, hall_no)
        assert (kept.site_code, kept.project_no) == ("XAM01", hall_no)
        assert session.scalar(select(func.count()).select_from(models.Project)) == 1


def test_a_new_mandate_signed_at_the_township_reaches_the_hall_with_its_paper(pair: Pair) -> None:
    """The items signed for live in the signing's history line, and the new 授权委托书's record replaces the first:
    both travel, so the hall's copy refuses and allows the same steps as the township's."""
    from counter.actions.projects.project_papers import make_project_paper
    from counter.projects.forms import ProjectForm

    hall, ars = pair.hall, pair.ars
    number = planned(ars)
    with ars.sessions.begin() as s:
        make_project_paper(s, ars.desk, number, ProjectForm.AUTHORISATION, days(2), at(days(2)))
    hall.take(ars.export().data)
    ars.take(hall.export(ars.code).data)
    with ars.sessions.begin() as s:
        sign_project(s, ars.desk, number, days(3), days(3), at(days(3)), items=(*FACTS.requested, 8))
        make_project_paper(s, ars.desk, number, ProjectForm.AUTHORISATION, days(3), at(days(3), 3))
    hall.take(ars.export().data)
    with hall.sessions() as session:
        view = read_project(session, number)
        papers = list(session.scalars(select(models.ProjectPaper.doc_no)))
    assert view.mandate == (*FACTS.requested, 8)
    assert papers == [f"{number}-4-2"]
    assert records(hall) == records(ars)
