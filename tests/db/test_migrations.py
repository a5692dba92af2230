"""The schema comes only from migrations, and start-up can trust HEAD."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from counter.db.engine import SQLITE_SYNC_ENV, make_engine
from counter.db.migrate import HEAD, SchemaState, SchemaTooNew, known_revisions, schema_state, upgrade
from counter.db.models import Base


def test_head_constant_is_the_newest_migration() -> None:
    from alembic.script import ScriptDirectory

    from counter.db.migrate import MIGRATIONS

    assert ScriptDirectory(str(MIGRATIONS)).get_current_head() == HEAD
    assert HEAD in known_revisions()


def test_upgrade_creates_every_table_of_the_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    assert upgrade(engine) is SchemaState.EMPTY
    assert schema_state(engine) == (SchemaState.CURRENT, HEAD)
    assert upgrade(engine) is SchemaState.CURRENT
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.durable
def test_sqlite_syncs_fully_as_a_desk_runs(tmp_path: Path) -> None:
    """A desk's committed case survives a power cut: FULL (2), unless the test suite's switch is set."""
    assert SQLITE_SYNC_ENV not in os.environ
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2


def test_the_test_suites_switch_turns_sqlite_sync_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SQLITE_SYNC_ENV, "off")
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 0


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaTooNew) as caught:
        upgrade(engine)
    assert caught.value.revision == "9999_future"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"


def test_models_match_the_migrations(tmp_path: Path) -> None:
    """Autogenerate finds nothing to add: every model change has its migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


@pytest.mark.slow
def test_0009_fills_each_bundles_status_from_its_current_guide(tmp_path: Path) -> None:
    """A desk upgraded from 0008 lists its 待核 guides as such at once, before any new import."""
    from counter.actions.catalog.imports import import_source
    from counter.db.engine import make_sessions
    from counter.db.migrate import downgrade
    from tests.conftest import SHIPPED_CATALOG

    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    upgrade(engine)
    assert import_source(make_sessions(engine), SHIPPED_CATALOG).report is not None
    downgrade(engine, "0008_case_lines_checked")
    with engine.begin() as conn:
        assert "status" not in {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(bundle)")}
        conn.execute(
            text("INSERT INTO bundle (code, number, name, published, search_text) VALUES ('X-1', 999, '无指南', 0, '')")
        )
    assert upgrade(engine) is SchemaState.OLDER
    with engine.connect() as conn:
        status: dict[str, str] = dict(conn.execute(text("SELECT code, status FROM bundle")).all())
    assert status["XAM-YJS-001"] == "draft"
    assert status["XAM-YJS-008"] == "published"
    assert status["X-1"] == "unpublished"  # no guide version at all
    engine.dispose()


@pytest.mark.slow
def test_0022_leaves_the_office_days_with_no_stamp_nor_trigger_and_0021_comes_back(tmp_path: Path) -> None:
    """The office's days are read as they are: a database upgraded from 0021 keeps no stamp table and no trigger
    that writes one, so a day written by hand or by another program is all there is to it; a downgrade brings 0021's
    back whole."""
    from counter.db.migrate import downgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    upgrade(engine)
    downgrade(engine, "0021_calendar_stamp")

    def stamp_parts() -> set[str]:
        with engine.connect() as conn:
            found = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE '%stamp%'")
            return {str(name) for (name,) in found}

    assert "calendar_stamp" in stamp_parts()
    assert upgrade(engine) is SchemaState.OLDER
    assert stamp_parts() == set()
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO holiday (day, kind, source) VALUES ('2027-03-08', 'off', 'by hand')"))
    downgrade(engine, "0021_calendar_stamp")
    assert {"calendar_stamp", "trg_holiday_stamp_insert"} <= stamp_parts()
    engine.dispose()
