"""A desk's first start with the prepared database, in its own process: no catalog import, no pinyin, unless refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from counter.actions.site.prepared import build_prepared
from counter.db.prepared_start import DATABASE
from counter.host.machine import paths
from tests.ui.start.test_startup import RUN, run_app

# What the slow way loads to read the catalog files and compute their pinyin, printed when the desk is ready (the
# first search answered: --exit-when-ready goes on until a draft has been looked for, and the intake form that offers
# it back reads guide documents)
PROBE = (
    "import sys\n"
    "from counter.ui.start import ready\n"
    "answer = ready.answer_first_search\n"
    "def answered(window):\n"
    "    answer(window)\n"
    "    slow = {'pypinyin', 'counter.catalog.reader', 'counter.catalog.validate', 'tomllib', 'alembic'}\n"
    "    print('slow way:', sorted(slow & set(sys.modules)), flush=True)\n"
    "ready.answer_first_search = answered\n"
    f"{RUN}\n"
)


def bundles() -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(paths.default_db_url().removeprefix("sqlite:///"))
    try:
        return conn.execute("SELECT code, name, search_text FROM bundle ORDER BY code").fetchall()
    finally:
        conn.close()


def log_of(home: Path) -> str:
    return (home / "logs" / "counter.log").read_text(encoding="utf-8")


def test_a_first_start_copies_the_prepared_database_and_builds_nothing(
    resources: Path, catalog_dir: Path, counter_home: Path
) -> None:
    assert build_prepared(catalog_dir, resources / "prepared")
    first = run_app(PROBE)
    assert first.returncode == 0, first.stderr
    assert "slow way: []" in first.stdout
    assert "first start from the prepared database" in log_of(counter_home)
    assert "quick start" in log_of(counter_home)
    assert [code for code, _, _ in bundles()] == ["T-YJS-006", "T-YJS-008", "T-YJS-009", "T-YJS-052"]


def test_without_prepared_data_the_first_start_builds_the_database(resources: Path, counter_home: Path) -> None:
    first = run_app(PROBE)
    assert first.returncode == 0, first.stderr
    assert "'counter.catalog.reader'" in first.stdout  # the files read (pypinyin is let go once synced)
    assert "prepared database not used (missing)" in log_of(counter_home)
    assert len(bundles()) == 4


def test_a_changed_prepared_file_is_refused_and_the_desk_builds_its_own(
    resources: Path, catalog_dir: Path, counter_home: Path
) -> None:
    prepared = resources / "prepared"
    build_prepared(catalog_dir, prepared)
    conn = sqlite3.connect(prepared / DATABASE)
    conn.execute("UPDATE bundle SET name = '我要开赌场' WHERE code = 'T-YJS-008'")
    conn.commit()
    conn.close()
    first = run_app(PROBE)
    assert first.returncode == 0, first.stderr
    assert "'counter.catalog.reader'" in first.stdout  # the files read (pypinyin is let go once synced)
    assert "prepared database not used (tampered)" in log_of(counter_home)
    assert "我要开赌场" not in str(bundles())


def test_a_prepared_file_of_another_catalog_is_refused(resources: Path, catalog_dir: Path, counter_home: Path) -> None:
    build_prepared(catalog_dir, resources / "prepared")
    guide = catalog_dir / "008.toml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("小餐馆", "小饭馆", 1), encoding="utf-8")
    first = run_app(PROBE)
    assert first.returncode == 0, first.stderr
    assert "prepared database not used (stale)" in log_of(counter_home)
    assert any("小饭馆" in name for _, name, _ in bundles())
