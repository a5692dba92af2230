"""A stamp that changes with the office's days: a desk reads the days again only when it changed.

Every deadline a desk works out counts with the office's own days (the year's 国务院办公厅 notice imported, a day
edited), and every intake, preview and list read them all again: with one year's notice imported, some 35 rows
converted in each intake's transaction, 50 to 150 µs of an intake of about 1 ms on SQLite.  The days change a few
times a year.  Triggers of the database set ``calendar_stamp.stamp`` to a new random value whenever a row of
``holiday``, or the ``holidays.covered`` setting (the spans the office vouches for), is written or removed, by any
program or by hand.  So a stamp names one content of the office's days: the desk keeps the table it read under the
stamp read with it (:func:`counter.db.holiday_store.table_at`).  A random value rather than a count, so that two
databases never share a stamp for different days: every desk's first database is a copy of the prepared one
(:mod:`counter.db.prepared_start`), and a process may open more than one (training, a test's).

Revision ID: 0021_calendar_stamp
Revises: 0020_projects
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_calendar_stamp"
down_revision = "0020_projects"
branch_labels = None
depends_on = None

COVERED_KEY = "holidays.covered"  # as counter.db.holiday_store: a migration keeps the value it was written with
_SQLITE_NEW = "lower(hex(randomblob(16)))"
_POSTGRES_NEW = "md5(random()::text || clock_timestamp()::text)"
_SQLITE_WHEN = {
    "INSERT": f"NEW.key = '{COVERED_KEY}'",
    "UPDATE": f"NEW.key = '{COVERED_KEY}' OR OLD.key = '{COVERED_KEY}'",
    "DELETE": f"OLD.key = '{COVERED_KEY}'",
}
_POSTGRES_WHEN = {verb: f"({when})" for verb, when in _SQLITE_WHEN.items()}


def _sqlite() -> list[str]:
    changed = f"BEGIN UPDATE calendar_stamp SET stamp = {_SQLITE_NEW}; END"
    return [
        *(f"CREATE TRIGGER trg_holiday_stamp_{verb.lower()} AFTER {verb} ON holiday {changed}" for verb in _SQLITE_WHEN),
        *(
            f"CREATE TRIGGER trg_setting_stamp_{verb.lower()} AFTER {verb} ON setting WHEN {when} {changed}"
            for verb, when in _SQLITE_WHEN.items()
        ),
    ]


def _postgres() -> list[str]:
    changed = "EXECUTE FUNCTION counter_calendar_changed()"
    return [
        "CREATE FUNCTION counter_calendar_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN UPDATE calendar_stamp SET stamp = {_POSTGRES_NEW}; RETURN NULL; END $$",
        # once per statement: an imported year replaces its days in two statements, whatever their number
        "CREATE TRIGGER trg_holiday_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holiday "
        f"FOR EACH STATEMENT {changed}",
        *(
            f"CREATE TRIGGER trg_setting_stamp_{verb.lower()} AFTER {verb} ON setting FOR EACH ROW WHEN {when} {changed}"
            for verb, when in _POSTGRES_WHEN.items()
        ),
        f"CREATE TRIGGER trg_setting_stamp_truncate AFTER TRUNCATE ON setting FOR EACH STATEMENT {changed}",
    ]


def upgrade() -> None:
    op.create_table(
        "calendar_stamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stamp", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_stamp")),
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute(f"INSERT INTO calendar_stamp (id, stamp) VALUES (1, {_POSTGRES_NEW if postgres else _SQLITE_NEW})")
    for statement in _postgres() if postgres else _sqlite():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, name in [("holiday", "trg_holiday_stamp"), ("setting", "trg_setting_stamp_truncate")]:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for verb in _POSTGRES_WHEN:
            op.execute(f"DROP TRIGGER IF EXISTS trg_setting_stamp_{verb.lower()} ON setting")
        op.execute("DROP FUNCTION IF EXISTS counter_calendar_changed()")
    else:
        for verb in _SQLITE_WHEN:
            op.execute(f"DROP TRIGGER IF EXISTS trg_holiday_stamp_{verb.lower()}")
            op.execute(f"DROP TRIGGER IF EXISTS trg_setting_stamp_{verb.lower()}")
    op.drop_table("calendar_stamp")
