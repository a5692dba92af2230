"""Guide versions: a new one only when content changes; old ones stay readable.

Each test runs on an empty migrated database, SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.catalog.document import content_hash, to_document
from counter.catalog.model import Bundle, GuideStatus
from counter.catalog.search import Match, SearchIndex
from counter.db.catalog_store import (
    current_guide,
    guide_history,
    guide_version,
    import_bundles,
    search_entries,
)
from counter.db.engine import make_engine, make_sessions
from tests.pg_server import BACKENDS, MIGRATED, FreshDatabases


@pytest.fixture(params=BACKENDS)
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    if request.param == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        yield fresh.sessions(MIGRATED)
        return
    path = tmp_path / "c.sqlite3"
    shutil.copyfile(request.getfixturevalue("migrated_db"), path)
    engine = make_engine(f"sqlite:///{path}")
    yield make_sessions(engine)
    engine.dispose()


def bundle(number: int, name: str, summary: str = "", aliases: tuple[str, ...] = ()) -> Bundle:
    return Bundle(
        code=f"T-{number:03}",
        number=number,
        name=name,
        status=GuideStatus.UNPUBLISHED,
        sample=False,
        keywords=("饭店",),
        aliases=aliases,
        summary=summary,
    )


def test_import_then_reimport_unchanged_makes_no_new_version(sessions: sessionmaker[Session]) -> None:
    first = [bundle(8, "我要开小餐馆"), bundle(6, "我要开药店")]
    with sessions.begin() as s:
        report = import_bundles(s, first, "test", "folder")
    assert sorted(report.new_versions) == ["T-006", "T-008"]
    with sessions.begin() as s:
        again = import_bundles(s, first, "test", "folder")
    assert again.new_versions == ()
    assert again.unchanged == 2
    assert again.import_id is None


def test_a_changed_bundle_gets_a_new_version_and_the_old_one_stays(sessions: sessionmaker[Session]) -> None:
    old = bundle(8, "我要开小餐馆", "旧说明")
    with sessions.begin() as s:
        import_bundles(s, [old], "v1", "folder")
        first_id = current_guide(s, "T-008")
    assert first_id is not None
    new = dataclasses.replace(old, summary="新说明")
    with sessions.begin() as s:
        report = import_bundles(s, [new], "v2", "folder")
    assert report.new_versions == ("T-008",)
    with sessions() as s:
        now = current_guide(s, "T-008")
        then = guide_version(s, first_id.version_id)
        history = guide_history(s, "T-008")
    assert now is not None
    assert then is not None
    assert (now.version, now.bundle.summary) == (2, "新说明")
    assert (then.version, then.bundle) == (1, old)
    assert [v for _, v in history] == [1, 2]


def test_stored_guide_reads_back_equal(sessions: sessionmaker[Session]) -> None:
    original = bundle(52, "我要办新生儿出生事项")
    with sessions.begin() as s:
        import_bundles(s, [original], "t", "folder")
    with sessions() as s:
        stored = current_guide(s, "T-052")
        entries = search_entries(s)
    assert stored is not None
    assert stored.bundle == original
    assert [(e.bundle_code, e.number, e.published) for e in entries] == [("T-052", 52, False)]
    assert "xse" in entries[0].text


def test_aliases_are_stored_with_the_guide_and_found_by_the_search(sessions: sessionmaker[Session]) -> None:
    original = bundle(8, "我要开小餐馆", aliases=("开饭店", "开餐馆"))
    with sessions.begin() as s:
        import_bundles(s, [original, bundle(6, "我要开药店")], "t", "folder")
    with sessions() as s:
        stored = current_guide(s, "T-008")
        index = SearchIndex(search_entries(s))
    assert stored is not None
    assert stored.bundle.aliases == ("开饭店", "开餐馆")
    for query in ("开饭店", "kaicanguan", "kfd"):
        hit = index.find(query).hits[0]
        assert (hit.bundle_code, hit.match) == ("T-008", Match.ALIAS)


def test_new_aliases_make_a_new_version_and_a_guide_without_them_keeps_its_hash(
    sessions: sessionmaker[Session],
) -> None:
    plain = bundle(8, "我要开小餐馆")
    doc = to_document(plain)
    assert "aliases" not in doc  # so the hash of every guide written before aliases existed still matches
    with sessions.begin() as s:
        import_bundles(s, [plain], "v1", "folder")
    with sessions.begin() as s:
        assert import_bundles(s, [plain], "v1 again", "folder").new_versions == ()
        report = import_bundles(s, [dataclasses.replace(plain, aliases=("开饭店",))], "v2", "folder")
    assert report.new_versions == ("T-008",)
    with sessions() as s:
        history = guide_history(s, "T-008")
        first = guide_version(s, history[0][0])
    assert first is not None
    assert content_hash(to_document(first.bundle)) == content_hash(doc)
    assert [v for _, v in history] == [1, 2]
