"""The prepared database: a first start from it ends where the slow way ends, and it holds nothing of any one desk."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from counter.actions.catalog.imports import sync_bundled
from counter.actions.site.prepared import CATALOG_TABLES, build_prepared
from counter.actions.site.store import Store
from counter.catalog.search import SearchEntry, SearchIndex
from counter.db.prepared_start import DATABASE, FINGERPRINT, PENDING_KEY, Prepared, check_prepared, copy_prepared
from counter.resources import bundled_catalog_dir

QUERIES = ("xcg", "xiaocanguan", "开饭店", "小参馆", "营业执照", "yyzz", "jz", "我要")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once from the shipped catalog, as the package step builds it."""
    folder = tmp_path_factory.mktemp("prepared")
    assert build_prepared(bundled_catalog_dir(), folder)
    return folder


def rows(path: Path, query: str, *params: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def search_results(path: Path) -> dict[str, list[str]]:
    entries = [
        SearchEntry(code, number, name, bool(published), text, status == "draft")
        for code, number, name, published, text, status in rows(
            path, "SELECT code, number, name, published, search_text, status FROM bundle ORDER BY number, code"
        )
    ]
    index = SearchIndex(entries)
    return {q: [hit.bundle_code for hit in index.search(q, limit=500)] for q in QUERIES}


def _lines(sql: str | None) -> list[str]:
    """A table's definition line by line, in any order: a migration that rebuilds a table (Alembic's batch mode)
    writes its constraints in an order that changes from one run to the next, the slow way's included."""
    return sorted(line.strip().rstrip(",") for line in (sql or "").splitlines())


def contents(path: Path) -> dict[str, Any]:
    """What must be the same whichever way the database was made: times aside, which are when it was made."""
    trail = "SELECT chain, seq, actor, site_code, desk_no, action, subject, detail FROM audit_entry ORDER BY id"
    audit = rows(path, trail)
    return {
        "schema": [
            (kind, name, table, _lines(sql))
            for kind, name, table, sql in rows(path, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY 1,2")
        ],
        "revision": rows(path, "SELECT version_num FROM alembic_version"),
        "settings": rows(path, "SELECT key, value FROM setting ORDER BY key"),
        "imports": rows(path, "SELECT id, source, source_kind, new_versions FROM catalog_import ORDER BY id"),
        "bundles": rows(path, "SELECT * FROM bundle ORDER BY code"),
        "versions": rows(
            path, "SELECT id, bundle_code, version, content_hash, document, import_id FROM guide_version ORDER BY id"
        ),
        "audit": [(*row[:7], json.loads(row[7])) for row in audit],
        "search": search_results(path),
    }


@pytest.mark.slow
def test_a_first_start_from_the_prepared_database_ends_where_the_slow_way_ends(prepared: Path, tmp_path: Path) -> None:
    catalog = bundled_catalog_dir()
    slow_file, quick_file = tmp_path / "slow.sqlite3", tmp_path / "quick.sqlite3"
    slow = Store(f"sqlite:///{slow_file}", create=True)
    result = sync_bundled(slow.sessions(), catalog)
    slow.dispose()
    assert len(result.new_versions) == 103

    assert copy_prepared(prepared, catalog, quick_file) is Prepared.COPIED
    assert rows(quick_file, "SELECT count(*) FROM audit_entry") == [(0,)]  # not yet: the first opening writes it
    quick = Store(f"sqlite:///{quick_file}", create=True)
    quick.sessions()
    quick.dispose()

    made_slowly, made_quickly = contents(slow_file), contents(quick_file)
    assert made_quickly["search"]["xcg"][0] == "XAM-YJS-008"
    assert made_quickly["audit"][0][5] == "catalog_imported"
    assert made_quickly["audit"][0][7]["source"] == str(catalog)
    assert made_quickly == made_slowly
    assert rows(quick_file, "SELECT key FROM setting WHERE key = ?", PENDING_KEY) == []


@pytest.mark.slow
def test_the_pending_import_is_written_into_the_trail_once(prepared: Path, tmp_path: Path) -> None:
    target = tmp_path / "desk.sqlite3"
    assert copy_prepared(prepared, bundled_catalog_dir(), target) is Prepared.COPIED
    for _ in range(2):
        store = Store(f"sqlite:///{target}")
        store.sessions()
        store.dispose()
    assert rows(target, "SELECT action FROM audit_entry") == [("catalog_imported",)]


@pytest.mark.slow
def test_the_prepared_database_holds_only_what_every_desk_builds_alike(prepared: Path) -> None:
    database = prepared / DATABASE
    tables = [name for (name,) in rows(database, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    holding = {t for t in tables if rows(database, f'SELECT 1 FROM "{t}" LIMIT 1')}
    assert holding == CATALOG_TABLES
    assert {"audit_entry", "audit_chain", "account", "desk_counter", "site_peer"} <= set(tables)
    keys = {key for (key,) in rows(database, "SELECT key FROM setting")}
    assert keys == {"catalog.bundled.problems", PENDING_KEY}  # not the installation's quick fingerprint either
    assert rows(database, "SELECT source FROM catalog_import") == [("prepared",)]


@pytest.mark.slow
def test_a_changed_byte_or_another_catalog_is_refused_and_the_build_brings_it_back(
    prepared: Path, tmp_path: Path
) -> None:
    folder, catalog = tmp_path / "prepared", tmp_path / "catalog"
    folder.mkdir()
    for name in (DATABASE, FINGERPRINT):
        (folder / name).write_bytes((prepared / name).read_bytes())
    catalog.mkdir()
    for toml in bundled_catalog_dir().glob("*.toml"):
        (catalog / toml.name).write_bytes(toml.read_bytes())
    assert check_prepared(folder, catalog) is Prepared.COPIED
    assert not build_prepared(catalog, folder)  # it fits: nothing to do

    damaged = bytearray((folder / DATABASE).read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    (folder / DATABASE).write_bytes(bytes(damaged))
    assert copy_prepared(folder, catalog, tmp_path / "desk.sqlite3") is Prepared.TAMPERED
    assert not (tmp_path / "desk.sqlite3").exists()

    assert build_prepared(catalog, folder)
    assert check_prepared(folder, catalog) is Prepared.COPIED
    one = catalog / "008.toml"
    one.write_text(one.read_text(encoding="utf-8") + "\n# 改过\n", encoding="utf-8")
    assert copy_prepared(folder, catalog, tmp_path / "desk.sqlite3") is Prepared.STALE
    assert build_prepared(catalog, folder)
    assert copy_prepared(folder, catalog, tmp_path / "desk.sqlite3") is Prepared.COPIED


def test_a_database_already_there_is_never_replaced(prepared: Path, tmp_path: Path) -> None:
    target = tmp_path / "desk.sqlite3"
    target.write_bytes(b"someone's database")
    assert copy_prepared(prepared, bundled_catalog_dir(), target) is Prepared.UNUSABLE
    assert target.read_bytes() == b"someone's database"
    assert [p.name for p in tmp_path.iterdir()] == ["desk.sqlite3"]


def test_what_a_copy_killed_half_way_left_is_cleared_by_the_next(prepared: Path, tmp_path: Path) -> None:
    target = tmp_path / "desk.sqlite3"
    for name in (f".{target.name}.prepared-1", f".{target.name}.prepared-1-wal"):
        (tmp_path / name).write_bytes(b"half")
    assert copy_prepared(prepared, bundled_catalog_dir(), target) is Prepared.COPIED
    assert [p.name for p in tmp_path.iterdir()] == ["desk.sqlite3"]
