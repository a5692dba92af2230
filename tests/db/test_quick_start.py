"""The desk's quick start reads the stored search index with sqlite3: aliases and typos work from the first key."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.catalog.imports import sync_bundled
from counter.actions.site.startup import quick_start
from counter.catalog.fingerprint import folder_fingerprint
from counter.catalog.search import Match, SearchIndex
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from tests.conftest import SHIPPED_CATALOG, made_database

SMALL_RESTAURANT = "XAM-YJS-008"


def desk_with(tmp_path: Path, folder: Path) -> tuple[str, Engine, sessionmaker[Session]]:
    """A desk's SQLite file, migrated, with the catalog of ``folder`` imported: its URL, engine and sessions."""
    url = made_database(tmp_path / "desk.sqlite3", catalog=False)
    engine = make_engine(url)
    upgrade(engine)  # nothing left to do: as at a desk's every start
    sessions = make_sessions(engine)
    sync_bundled(sessions, folder)
    return url, engine, sessions


def test_the_index_read_at_start_finds_aliases_and_typos_and_sees_a_new_alias(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    for name in ("006.toml", "008.toml", "009.toml"):
        shutil.copy(SHIPPED_CATALOG / name, folder / name)
    url, engine, sessions = desk_with(tmp_path, folder)

    quick = quick_start(url, folder_fingerprint(folder))
    assert quick is not None
    index = SearchIndex(quick.entries)
    assert index.find("开饭店").hits[0].match is Match.ALIAS
    for query in ("开饭店", "小参馆", "xcgg"):
        assert index.find(query).hits[0].bundle_code == SMALL_RESTAURANT

    # an alias added to the file: the catalog changed, so the next start takes the full path and imports it
    text = (folder / "008.toml").read_text(encoding="utf-8")
    (folder / "008.toml").write_text(text.replace('aliases = ["开饭店"', 'aliases = ["路边小馆", "开饭店"'), "utf-8")
    assert quick_start(url, folder_fingerprint(folder)) is None
    assert sync_bundled(sessions, folder).new_versions == (SMALL_RESTAURANT,)
    engine.dispose()
    again = quick_start(url, folder_fingerprint(folder))
    assert again is not None
    hit = SearchIndex(again.entries).find("路边小馆").hits[0]
    assert (hit.bundle_code, hit.match) == (SMALL_RESTAURANT, Match.ALIAS)


def test_the_quick_start_brings_back_what_the_last_read_of_the_files_found(tmp_path: Path) -> None:
    """A file the last import skipped is named again at the next quick start; a clean catalog has nothing to name."""
    folder = tmp_path / "catalog"
    folder.mkdir()
    shutil.copy(SHIPPED_CATALOG / "008.toml", folder / "008.toml")
    url, engine, sessions = desk_with(tmp_path, folder)
    clean = quick_start(url, folder_fingerprint(folder))
    assert clean is not None
    assert clean.catalog_problems == ()

    (folder / "099.toml").write_text("name = [not toml\n", encoding="utf-8")
    sync_bundled(sessions, folder)
    engine.dispose()
    quick = quick_start(url, folder_fingerprint(folder))
    assert quick is not None
    assert [problem.file for problem in quick.catalog_problems] == ["099.toml"]
