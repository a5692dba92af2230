"""Two townships on SQLite and a hall on PostgreSQL, exchanging real packages.

Each township takes the training run's intakes (every outcome, a correction
answered by a later intake, deferred materials handed in, a denial) and sends
its cases to the hall; the hall sends back progress, a holiday and a guide
version.  Every refused package leaves the hall exactly as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.site import peer_keys
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.item_steps import item_standings, route_items, take_item_step
from counter.actions.intake.take import move_case
from counter.actions.projects.project_steps import import_service_list, service_list
from counter.actions.site.demo import DEMO_BUNDLE, run_demo
from counter.actions.sync.sync_status import review_items, sync_status
from counter.case.item_path import ItemEvent, ItemState, PauseReason
from counter.case.item_step_request import StepRequest
from counter.case.status import CaseEvent, CaseStatus
from counter.catalog.search import Match, SearchIndex
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide, import_bundles, search_entries
from counter.db.holiday_store import set_day
from counter.db.sync import cases as sync_cases
from counter.projects.service_items import shipped_list_path
from counter.sync.keys import encryption_key_path, load_encryption_key, load_private_key, new_private_key
from counter.sync.package import (
    Header,
    PackageRejected,
    RejectCode,
    canonical_json,
    check_package,
    sign_sealed,
    unpack_package,
)
from counter.sync.record_json import to_dict
from counter.sync.sites import SiteKind
from tests.entrusted import ENTERED, RESTAURANT_ITEMS, entrust
from tests.pg_server import CATALOG, FreshDatabases
from tests.signed_in import signed_in
from tests.sync.case_records import case_records
from tests.sync.packages import MAGIC, write_package
from tests.sync.sync_world import NOW, TODAY, Site, introduce, make_site, sqlite_copy

TABLES = (
    models.Case, models.CaseMaterial, models.CaseHistory, models.DocumentRecord, models.PrintRecord,
    models.SyncImport, models.SyncReview, models.GuideVersion, models.Holiday,
)  # fmt: skip


@dataclasses.dataclass
class World:
    hall: Site
    ars: Site
    wlh: Site


@pytest.fixture
def world(catalog: Path, tmp_path: Path, fresh_pg: FreshDatabases) -> Iterator[World]:
    hall = make_site(fresh_pg.sessions(CATALOG), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path)
    ars = make_site(
        sqlite_copy(catalog, tmp_path / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP, tmp_path
    )
    wlh = make_site(
        sqlite_copy(catalog, tmp_path / "wlh.sqlite3"), "WLH02", "义勒力特镇便民服务中心", SiteKind.TOWNSHIP, tmp_path
    )
    introduce(hall, ars)
    introduce(hall, wlh)
    run_demo(ars.sessions, ars.desk, TODAY)
    run_demo(wlh.sessions, wlh.desk, TODAY)
    yield World(hall, ars, wlh)
    for site in (ars, wlh):
        site.sessions.kw["bind"].dispose()


def counts(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as session:
        return {m.__tablename__: int(session.scalar(select(func.count()).select_from(m)) or 0) for m in TABLES}


def all_records(sessions: sessionmaker[Session]) -> list[dict[str, object]]:
    """Every case of a database as its sync record: what two databases must agree on."""
    with sessions() as session:
        ids = list(session.scalars(select(models.Case.id)))
        return sorted((to_dict(r) for r in case_records(session, ids)), key=lambda r: str(r["uid"]))


def refused(site: Site, data: bytes) -> RejectCode:
    before = counts(site.sessions)
    with pytest.raises(PackageRejected) as caught:
        site.take(data)
    assert counts(site.sessions) == before  # nothing at all was written
    return caught.value.code


@pytest.mark.parametrize("order", ["ars-first", "wlh-first"])
def test_both_townships_cases_reach_the_hall_and_again_changes_nothing(world: World, order: str) -> None:
    packages = {site.code: site.export() for site in (world.ars, world.wlh)}
    codes = ["ARS01", "WLH02"] if order == "ars-first" else ["WLH02", "ARS01"]
    for code in codes:
        report = world.hall.take(packages[code].data)
        assert (report.from_site, report.applied, report.unchanged, report.held, report.replayed) == (
            code,
            6,
            0,
            0,
            False,
        )
    township_records = all_records(world.ars.sessions) + all_records(world.wlh.sessions)
    assert all_records(world.hall.sessions) == sorted(township_records, key=lambda r: str(r["uid"]))

    before = counts(world.hall.sessions)
    replay = world.hall.take(packages["ARS01"].data)
    assert (replay.replayed, replay.applied, replay.held) == (True, 0, 0)
    again = world.ars.export()  # not acknowledged yet: the same cases under the next number
    report = world.hall.take(again.data)
    assert (report.applied, report.unchanged, report.held, report.replayed) == (0, 6, 0, False)
    after = counts(world.hall.sessions)
    assert after == before | {"sync_import": before["sync_import"] + 1}


def test_a_case_under_a_guide_the_hall_lacks_waits_for_review_and_goes_in_later(world: World) -> None:
    with world.ars.sessions.begin() as session:
        stored = current_guide(session, DEMO_BUNDLE)
        assert stored is not None
        changed = dataclasses.replace(stored.bundle, name=stored.bundle.name + "（乡镇试行版）")
        import_bundles(session, [changed], "乡镇试行指南", "folder")
        new_version = session.scalar(select(func.max(models.GuideVersion.id)))
        odd_uid = session.scalar(select(models.Case.uid).order_by(models.Case.id).limit(1))
        session.execute(update(models.Case).where(models.Case.uid == odd_uid).values(guide_version_id=new_version))
    report = world.hall.take(world.ars.export().data)
    assert (report.applied, report.held) == (5, 1)
    with world.hall.sessions() as session:
        items = review_items(session)
        assert [(i.record_type, i.record_key, i.reason) for i in items] == [("case", odd_uid, "unknown_guide")]
        assert session.scalar(select(models.Case).where(models.Case.uid == odd_uid)) is None
        assert sync_status(session).review_open == 1

    with world.hall.sessions.begin() as session:  # the hall's catalog gets the township's version
        import_bundles(session, [changed], "中心目录更新", "folder")
    report = world.hall.take(world.ars.export().data)  # the case comes again, now with a known guide
    assert report.held == 0
    with world.hall.sessions() as session:
        assert session.scalar(select(models.Case).where(models.Case.uid == odd_uid)) is not None
        assert review_items(session) == []
        assert len(review_items(session, open_only=False)) == 1


def test_a_held_case_is_retried_at_the_next_import_from_its_site(world: World) -> None:
    with world.ars.sessions.begin() as session:
        stored = current_guide(session, DEMO_BUNDLE)
        assert stored is not None
        changed = dataclasses.replace(stored.bundle, name=stored.bundle.name + "（试行）")
        import_bundles(session, [changed], "乡镇试行指南", "folder")
        version = session.scalar(select(func.max(models.GuideVersion.id)))
        odd_uid = session.scalar(select(models.Case.uid).order_by(models.Case.id).limit(1))
        session.execute(update(models.Case).where(models.Case.uid == odd_uid).values(guide_version_id=version))
    first = world.ars.export()
    world.hall.take(first.data)
    with world.hall.sessions.begin() as session:
        import_bundles(session, [changed], "中心目录更新", "folder")
    with world.ars.sessions.begin() as session:  # the township's next package holds no case: an acknowledgement
        session.execute(update(models.SyncExport).values(acked_at=NOW))
    world.ars.take(world.hall.export(world.ars.code).data)
    second = world.ars.export()
    assert second.records == 2  # and the seal its first export made, now that the hall keeps seals
    world.hall.take(second.data)
    with world.hall.sessions() as session:
        assert session.scalar(select(models.Case.id).where(models.Case.uid == odd_uid)) is not None
        assert review_items(session) == []


def test_tampered_truncated_unsigned_and_foreign_packages_change_nothing(world: World, tmp_path: Path) -> None:
    good = world.ars.export().data
    end = good.index(b"\n", len(MAGIC))
    body_flip = bytearray(good)
    body_flip[end + 40] ^= 0x20
    assert refused(world.hall, bytes(body_flip)) is RejectCode.BODY_MISMATCH
    header_flip = good.replace(b'"export_no":1', b'"export_no":7')
    assert refused(world.hall, header_flip) is RejectCode.BAD_SIGNATURE
    assert refused(world.hall, good[: len(good) * 2 // 3]) is RejectCode.TRUNCATED
    fields = json.loads(good[len(MAGIC) : end])
    del fields["signature"]
    unsigned = MAGIC + canonical_json(fields) + good[end:]
    assert refused(world.hall, unsigned) is RejectCode.UNSIGNED

    stranger = make_site(sqlite_copy(Path(world.ars.sessions.kw["bind"].url.database), tmp_path / "x.sqlite3"),
                         "ZZZ09", "未登记镇", SiteKind.TOWNSHIP, tmp_path)  # fmt: skip
    introduce_one_way(stranger, world.hall)
    assert refused(world.hall, stranger.export().data) is RejectCode.UNKNOWN_SITE
    forged = resign(good, new_private_key(), world.hall)  # ARS01's name, someone else's key
    assert refused(world.hall, forged) is RejectCode.BAD_SIGNATURE

    other_hall = make_site(sqlite_copy(Path(world.ars.sessions.kw["bind"].url.database), tmp_path / "h2.sqlite3"),
                           "XAM02", "另一中心", SiteKind.HALL, tmp_path)  # fmt: skip
    introduce(other_hall, world.ars)
    to_other = world.ars.export(to_site="XAM02")
    assert refused(world.hall, to_other.data) is RejectCode.WRONG_DESTINATION
    assert refused(world.hall, b"PK\x03\x04" + good[4:]) is RejectCode.NOT_A_PACKAGE


def test_a_package_sealed_to_another_hall_under_this_ones_code_is_refused(world: World, tmp_path: Path) -> None:
    """A second hall registered as XAM01 (a stolen or replaced card): what ARS01 seals to it does not open here."""
    impostor = make_site(sqlite_copy(Path(world.ars.sessions.kw["bind"].url.database), tmp_path / "i.sqlite3"),
                         "XAM01", "冒名中心", SiteKind.HALL, tmp_path / "impostor")  # fmt: skip
    introduce(impostor, world.ars)
    sealed_elsewhere = world.ars.export().data
    assert refused(world.hall, sealed_elsewhere) is RejectCode.NOT_FOR_THIS_KEY
    assert impostor.take(sealed_elsewhere).applied == 6  # it was a good package, for the other key


def test_a_tampered_ciphertext_is_refused_even_when_its_sender_signs_it(world: World) -> None:
    good = world.ars.export().data
    end = good.index(b"\n", len(MAGIC))
    fields = json.loads(good[len(MAGIC) : end])
    sealed = bytearray(good[end + 1 :])
    sealed[len(sealed) // 3] ^= 0x40
    assert refused(world.hall, sign_sealed(fields, bytes(sealed), load_private_key(world.ars.key_path))) is (
        RejectCode.NOT_FOR_THIS_KEY
    )


def test_the_package_holds_no_id_or_phone_number_readable_in_any_part(world: World) -> None:
    """On a lost USB stick: neither the bytes nor anything that inflates from any offset shows a number."""
    with world.ars.sessions() as session:
        numbers = {
            n
            for row in session.execute(select(models.Case.applicant_id_no, models.Case.applicant_phone))
            for n in row
            if n
        }
    assert len(numbers) >= 6
    data = world.ars.export().data
    for text in readable_parts(data):
        assert not [n for n in numbers if n.encode() in text]


def readable_parts(data: bytes) -> list[bytes]:
    """The bytes themselves, and whatever gunzip, zlib or raw deflate makes of the stream from each offset."""
    found = [data]
    for start in range(len(data)):
        for wbits in (31, 15, -15):
            inflater = zlib.decompressobj(wbits=wbits)
            try:
                out = inflater.decompress(data[start:], 1 << 20)
            except zlib.error:
                continue
            if len(out) >= 11:  # shorter than any phone number
                found.append(out)
    return found


def introduce_one_way(sender: Site, receiver: Site) -> None:
    """The sender knows the receiver; the receiver never registered the sender."""
    from counter.actions.admin.site import register_peer

    with sender.sessions.begin() as session:
        register_peer(session, receiver.code, receiver.identity.name, receiver.identity.kind,
                      receiver.identity.public_key, desk=sender.desk,
                      encryption_key=receiver.identity.encryption_key)  # fmt: skip


def unpack(data: bytes, receiver: Site) -> tuple[Header, list[Any]]:
    """A package's header and records, opened with the receiver's key: tests seal and sign again what they change."""
    with receiver.sessions() as session:
        header, body = check_package(data, peer_keys(session), receiver.code)
    package = unpack_package(header, body, load_encryption_key(encryption_key_path(receiver.key_path)))
    return header, package.body


def resign(
    data: bytes,
    key: Ed25519PrivateKey,
    receiver: Site,
    shuffle: random.Random | None = None,
    export_no: int | None = None,
    to: Site | None = None,
) -> bytes:
    """The package's records sealed and signed again (shuffled, renumbered or sealed to another site on the way)."""
    header, body = unpack(data, receiver)
    if shuffle is not None:
        shuffle.shuffle(body)
    if export_no is not None:
        header = dataclasses.replace(header, export_no=export_no)
    return write_package(header, body, key, (to or receiver).identity.encryption_key)


