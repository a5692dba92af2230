"""The schema comes only from migrations, and start-up can trust HEAD.

The first release's schema is one baseline migration: what it makes is what the models declare, on SQLite and on
PostgreSQL, and a database stamped with a revision from before it is refused by name, untouched.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from counter.db.engine import SQLITE_SYNC_ENV, make_engine
from counter.db.migrate import SchemaState, known_revisions, schema_state, upgrade
from counter.db.models import Base
from counter.db.revision import HEAD, PRE_RELEASE
from counter.host.database.database_faults import SchemaPreRelease, SchemaTooNew
from tests.pg_server import MIGRATED, FreshDatabases


def test_head_constant_is_the_newest_migration() -> None:
    from alembic.script import ScriptDirectory

    from counter.db.migrate import MIGRATIONS

    assert ScriptDirectory(str(MIGRATIONS)).get_current_head() == HEAD
    assert HEAD in known_revisions()


def test_no_revision_from_before_the_release_is_known_again() -> None:
    """A new migration never takes the id of one folded into the baseline: that database would be refused."""
    assert not PRE_RELEASE & set(known_revisions())
    assert {"0001_catalog", "0050_pledge_steps"} <= PRE_RELEASE
    assert len(PRE_RELEASE) == 44


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


def test_a_database_from_before_the_first_release_is_refused_by_name_untouched(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Not taken for a newer program's, nor upgraded: the log names its revision."""
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0045_personal_sealed'"))
        before = conn.exec_driver_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").all()
    assert schema_state(engine) == (SchemaState.PRE_RELEASE, "0045_personal_sealed")
    with caplog.at_level(logging.ERROR), pytest.raises(SchemaPreRelease) as caught:
        upgrade(engine)
    assert caught.value.revision == "0045_personal_sealed"
    assert "0045_personal_sealed" in caplog.text
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0045_personal_sealed"
        assert conn.exec_driver_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").all() == before
    engine.dispose()


def test_the_desks_window_names_it_at_its_start(tmp_path: Path) -> None:
    from counter.actions.site.store import Store
    from counter.ui.start.app import open_database
    from counter.words.database import SCHEMA_PRE_RELEASE

    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001_catalog'"))
    engine.dispose()
    assert open_database(Store(url)) == SCHEMA_PRE_RELEASE


#: what PostgreSQL has that the models do not say, and what it checks otherwise (the baseline's docstring): F7's
#: index of a number's sequence, and a line's case checked by a statement trigger instead of a foreign key
POSTGRESQL_OWN = {
    ("remove_index", "ix_case_sequence"),
    ("add_fk", "fk_case_history_case_id_case"),
    ("add_fk", "fk_case_material_case_id_case"),
}


def _model_differences(engine: Engine) -> list[object]:
    """What autogenerate would add or change to make the database the models' (types compared, and defaults)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_models_match_the_migrations(tmp_path: Path) -> None:
    """Autogenerate finds nothing to add: every model change has its migration."""
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    upgrade(engine)
    assert _model_differences(engine) == []
    engine.dispose()


@pytest.mark.pg
def test_models_match_the_migrations_on_postgresql(fresh_pg: FreshDatabases) -> None:
    """The same on a hall's PostgreSQL, where the baseline makes parts of its own (triggers for the lines' case, the
    sequence index) and the types are enforced: a timestamp without its time zone is a difference."""
    engine = make_engine(fresh_pg.url(MIGRATED))
    try:
        assert schema_state(engine) == (SchemaState.CURRENT, HEAD)
        found = {
            (str(d[0]), str(d[1].name)) if isinstance(d, tuple) else ("", repr(d)) for d in _model_differences(engine)
        }
    finally:
        engine.dispose()
    assert found == POSTGRESQL_OWN
