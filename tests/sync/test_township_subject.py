"""A township's case carries its bundle's subject (the newborn) to the hall, in a format an older hall refuses whole.

The township (SQLite) takes a 052 intake with the child's name, sex, birth date and 出生医学证明编号 and exports;
the hall (SQLite and PostgreSQL) keeps the case with them, exactly.  A package holding a subject is of format 6: a
hall whose program reads only up to format 5 would take the case and drop the field it does not know, so it is told
to upgrade (``too_new``) instead.  A format-5 package that holds one anyway is refused whole, nothing kept; a package
without one is written as before, and a record of an older program, without the field, reads as a case without one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.db.sync.case_records import case_dicts
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.sync import package
from counter.sync.keys import load_private_key
from counter.sync.package import Header, PackageKind, PackageRejected, RejectCode
from counter.sync.record_json import record_from_dict
from counter.sync.records import CaseRecord
from tests.sync.packages import MAGIC, write_package
from tests.sync.sync_world import NOW, TODAY, Site, hall_and_township

NEWBORN = "XAM-YJS-052"
CHILD = {"name": "阿依古丽・买买提", "sex": "female", "birth_date": "2026-11-02", "birth_certificate_no": "q150123456"}
KEPT = (("name", "阿依古丽·买买提"), ("sex", "female"), ("birth_date", "2026-11-02"),
        ("birth_certificate_no", "Q150123456"))  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def sites(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    hall, ars = hall_and_township(request, catalog, tmp_path)
    yield hall, ars
    ars.sessions.kw["bind"].dispose()
    if request.param == "sqlite":
        hall.sessions.kw["bind"].dispose()


def take(site: Site, bundle: str, subject: dict[str, str]) -> str:
    parties = Parties(Applicant(ApplicantKind.PERSON, "其其格", make_id_number("152201", dt.date(1994, 3, 8), 222)))
    with site.sessions.begin() as s:
        stored = current_guide(s, bundle)
        assert stored is not None
        checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
        request = IntakeRequest(checklist, parties, subject=tuple(subject.items()))
        return take_intake(s, site.desk, request, TODAY, office_calendar(s)).case_no


def cases(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(models.Case)) or 0)


@pytest.mark.slow  # two sites' exports and imports: over a second
def test_the_newborn_reaches_the_hall_with_the_case(sites: tuple[Site, Site]) -> None:
    hall, ars = sites
    number = take(ars, NEWBORN, CHILD)
    data = ars.export().data
    assert data.startswith(b"COUNTER-SYNC/6\n")
    assert hall.take(data).applied == 1
    with hall.sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.subject == KEPT


def test_a_hall_that_reads_only_format_5_is_told_to_upgrade(
    sites: tuple[Site, Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the hall's program of format 5 does with it: refuses it as written by a newer program, keeps nothing."""
    hall, ars = sites
    take(ars, NEWBORN, CHILD)
    data = ars.export().data
    monkeypatch.setattr(package, "FORMAT_VERSION", 5)
    monkeypatch.setattr(package, "MAGICS", {n: m for n, m in package.MAGICS.items() if n <= 5})
    with pytest.raises(PackageRejected) as caught:
        hall.take(data)
    assert caught.value.code is RejectCode.TOO_NEW
    assert cases(hall.sessions) == 0


def test_a_subject_in_an_older_format_is_refused_whole(sites: tuple[Site, Site]) -> None:
    hall, ars = sites
    take(ars, NEWBORN, CHILD)
    with ars.sessions() as s:
        body = case_dicts(s, list(s.scalars(select(models.Case.id))))
    assert body[0]["subject"]
    for fmt in (2, 5):
        header = Header("ARS01", "township", hall.code, PackageKind.CASES, fmt, NOW, None, len(body), format=fmt)
        data = write_package(header, body, load_private_key(ars.key_path), hall.identity.encryption_key)
        with pytest.raises(PackageRejected) as caught:
            hall.take(data)
        assert caught.value.code is RejectCode.BAD_STRUCTURE
    assert cases(hall.sessions) == 0


@pytest.mark.slow  # two sites' exports and imports: over a second
def test_without_a_subject_the_package_is_of_the_format_an_older_hall_reads(sites: tuple[Site, Site]) -> None:
    hall, ars = sites
    take(ars, "XAM-YJS-008", {})  # the restaurant: its guide declares no subject
    data = ars.export().data
    assert data.startswith(MAGIC)  # format 2, as before
    assert hall.take(data).applied == 1


def test_a_record_of_an_older_program_reads_without_a_subject(sites: tuple[Site, Site]) -> None:
    _hall, ars = sites
    take(ars, NEWBORN, CHILD)
    with ars.sessions() as s:
        (raw,) = case_dicts(s, list(s.scalars(select(models.Case.id))))
    older = {k: v for k, v in raw.items() if k != "subject"}
    record = record_from_dict(older)
    assert isinstance(record, CaseRecord)
    assert record.subject == ""
    assert isinstance(again := record_from_dict(raw), CaseRecord)
    assert again.subject == raw["subject"]