def test_records_in_any_order_give_the_same_hall(world: World, fresh_pg: FreshDatabases, tmp_path: Path) -> None:
    good = world.ars.export().data
    second = make_site(fresh_pg.sessions(CATALOG), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path / "second")
    introduce(second, world.ars)
    key = load_private_key(world.ars.key_path)
    shuffled = resign(good, key, world.hall, shuffle=random.Random(7), to=second)
    assert shuffled != good
    world.hall.take(good)
    report = second.take(shuffled)
    assert (report.applied, report.held) == (6, 0)
    assert all_records(second.sessions) == all_records(world.hall.sessions)


def test_a_replayed_package_changes_nothing_and_a_reused_number_is_refused(world: World) -> None:
    first = world.ars.export()
    world.hall.take(first.data)
    before = counts(world.hall.sessions)
    for _ in range(2):
        assert world.hall.take(first.data).replayed
    assert counts(world.hall.sessions) == before
    later = world.ars.export()
    renumbered = resign(
        later.data, load_private_key(world.ars.key_path), world.hall, export_no=first.export_no,
        shuffle=random.Random(1),
    )  # fmt: skip
    assert refused(world.hall, renumbered) is RejectCode.NUMBER_REUSED


def test_the_hall_sends_progress_holidays_and_guides_back_and_the_township_catches_up(world: World) -> None:
    with world.ars.sessions() as session:
        assert sync_status(session).pending_cases == 6
    world.hall.take(world.ars.export().data)
    with world.ars.sessions() as session:
        accepted = session.scalar(select(models.Case.case_no).where(models.Case.status == CaseStatus.ACCEPTED.value))
        assert accepted is not None
    hall_desk = world.hall.desk
    with world.hall.sessions.begin() as session:
        move_case(session, hall_desk, accepted, CaseEvent.SENT_TO_APPROVAL)
        # the departments' decisions, recorded at the hall's window under their written 授权; the last closes it
        entrust(session, hall_desk, *RESTAURANT_ITEMS, site_code=hall_desk.identity.site_code)
        for code in RESTAURANT_ITEMS:
            decide_item(session, hall_desk, accepted, code, approve=True, text=f"XK-{code[-2:]}", entered=ENTERED)
        set_day(session, dt.date(2027, 1, 1), "off", "国务院办公厅通知")
        stored = current_guide(session, DEMO_BUNDLE)
        assert stored is not None
        newer = dataclasses.replace(stored.bundle, name=stored.bundle.name + "（2027年版）")
        import_bundles(session, [newer], "中心目录更新", "folder")
        hall_hash = session.scalar(select(models.GuideVersion.content_hash).order_by(models.GuideVersion.id.desc()))
        # the hall's own 帮您办 list, which its townships plan their projects against
        own_list = (
            shipped_list_path().read_text(encoding="utf-8") + "23\t林草部门\t使用林地审核同意书核发\t行政许可\t用地\n"
        )
        import_service_list(session, hall_desk, own_list)
    updates = world.hall.export(world.ars.code)
    report = world.ars.take(updates.data)
    assert report.held == 0
    assert report.applied >= 3
    with world.ars.sessions() as session:
        case = session.scalar(select(models.Case).where(models.Case.case_no == accepted))
        assert case is not None
        assert case.status == CaseStatus.READY.value
        events = list(session.scalars(select(models.CaseHistory.event).where(models.CaseHistory.case_id == case.id)))
        assert events == ["taken", "sent_to_approval", *["item_approved"] * 4, "completed"]  # each item granted
        holiday = session.get(models.Holiday, dt.date(2027, 1, 1))
        assert holiday is not None
        assert holiday.kind == "off"
        assert session.scalar(select(models.GuideVersion.id).where(models.GuideVersion.content_hash == hall_hash))
        guide = current_guide(session, DEMO_BUNDLE)
        assert guide is not None
        assert guide.bundle.name.endswith("（2027年版）")
        assert service_list(session).item(23) is not None
        status = sync_status(session)
        assert (status.pending_cases, status.pending_since) == (0, None)  # acknowledged, and the hall's news is no news
    assert world.ars.take(updates.data).replayed
    again = world.ars.take(world.hall.export(world.ars.code).data)
    assert (again.applied, again.held) == (0, 0)
    with world.wlh.sessions() as session:
        assert sync_status(session).pending_cases == 6  # the other township has sent nothing yet


