"""A township's case carries the pages its document camera took to the hall, in a format an older hall refuses whole.

The township (SQLite) takes an intake, photographs two pages of one material with the synthetic camera and exports;
the hall (SQLite and PostgreSQL) keeps the case with both pages, byte for byte, and its case page reads them.  A
package holding pages is of format 7: a hall whose program reads only up to format 6 is told to upgrade (``too_new``)
rather than refusing a record it does not know as malformed; a format-6 package that holds one anyway is refused
whole, nothing kept; a package without pages is written as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_view import read_case
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.pages import page_image
from counter.db import models, page_store
from counter.db.case_store import case_by_no
from counter.db.catalog_store import current_guide
from counter.db.sync.case_records import case_dicts
from counter.db.sync.pages import page_records
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.sync import package
from counter.sync.keys import load_private_key
from counter.sync.package import Header, PackageKind, PackageRejected, RejectCode
from counter.sync.record_json import to_dict
from counter.words.sync import HOLD_REASON
from tests.host.devices.synthetic_camera import SyntheticCamera
from tests.sync.packages import MAGIC, write_package
from tests.sync.sync_world import NOW, TODAY, Site, hall_and_township

BUNDLE = "XAM-YJS-008"  # the restaurant: a bundle of ordinary materials, no subject


@pytest.fixture(params=["sqlite", "postgresql"])
def sites(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    hall, ars = hall_and_township(request, catalog, tmp_path)
    yield hall, ars
    ars.sessions.kw["bind"].dispose()
    if request.param == "sqlite":
        hall.sessions.kw["bind"].dispose()


def take(site: Site) -> tuple[str, str]:
    """A case taken at the site: its number and the code of its first material."""
    parties = Parties(Applicant(ApplicantKind.PERSON, "其其格", make_id_number("152201", dt.date(1994, 3, 8), 222)))
    with site.sessions.begin() as s:
        stored = current_guide(s, BUNDLE)
        assert stored is not None
        checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
        number = take_intake(s, site.desk, IntakeRequest(checklist, parties), TODAY, office_calendar(s)).case_no
        code = s.scalars(select(models.CaseMaterial.material_code).order_by(models.CaseMaterial.id)).first()
    assert code is not None
    return number, code


def photograph(site: Site, number: str, code: str, camera: SyntheticCamera, *, compared: bool = False) -> int:
    """A page of the camera's written straight into the site's store for its case, after the intake."""
    with site.sessions.begin() as s:
        case = case_by_no(s, number)
        assert case is not None
        return page_store.add_page(s, case.id, code, page_image(camera.capture()), site.desk.clerk, compared, NOW)


def pages(sessions: sessionmaker[Session], number: str) -> list[tuple[str, int, bytes, bool]]:
    with sessions() as s:
        page = read_case(s, number)  # as its case page reads them
    assert page is not None
    return [(p.material_code, p.page_no, p.jpeg, p.compared) for p in page.pages]


def cases(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(models.Case)) or 0)


@pytest.mark.slow  # two sites' exports and imports: over a second
def test_two_pages_taken_at_the_township_are_on_the_case_at_the_hall(sites: tuple[Site, Site]) -> None:
    hall, ars = sites
    number, code = take(ars)
    camera = SyntheticCamera()
    assert photograph(ars, number, code, camera, compared=True) == 1
    assert photograph(ars, number, code, camera) == 2
    taken = pages(ars.sessions, number)
    assert [(c, n, cmp) for c, n, _jpeg, cmp in taken] == [(code, 1, True), (code, 2, False)]
    assert taken[0][2] != taken[1][2]  # two pages, not one twice
    data = ars.export().data
    assert data.startswith(b"COUNTER-SYNC/7\n")
    report = hall.take(data)
    assert (report.applied, report.held) == (3, 0)  # the case and its two pages
    assert pages(hall.sessions, number) == taken
    with hall.sessions() as s:  # and its case page reads them
        page = read_case(s, number)
    assert page is not None
    assert [(p.material_code, p.page_no, p.jpeg, p.compared) for p in page.pages] == taken
    assert hall.take(data).replayed  # the same package again changes nothing


@pytest.mark.slow  # two sites' exports and imports: over a second
def test_a_page_taken_after_the_case_went_goes_with_the_next_package(sites: tuple[Site, Site]) -> None:
    hall, ars = sites
    number, code = take(ars)
    first = ars.export().data
    assert first.startswith(MAGIC)  # no page yet: format 2, as before
    assert hall.take(first).applied == 1
    ars.take(hall.export(to_site=ars.code, now=NOW + dt.timedelta(minutes=1)).data, now=NOW + dt.timedelta(minutes=1))
    photograph(ars, number, code, SyntheticCamera())
    second = ars.export(now=NOW + dt.timedelta(minutes=5)).data
    assert second.startswith(b"COUNTER-SYNC/7\n")
    report = hall.take(second, now=NOW + dt.timedelta(minutes=5))
    assert report.held == 0
    assert [n for _c, n, _j, _cmp in pages(hall.sessions, number)] == [1]


def test_a_hall_that_reads_only_format_6_is_told_to_upgrade(
    sites: tuple[Site, Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    hall, ars = sites
    number, code = take(ars)
    photograph(ars, number, code, SyntheticCamera())
    data = ars.export().data
    monkeypatch.setattr(package, "FORMAT_VERSION", 6)
    monkeypatch.setattr(package, "MAGICS", {n: m for n, m in package.MAGICS.items() if n <= 6})
    with pytest.raises(PackageRejected) as caught:
        hall.take(data)
    assert caught.value.code is RejectCode.TOO_NEW
    assert cases(hall.sessions) == 0


def test_pages_in_an_older_format_are_refused_whole(sites: tuple[Site, Site]) -> None:
    hall, ars = sites
    number, code = take(ars)
    photograph(ars, number, code, SyntheticCamera())
    with ars.sessions() as s:
        ids = list(s.scalars(select(models.Case.id)))
        body = [*case_dicts(s, ids), *(to_dict(p) for p in page_records(s, ids))]
    for fmt in (2, 6):
        header = Header("ARS01", "township", hall.code, PackageKind.CASES, fmt, NOW, None, len(body), format=fmt)
        data = write_package(header, body, load_private_key(ars.key_path), hall.identity.encryption_key)
        with pytest.raises(PackageRejected) as caught:
            hall.take(data)
        assert caught.value.code is RejectCode.BAD_STRUCTURE
    assert cases(hall.sessions) == 0


@pytest.mark.slow  # two sites' exports and imports: over a second
def test_a_page_before_its_case_waits_for_review_and_goes_in_with_the_case(sites: tuple[Site, Site]) -> None:
    hall, ars = sites
    number, code = take(ars)
    photograph(ars, number, code, SyntheticCamera())
    with ars.sessions() as s:
        ids = list(s.scalars(select(models.Case.id)))
        only_pages = [to_dict(p) for p in page_records(s, ids)]
    header = Header("ARS01", "township", hall.code, PackageKind.CASES, 1, NOW, None, len(only_pages), format=7)
    early = write_package(header, only_pages, load_private_key(ars.key_path), hall.identity.encryption_key)
    assert hall.take(early).held == 1
    with hall.sessions() as s:
        (review,) = s.scalars(select(models.SyncReview))
        assert (review.record_type, review.reason, review.detail) == ("page", "page_case_missing", code)
    ars.export()  # the township's own first package, never carried: the hall's number 1 was the page alone
    later = NOW + dt.timedelta(minutes=5)
    report = hall.take(ars.export(now=later).data, now=later)
    assert report.held == 0
    assert [(c, n) for c, n, _jpeg, _cmp in pages(hall.sessions, number)] == [(code, 1)]
    with hall.sessions() as s:
        assert s.scalar(select(models.SyncReview.resolved_at)) is not None  # the review item resolved


def test_a_page_whose_image_is_not_base64_is_held_as_unreadable_not_as_waiting_for_its_case(
    sites: tuple[Site, Site],
) -> None:
    """A page no desk's export writes (its image not base64) beside its case: the case goes in, the page waits on
    the review list as a page that cannot be read.  Said as waiting for its case, it sent the hall's supervisor to
    look for a case that is there, and it would have stayed so after every package."""
    hall, ars = sites
    number, code = take(ars)
    photograph(ars, number, code, SyntheticCamera())
    with ars.sessions() as s:
        ids = list(s.scalars(select(models.Case.id)))
        body = [*case_dicts(s, ids), *(to_dict(p) for p in page_records(s, ids))]
    body[-1]["image"] = "这不是图像"
    header = Header("ARS01", "township", hall.code, PackageKind.CASES, 1, NOW, None, len(body), format=7)
    report = hall.take(write_package(header, body, load_private_key(ars.key_path), hall.identity.encryption_key))
    assert (report.applied, report.held) == (1, 1)
    with hall.sessions() as s:
        (review,) = s.scalars(select(models.SyncReview))
        assert (review.record_type, review.reason, review.detail) == ("page", "page_unreadable", code)
    assert HOLD_REASON[review.reason] == "材料照片的图像数据无法读取（不是本程序导出的格式），未导入"
    assert pages(hall.sessions, number) == []
    assert cases(hall.sessions) == 1
