"""PostgreSQL: checklist and history lines checked against their case once per statement, not once per line.

A foreign key checks every inserted row on its own: a lookup of the case,
and a lock on it.  A township's package of ten thousand cases brings more than
a hundred thousand lines, and those checks were the largest part of the
hall's work (about 0.7 s of server time in an import of 1.5 s).  The lines of
a batch name at most a thousand cases, so one query after each statement,
over the distinct case ids it wrote, makes the same check.

Without the key's lock, a case could vanish between the check and the
commit; that cannot happen here, because a case is never deleted
(``trg_case_never_deleted``, 0005) and its id never changes (a trigger
below).  A line's case id is checked again when an update writes it; history
lines are never updated at all (0005).  SQLite keeps its foreign keys: its
checks cost little, and the models still declare them.

Revision ID: 0008_case_lines_checked
Revises: 0007_material_index
"""

from __future__ import annotations

from alembic import op

revision = "0008_case_lines_checked"
down_revision = "0007_material_index"
branch_labels = None
depends_on = None

LINES = ("case_material", "case_history")

_CHECK_FUNCTION = """
CREATE OR REPLACE FUNCTION counter_lines_have_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    orphan integer;
BEGIN
    SELECT a.case_id INTO orphan
    FROM (SELECT DISTINCT case_id FROM written) AS a
    WHERE NOT EXISTS (SELECT FROM "case" AS c WHERE c.id = a.case_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'a row of % names case id %, which does not exist', TG_TABLE_NAME, orphan
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$
"""

_FIXED_ID_FUNCTION = """
CREATE OR REPLACE FUNCTION counter_case_id_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the id of a case never changes (% to %)', OLD.id, NEW.id;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_CHECK_FUNCTION)
    op.execute(_FIXED_ID_FUNCTION)
    op.execute(
        'CREATE TRIGGER trg_case_id_fixed BEFORE UPDATE OF id ON "case" '
        "FOR EACH ROW WHEN (NEW.id <> OLD.id) EXECUTE FUNCTION counter_case_id_is_fixed()"
    )
    for table in LINES:
        op.drop_constraint(f"fk_{table}_case_id_case", table, type_="foreignkey")
        for verb in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER trg_{table}_has_case_{verb.lower()} AFTER {verb} ON {table} "
                "REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION counter_lines_have_case()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in LINES:
        for verb in ("insert", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_has_case_{verb} ON {table}")
        op.create_foreign_key(f"fk_{table}_case_id_case", table, "case", ["case_id"], ["id"])
    op.execute('DROP TRIGGER IF EXISTS trg_case_id_fixed ON "case"')
    op.execute("DROP FUNCTION IF EXISTS counter_case_id_is_fixed()")
    op.execute("DROP FUNCTION IF EXISTS counter_lines_have_case()")