def test_aliases_reach_the_township_with_the_guide_and_its_search_finds_them(world: World) -> None:
    with world.hall.sessions.begin() as session:
        stored = current_guide(session, DEMO_BUNDLE)
        assert stored is not None
        assert "开饭店" in stored.bundle.aliases  # the shipped catalog's
        newer = dataclasses.replace(stored.bundle, aliases=(*stored.bundle.aliases, "街角小馆"))
        import_bundles(session, [newer], "中心目录更新", "folder")
    world.ars.take(world.hall.export(world.ars.code).data)
    with world.ars.sessions() as session:
        guide = current_guide(session, DEMO_BUNDLE)
        index = SearchIndex(search_entries(session))
    assert guide is not None
    assert guide.bundle.aliases == newer.aliases
    for alias in ("街角小馆", "开饭店"):
        hit = index.find(alias).hits[0]
        assert (hit.bundle_code, hit.match) == (DEMO_BUNDLE, Match.ALIAS)


def test_progress_for_a_case_the_township_lacks_waits_for_review(world: World) -> None:
    world.hall.take(world.ars.export().data)
    with world.ars.sessions.begin() as session:  # as if the township had lost the case (an old backup restored)
        lost = session.scalar(select(models.Case).where(models.Case.status == CaseStatus.ACCEPTED.value))
        assert lost is not None
        lost_no, lost_uid = lost.case_no, lost.uid
        lost.uid = "0" * 32
    with world.hall.sessions.begin() as session:
        move_case(session, world.hall.desk, lost_no, CaseEvent.SENT_TO_APPROVAL)
    report = world.ars.take(world.hall.export(world.ars.code).data)
    assert report.held == 1
    with world.ars.sessions() as session:
        items = review_items(session)
    assert [(i.record_type, i.record_key, i.reason, i.detail) for i in items] == [
        ("progress", lost_uid, "case_unknown", lost_no)
    ]


