"""A rating's rater ID number sealed at rest: the one UPDATE its insert-only trigger lets through.

A rating is insert-only (0004): the triggers refuse every UPDATE and DELETE.  Its ``rater_id_no`` becomes
:class:`counter.db.sealed.Sealed` like a case's numbers, so a rating written from now on is sealed as it is
inserted; those written before must be sealed in place, and a key rotation must seal every one again under the new
key.  The UPDATE trigger is replaced by one that lets through exactly that and nothing else: an UPDATE that leaves
every other column as it was and writes ``rater_id_no`` sealed (``s4:<key id>:``) where it was in clear or sealed
under an older key.  Everything else is refused as before: any other column, a value opened again or changed
between clear values, a value moved back to an older key.  DELETE (and TRUNCATE) stay refused.

Why a narrower trigger rather than the sealing pass dropping the trigger and making it again inside its own
transaction (DDL is transactional on both SQLite and PostgreSQL).  Dropping a trigger needs the table's owner at
run time, where the program otherwise needs only to read and write rows; on PostgreSQL it takes an ACCESS EXCLUSIVE
lock on ``rating`` for each batch, so the hall's desks and pads would wait on every one; and while it is dropped the
table refuses nothing to the transaction that holds it.  This trigger is part of the schema, written once, and lets
through only what a sealing can write.

What no trigger can check is that the sealed value is the same number: the data key is not in the database (that is
the point).  :mod:`counter.db.sealing` writes only a value it sealed from the one it read; the trail's digest of each
rating (:mod:`counter.audit.state`, taken in clear) still names a rating whose number was changed.

The rows themselves are sealed after the upgrade (:mod:`counter.db.sealing`, as 0045 explains): this lists the work
where there are ratings.

Revision ID: 0047_rating_rater_sealed
Revises: 0046_row_marks
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0047_rating_rater_sealed"
down_revision = "0046_row_marks"
branch_labels = None
depends_on = None

#: a rating's columns other than ``rater_id_no``, each of which such an UPDATE leaves as it was (SQLite names them;
#: a test keeps the list equal to the table's)
OTHER_COLUMNS = (
    "id", "request_id", "level", "channel", "reasons", "comment", "rated_at", "rated_on", "round", "case_no",
    "item_code", "item_name", "department", "clerk", "staff_no", "desk_no", "site_code", "region", "rater_name",
    "rater_kind", "anonymous",
)  # fmt: skip

_REFUSAL = "rows of rating are never changed or removed"

# the key id of a sealed value ("s4:<id>:..."), -1 for a value in clear
_SQLITE_KEY = (
    "(CASE WHEN substr({v}, 1, 3) = 's4:' THEN CAST(substr({v}, 4, instr(substr({v}, 4), ':') - 1) AS INTEGER)"
    " ELSE -1 END)"
)
_SQLITE_SEALING = " AND ".join(
    [f"NEW.{c} IS OLD.{c}" for c in OTHER_COLUMNS]
    + [
        "substr(NEW.rater_id_no, 1, 3) = 's4:'",
        f"{_SQLITE_KEY.format(v='NEW.rater_id_no')} > {_SQLITE_KEY.format(v='OLD.rater_id_no')}",
    ]
)
SQLITE_UPDATE_TRIGGER = (
    "CREATE TRIGGER trg_rating_no_update BEFORE UPDATE ON rating "
    f"WHEN NOT ({_SQLITE_SEALING}) "
    f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END"
)
SQLITE_OLD_UPDATE_TRIGGER = (
    f"CREATE TRIGGER trg_rating_no_update BEFORE UPDATE ON rating BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END"
)

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION counter_rating_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_key integer := CASE WHEN OLD.rater_id_no LIKE 's4:%'
                            THEN split_part(OLD.rater_id_no, ':', 2)::integer ELSE -1 END;
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.rater_id_no LIKE 's4:%'
       AND split_part(NEW.rater_id_no, ':', 2) ~ '^[0-9]+$'
       AND split_part(NEW.rater_id_no, ':', 2)::integer > old_key
       AND to_jsonb(NEW) - 'rater_id_no' = to_jsonb(OLD) - 'rater_id_no' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '{_REFUSAL}';
END
$$
"""
PG_TRIGGER = (
    "CREATE TRIGGER trg_rating_final BEFORE UPDATE OR DELETE ON rating "
    "FOR EACH ROW EXECUTE FUNCTION counter_rating_is_final()"
)
PG_OLD_TRIGGER = (
    "CREATE TRIGGER trg_rating_final BEFORE UPDATE OR DELETE ON rating "
    "FOR EACH ROW EXECUTE FUNCTION counter_row_is_final()"
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_rating_final ON rating")
        op.alter_column("rating", "rater_id_no", type_=sa.String(), existing_nullable=False)
        op.execute(PG_FUNCTION)
        op.execute(PG_TRIGGER)
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_rating_no_update")
        op.execute(SQLITE_UPDATE_TRIGGER)
    rows = bind.execute(
        sa.text(
            "SELECT EXISTS (SELECT 1 FROM rating WHERE rater_id_no <> '')"
            " AND NOT EXISTS (SELECT 1 FROM data_sealing WHERE job = 'seal')"
        )
    ).scalar()
    if rows:
        bind.execute(sa.text("INSERT INTO data_sealing (job, key_id) VALUES ('seal', 0)"))


def downgrade() -> None:
    """Support and the migration tests only: every rater ID opened first (with the triggers of 0004 put back only
    after), for on PostgreSQL the length comes back."""
    from counter.db.sealing import RATING, open_all

    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_rating_final ON rating")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_rating_no_update")
    open_all(bind, (RATING,))
    if bind.dialect.name == "postgresql":
        op.alter_column("rating", "rater_id_no", type_=sa.String(length=18), existing_nullable=False)
        op.execute(PG_OLD_TRIGGER)
        op.execute("DROP FUNCTION IF EXISTS counter_rating_is_final()")
    else:
        op.execute(SQLITE_OLD_UPDATE_TRIGGER)
