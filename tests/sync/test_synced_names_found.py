"""A case taken at a township is found at the hall by F7 by any part of its applicant's name, as the hall's own.

The hall writes the pairs of a synced case's name with its row (:mod:`counter.db.sync.cases`): without them the
township's cases would be found by number alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.actions.cases.case_reads import cases_found
from counter.case.lookup import read_lookup
from counter.db import models
from tests.sync.sync_world import TODAY, Site, township_with_demo


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    yield from township_with_demo(request, catalog, tmp_path)


def test_a_case_synced_from_a_township_is_found_by_the_middle_of_its_name(pair: tuple[Site, Site]) -> None:
    hall, ars = pair
    with ars.sessions() as session:
        taken = session.execute(
            select(models.Case.case_no, models.Case.applicant_name).where(models.Case.applicant_name.like("___%"))
        ).all()
    case_no, name = taken[0]
    lookup = read_lookup(name[1:3])  # neither its first character nor its last
    assert lookup is not None
    with hall.sessions() as session:
        assert cases_found(session, lookup, TODAY) == []
    for package in ars.export(hall.code).packages:
        hall.take(package)
    with hall.sessions() as session:
        assert case_no in [found.case_no for found in cases_found(session, lookup, TODAY)]