def test_a_bad_rating_its_rectification_and_every_step_reach_the_hall(world: World) -> None:
    from counter.actions.admin.calendar import office_calendar
    from counter.actions.ratings.follow_up import move_rectification
    from counter.actions.ratings.record import record_rating, send_to_pad
    from counter.host.machine.desk_at import desk_at
    from counter.host.machine.desk_config import DeskConfig
    from counter.ratings.choice import RatingChoice
    from counter.ratings.levels import Level
    from counter.ratings.rectification import RectEvent

    desk = desk_at(DeskConfig(site_code="ARS01", site_name="明水河镇便民服务中心", desk_no="1", clerk="ARS01职员"))
    with world.ars.sessions() as session:
        case_no = session.scalars(select(models.Case.case_no).order_by(models.Case.id)).first()
    assert case_no is not None
    with world.ars.sessions.begin() as session:
        pad = send_to_pad(session, case_no, desk, NOW)
        bad = RatingChoice(Level.DISSATISFIED, ("等待时间长",))
        rated = record_rating(session, pad.request_id, bad, desk, NOW, office_calendar(session))
        assert rated.alert is not None
    # the revisit is a reviewer's: the township's supervisor, signed in (its desk without accounts is a clerk)
    head = signed_in(world.ars.sessions, dataclasses.replace(desk, clerk="其其格"))
    with world.ars.sessions.begin() as session:
        move_rectification(
            session,
            rated.alert.rectification_id,
            RectEvent.REVISITED,
            "其其格",
            "已电话回访",
            NOW + dt.timedelta(hours=1),
            desk=head,
        )
    with world.ars.sessions() as session:
        lines = int(session.scalar(select(func.count()).select_from(models.RectificationHistory)) or 0)
    assert lines >= 2  # opened, then revisited

    report = world.hall.take(dataclasses.replace(world.ars, desk=head).export().data)
    assert (report.applied, report.held) == (6, 0)
    with world.hall.sessions() as session:
        at_hall = int(session.scalar(select(func.count()).select_from(models.RectificationHistory)) or 0)
    assert at_hall == lines
    assert all_records(world.hall.sessions) == all_records(world.ars.sessions)
    with world.hall.sessions() as session:  # the rater's number as the hall stores it: sealed at rest
        stored = session.execute(sql_text("SELECT rater_id_no FROM rating")).scalars().all()
        read = session.scalars(select(models.Rating.rater_id_no)).all()
    assert stored
    assert all(v.startswith("s4:") for v in stored)
    assert all(len(v) == 18 for v in read)


