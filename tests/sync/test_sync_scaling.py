"""A township's export and the hall's import ask the database as many questions for two hundred cases as for twenty.

A query per case, or per document, rating or rectification, makes a package of ten thousand cases take minutes:
every read and write of :mod:`counter.db.sync.case_records`, :mod:`counter.db.sync.cases` and
:mod:`counter.db.sync.case_parts` covers a whole package (in chunks of hundreds).  Counted here are the statements
SQLAlchemy sends; the cases carry every part an import writes (checklist and history lines, a receipt with its
print, ratings, a lapse, a bad rating's rectification with its lines).  The export writes those cases' JSON straight
from their rows, and is held here to the JSON of the records the import reads them back into.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, select

from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document, record_print
from counter.actions.ratings.record import rating_settings, record_rating, record_unrated, send_to_pad
from counter.actions.site.demo import run_demo
from counter.actions.sync.packages import export_package, import_package
from counter.db import models
from counter.db.sync.case_records import case_dicts
from counter.db.sync.cases import apply_cases
from counter.documents.kinds import DocumentKind
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.pad_reasons import offered_reasons
from counter.sync.case_reader import PackageCase
from counter.sync.record_json import to_dict
from counter.sync.records import CaseRecord
from counter.sync.sender_checks import Sender
from counter.sync.sites import SiteKind
from tests.sync.case_records import case_records
from tests.sync.sync_world import NOW, TODAY, Site, introduce, make_site


def training(site: Site) -> list[CaseRecord]:
    """The training run's cases, one rated badly (its rectification opened), one not rated, one with a receipt."""
    made = run_demo(site.sessions, site.desk, TODAY)
    with site.sessions.begin() as session:
        calendar = office_calendar(session)
        reasons = offered_reasons(rating_settings(session)[0])[:1]
        bad = send_to_pad(session, made[0].case_no, site.desk, NOW)
        record_rating(session, bad.request_id, RatingChoice(Level.DISSATISFIED, reasons), site.desk, NOW, calendar)
        record_unrated(session, send_to_pad(session, made[1].case_no, site.desk, NOW).request_id, site.desk, NOW)
        receipt = make_document(session, site.desk, made[0].case_no, DocumentKind.RECEIPT, TODAY)
        record_print(session, site.desk, receipt, "file:/dev/null", ok=True)
    with site.sessions() as session:
        return case_records(session, list(session.scalars(select(models.Case.id))))


def copies(templates: Sequence[CaseRecord], count: int, desk: int) -> list[CaseRecord]:
    """``count`` distinct cases at one desk of the township: the templates again, each with its own numbers."""
    made = []
    for n in range(count):
        t = templates[n % len(templates)]
        documents = tuple(
            dataclasses.replace(d, doc_no=f"ARS01-{TODAY:%y%m%d}-{d.kind[:4]}-{desk:02d}{n:04d}{k}")
            for k, d in enumerate(t.documents)
        )
        number = f"ARS01-{TODAY:%Y%m%d}-{desk:02d}-{n + 1:04d}"
        made.append(dataclasses.replace(t, uid=uuid.uuid4().hex, case_no=number, desk_no=str(desk),
                                        previous_uid="", documents=documents))  # fmt: skip
    return made


def own(cases: Sequence[PackageCase]) -> list[CaseRecord]:
    return [c for c in cases if isinstance(c, CaseRecord)]


class Statements:
    """The statements an engine sends while counting."""

    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: object) -> None:
        self.count += 1


@dataclasses.dataclass
class Pair:
    township: Site
    hall: Site
    templates: list[CaseRecord]


def sites(databases: Any, tmp_path: Path, label: str) -> Pair:
    township = make_site(databases(f"t-{label}"), "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP, tmp_path / label)
    hall = make_site(databases(f"h-{label}"), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path / label)
    introduce(hall, township)
    return Pair(township, hall, training(township))


def export_and_import(pair: Pair, count: int) -> tuple[int, int]:
    """The statements of the township's export and of the hall's import of a package of ``count`` more cases."""
    sender = Sender("ARS01", frozenset(), frozenset(), dt.datetime.now(dt.UTC))
    with pair.township.sessions.begin() as session:  # the township's own cases, as its desks left them
        done = apply_cases(session, copies(pair.templates, count, 10), own, sender)
    assert not done.held
    sent = Statements(pair.township.sessions.kw["bind"])
    with pair.township.sessions.begin() as session:
        package = export_package(session, pair.township.desk, NOW, key_path=pair.township.key_path)
    taken = Statements(pair.hall.sessions.kw["bind"])
    with pair.hall.sessions.begin() as session:
        report = import_package(session, pair.hall.desk, package.data, NOW, key_path=pair.hall.key_path)
    assert report.applied == count + len(pair.templates)
    assert not report.held
    return sent.count, taken.count


def test_an_export_and_an_import_ask_as_often_for_two_hundred_cases_as_for_twenty(
    databases: Any, tmp_path: Path
) -> None:
    small = export_and_import(sites(databases, tmp_path, "small"), 20)
    large = export_and_import(sites(databases, tmp_path, "large"), 200)
    assert large == small


def test_the_exports_json_made_from_the_rows_is_the_records_json(databases: Any, tmp_path: Path) -> None:
    """The export writes each case straight from its rows as the driver reads them
    (counter.db.sync.case_records.case_dicts, counter.db.json_rows): the same JSON as the record read through
    SQLAlchemy, every part included, its times, days and flags written alike."""
    pair = sites(databases, tmp_path, "json")
    sender = Sender("ARS01", frozenset(), frozenset(), dt.datetime.now(dt.UTC))
    with pair.township.sessions.begin() as session:
        apply_cases(session, copies(pair.templates, 30, 10), own, sender)
    with pair.township.sessions() as session:
        ids = list(session.scalars(select(models.Case.id)))
        made = case_dicts(session, ids[::2] + ids[1::2])
        assert made == [to_dict(r) for r in case_records(session, ids)]
        # cases far apart are asked for by their ids, not by a range of them: the same JSON that way too
        apart = sorted(ids)[::3]
        assert case_dicts(session, apart) == [to_dict(r) for r in case_records(session, apart)]
    assert any(d["documents"] for d in made)
    assert any(q["rating"] and q["rating"]["rectification"] for d in made for q in d["ratings"])
    assert any(q["lapsed_at"] for d in made for q in d["ratings"])
