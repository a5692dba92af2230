"""The sender's refusals are told: the hall's log names each refused package and record, and the township learns why.

The township (SQLite) sends its cases; a package of its, signed with its own key, adds a 不予批准 of an item a county
department decides to one of them, and the hall (SQLite, PostgreSQL) holds that case for review.  The hall's next
update tells the township which record waits and why (case number, reason, detail), and the township shows it on
``counter sync status``; once the township's record goes in, the next update clears the list there too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.actions.site.site_setup import sync_page
from counter.actions.sync import sync_status as status_module
from counter.actions.sync.sync_status import held_at_hall, status_and_held, sync_status
from counter.case.decisions import item_note
from counter.case.status import CaseEvent, CaseStatus
from counter.cli.main import main
from counter.db import models
from counter.db.sync.held import told_held
from counter.sync.keys import load_private_key
from counter.sync.package import MAGICS, Header, PackageKind, PackageRejected, RejectCode
from counter.sync.record_json import to_dict
from counter.sync.records import HeldEntry
from counter.sync.status import HeldAtHall
from tests.sync.case_records import case_records
from tests.sync.packages import write_package
from tests.sync.sync_world import NOW, Site, township_with_demo

FOOD = "152201-YJS008-02"  # 食品经营许可: the county's 市场监督管理局 decides it


@dataclasses.dataclass
class Pair:
    hall: Site
    ars: Site
    ars_url: str


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[Pair]:
    for hall, ars in township_with_demo(request, catalog, tmp_path):
        assert hall.take(ars.export().data).held == 0
        yield Pair(hall, ars, f"sqlite:///{tmp_path / 'ars.sqlite3'}")


def accepted_record(ars: Site) -> dict[str, Any]:
    """The township's first accepted case, as its package carries it."""
    with ars.sessions() as session:
        case_id = session.scalars(
            select(models.Case.id).where(models.Case.status == CaseStatus.ACCEPTED.value).order_by(models.Case.id)
        ).first()
        assert case_id is not None
        return to_dict(case_records(session, [case_id])[0])


def signed(pair: Pair, record: dict[str, Any], export_no: int) -> bytes:
    header = Header(pair.ars.code, "township", pair.hall.code, PackageKind.CASES, export_no, NOW, None, 1)
    return write_package(header, [record], load_private_key(pair.ars.key_path), pair.hall.identity.encryption_key)


def with_denial(record: dict[str, Any]) -> dict[str, Any]:
    """The record with a 不予批准 of the county's 食品经营许可, an hour after its last line."""
    at = dt.datetime.fromisoformat(record["history"][-1]["at"]) + dt.timedelta(hours=1)
    denial = {"at": at.isoformat(), "clerk": "ARS01职员", "desk_no": "1", "event": CaseEvent.ITEM_DENIED.value,
              "status_after": "accepted", "note": item_note(FOOD, "场所不符")}  # fmt: skip
    return record | {"history": [*record["history"], denial]}


def told(ars: Site) -> list[HeldAtHall]:
    with ars.sessions() as session:
        return held_at_hall(session)


def test_a_refused_record_and_a_refused_package_are_named_in_the_halls_log(
    pair: Pair, caplog: pytest.LogCaptureFixture
) -> None:
    record = accepted_record(pair.ars)
    caplog.set_level(logging.WARNING, logger="counter.actions.sync.packages")
    assert pair.hall.take(signed(pair, with_denial(record), 2)).held == 1
    assert f"case {record['uid']} refused (not_township_item): history[1] item_denied: item {FOOD}" in caplog.text

    caplog.clear()
    tampered = bytearray(signed(pair, record, 3))
    tampered[-10] ^= 0x20
    with pytest.raises(PackageRejected) as caught:
        pair.hall.take(bytes(tampered))
    assert caught.value.code is RejectCode.BODY_MISMATCH
    assert f"sync package ARS01#3 of {len(tampered)} bytes refused (body_mismatch)" in caplog.text
    not_a_package = b"PK\x03\x04 a zip file"
    with pytest.raises(PackageRejected):
        pair.hall.take(not_a_package)
    assert f"sync package of {len(not_a_package)} bytes refused (not_a_package)" in caplog.text
    for personal in (record["applicant_name"], record["applicant_id_no"], record["applicant_phone"]):
        assert personal not in caplog.text


@pytest.mark.slow
def test_the_township_learns_why_its_record_waits_and_sees_it_cleared_once_it_goes_in(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hall, ars = pair.hall, pair.ars
    plain = hall.export(ars.code).data  # nothing held yet: an update every township program reads, as before
    assert plain.startswith(MAGICS[2])
    assert ars.take(plain).held == 0
    assert told(ars) == []

    record = accepted_record(ars)
    assert hall.take(signed(pair, with_denial(record), 2)).held == 1
    update = hall.export(ars.code).data
    assert update.startswith(MAGICS[4])  # it tells the township why: a township's older program says to upgrade
    assert ars.take(update).held == 0
    [entry] = told(ars)
    assert (entry.hall, entry.record_type, entry.number, entry.reason) == (
        "XAM01", "case", record["case_no"], "not_township_item",
    )  # fmt: skip
    assert entry.detail == f"history[1] item_denied: item {FOOD}"
    with ars.sessions() as session:
        assert sync_status(session).held_at_hall == 1
        reads = []

        def counted(session: Session) -> list[tuple[str, HeldEntry]]:
            reads.append(session)
            return told_held(session)

        monkeypatch.setattr(status_module, "told_held", counted)
        both = status_and_held(session)
        page = sync_page(session)
    assert (both.status.held_at_hall, both.held) == (1, (entry,))
    assert page.status is not None
    assert (page.status.held_at_hall, page.held) == (1, (entry,))
    assert len(reads) == 2  # the status bar and the sync page each read the lists once

    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "ars-home"))
    assert main(["sync", "status", "--db", pair.ars_url]) == 0
    out = capsys.readouterr().out
    assert "中心未导入的本站点记录：1 条" in out
    assert record["case_no"] in out
    assert "不由乡镇（苏木）作出决定的事项" in out
    assert main(["sync", "status", "--json", "--db", pair.ars_url]) == 0
    [shown] = json.loads(capsys.readouterr().out)["held_at_hall_records"]
    assert (shown["number"], shown["reason"]) == (record["case_no"], "not_township_item")

    assert hall.take(signed(pair, record, 3)).held == 0  # the record as it stands goes in: the review item resolved
    assert ars.take(hall.export(ars.code).data).held == 0
    assert told(ars) == []  # the hall's list, empty now, replaced the township's copy