def broken_at_the_end(data: bytes, key: Ed25519PrivateKey, hall: Site) -> tuple[bytes, str]:
    """The package again, its last case's last checklist line with a number for a name; the problem's words."""
    header, body = unpack(data, hall)
    last = max(i for i, r in enumerate(body) if r["type"] == "case")
    lines = body[last]["materials"]
    lines[-1]["name"] = 5
    return write_package(header, body, key, hall.identity.encryption_key), (
        f"#{last} materials[{len(lines) - 1}].name: wrong_type"
    )


@pytest.mark.parametrize("hall_db", ["postgresql", "sqlite"])
def test_a_case_found_broken_after_earlier_batches_went_in_refuses_the_whole_package(
    world: World, catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hall_db: str
) -> None:
    monkeypatch.setattr(sync_cases, "NEW_BATCH", 2)  # three batches: the first two are written before the third is read
    hall = world.hall
    if hall_db == "sqlite":
        hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心",
                         SiteKind.HALL, tmp_path / "sqlite-hall")  # fmt: skip
        introduce(hall, world.ars)
    broken, problem = broken_at_the_end(world.ars.export().data, load_private_key(world.ars.key_path), hall)
    with pytest.raises(PackageRejected) as caught:
        hall.take(broken)
    assert caught.value.code is RejectCode.BAD_STRUCTURE
    assert caught.value.detail == problem
    assert counts(hall.sessions)["case"] == counts(hall.sessions)["case_material"] == 0


