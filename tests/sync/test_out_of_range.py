"""Values no desk writes, in a signed package: refused by name and logged, with nothing of the package kept.

A township's key signs whatever its holder puts in the package; the hall must answer a number beyond every column,
a count of a hundred digits or a text no UTF-8 keeps with a named refusal (the clerk reads why, support reads the
log line), never an unexpected error from the database or the JSON reader.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter.db import models
from counter.db.sync.store import open_reviews
from counter.sync.keys import load_private_key
from counter.sync.package import Header, PackageKind, PackageRejected, RejectCode, canonical_json, write_packed
from counter.words.sync import PACKAGE_REJECTED
from tests.sync.sync_world import NOW, Site, township_with_demo
from tests.sync.test_refusals_told import accepted_record


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    """The hall on either backend (a number past 2**31 overflows PostgreSQL's integer, 2**63 SQLite's)."""
    yield from township_with_demo(request, catalog, tmp_path)


def signed(hall: Site, ars: Site, plain: bytes, export_no: int = 1, count: int = 1) -> bytes:
    """A package of ``plain`` (the body's JSON as given, byte for byte), really signed with the township's key."""
    header = Header(ars.code, "township", hall.code, PackageKind.CASES, export_no, NOW, None, count)
    return write_packed(header, gzip.compress(plain), count, len(plain), load_private_key(ars.key_path),
                        hall.identity.encryption_key)  # fmt: skip


def refused(hall: Site, data: bytes, caplog: pytest.LogCaptureFixture) -> PackageRejected:
    caplog.clear()
    with pytest.raises(PackageRejected) as caught:
        hall.take(data)
    with hall.sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.SyncImport)) == 0
        assert session.scalar(select(func.count()).select_from(models.Case)) == 0
    assert PACKAGE_REJECTED[caught.value.code.value]  # the clerk's words for it
    assert f"refused ({caught.value.code.value})" in caplog.text  # and support's line
    return caught.value


@pytest.mark.parametrize("export_no", [2**31, 2**63, 10**30])
def test_a_package_number_beyond_every_column_is_a_bad_header(
    pair: tuple[Site, Site], export_no: int, caplog: pytest.LogCaptureFixture
) -> None:
    hall, ars = pair
    caplog.set_level(logging.WARNING, logger="counter.actions.sync.packages")
    plain = canonical_json([accepted_record(ars)])
    err = refused(hall, signed(hall, ars, plain, export_no), caplog)
    assert err.code is RejectCode.BAD_HEADER
    assert f"export_no beyond {2**31 - 1}" in err.detail
    assert hall.take(signed(hall, ars, plain, 2**31 - 1)).applied == 1  # the largest number still goes in


@pytest.mark.parametrize("count", [10**100, 2**63, 2**31])
def test_a_count_of_originals_beyond_every_column_is_malformed(
    pair: tuple[Site, Site], count: int, caplog: pytest.LogCaptureFixture
) -> None:
    """Refused by name already before this change (the records' reader bounds every whole number): kept as proof."""
    hall, ars = pair
    caplog.set_level(logging.WARNING, logger="counter.actions.sync.packages")
    record = accepted_record(ars)
    record["materials"][0]["originals"] = count
    err = refused(hall, signed(hall, ars, json.dumps([record], ensure_ascii=False).encode()), caplog)
    assert err.code is RejectCode.BAD_STRUCTURE
    assert "materials[0].originals" in err.detail


def test_a_lone_surrogate_written_raw_in_the_body_is_malformed(
    pair: tuple[Site, Site], caplog: pytest.LogCaptureFixture
) -> None:
    """Refused by name already before this change (the body is not UTF-8): kept as proof."""
    hall, ars = pair
    caplog.set_level(logging.WARNING, logger="counter.actions.sync.packages")
    record = accepted_record(ars)
    record["applicant_name"] = "张\ud800"
    raw = json.dumps([record], ensure_ascii=False).encode("utf-8", "surrogatepass")
    assert RejectCode.BAD_STRUCTURE is refused(hall, signed(hall, ars, raw), caplog).code


@pytest.mark.parametrize(
    ("field", "day"),
    [("received_on", "1900-01-01"), ("accepted_on", "2003-12-31"), ("promised_on", "2099-12-31")],
)
def test_a_case_dated_outside_what_the_desk_supports_waits_for_review(
    pair: tuple[Site, Site], field: str, day: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Held as bad_date with the field and the range, by name, before this change: kept as proof."""
    hall, ars = pair
    caplog.set_level(logging.WARNING, logger="counter.actions.sync.packages")
    record = accepted_record(ars) | {field: day}
    assert hall.take(signed(hall, ars, canonical_json([record]))).held == 1
    with hall.sessions() as session:
        [review] = open_reviews(session)
        assert session.scalar(select(func.count()).select_from(models.Case)) == 0
    assert review.reason == "bad_date"
    assert f"{field}: {day} not within 2004-01-01…" in review.detail
    assert f"case {record['uid']} refused (bad_date): {field}: {day}" in caplog.text