@pytest.mark.parametrize("batch", [1, 4, 1000])
def test_cases_written_in_batches_of_any_size_arrive_whole(
    world: World, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(sync_cases, "NEW_BATCH", batch)
    report = world.hall.take(world.ars.export().data)
    assert (report.applied, report.held) == (6, 0)
    assert all_records(world.hall.sessions) == all_records(world.ars.sessions)
    with world.hall.sessions.begin() as session:  # the ids handed out before the rows went in are the sequence's own
        highest = int(session.scalar(select(func.max(models.Case.id))) or 0)
        assert int(session.scalar(select(func.nextval(func.pg_get_serial_sequence('"case"', "id")))) or 0) > highest


def test_a_township_cases_items_go_through_the_halls_departments_and_their_steps_come_back(world: World) -> None:
    """Items of a township's case are routed at the hall after sync; the steps and decisions return to it."""
    world.hall.take(world.ars.export().data)
    with world.ars.sessions() as session:
        accepted = session.scalar(select(models.Case.case_no).where(models.Case.status == CaseStatus.ACCEPTED.value))
    assert accepted is not None
    desk, now = world.hall.desk, dt.datetime.combine(TODAY, dt.time(10), dt.UTC)
    food = "152201-YJS008-02"
    with world.hall.sessions.begin() as session:
        route_items(session, desk, accepted, now)
        entrust(session, desk, food, site_code=desk.identity.site_code)  # 市监局's steps recorded at the window
    granted = StepRequest(ItemEvent.APPROVED, result_no="JY11522010012345", entered=ENTERED)
    steps = [StepRequest(ItemEvent.SIGNED), StepRequest(ItemEvent.PAUSED, pause=PauseReason.EXPERT_REVIEW),
             StepRequest(ItemEvent.RESUMED), granted]  # fmt: skip
    for step in steps:
        with world.hall.sessions.begin() as session:
            take_item_step(session, desk, accepted, food, step, now)
    report = world.ars.take(world.hall.export(world.ars.code).data)
    assert report.held == 0
    with world.ars.sessions() as session:
        standings = {i.code: i for i in item_standings(session, accepted, TODAY)}
        view = case_view(session, accepted)
    assert view is not None
    assert standings[food].state is ItemState.APPROVED
    assert view.decisions()[food].text == "JY11522010012345"
    assert {i.state for code, i in standings.items() if code != food} == {ItemState.ROUTED}
    with world.hall.sessions() as session:
        assert {i.code: i.state for i in item_standings(session, accepted, TODAY)} == {
            code: i.state for code, i in standings.items()
        }  # the township sees what the hall sees
