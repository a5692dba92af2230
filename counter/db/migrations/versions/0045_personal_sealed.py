"""Personal data sealed at rest: the columns' keyed indexes, the party found by one, and the sealing's work list.

The ID numbers, phones and addresses become :class:`counter.db.sealed.Sealed` (on PostgreSQL their lengths go: a
sealed value is longer than the number); F7's indexes of the numbers in clear are replaced by indexes of their keyed
index (``*_key``); the party's key becomes ``id_key`` (a row written before keeps its number there until it is
sealed) beside a sealed ``id_no``.

The rows themselves are not sealed here.  The whole upgrade is one transaction (:mod:`counter.db.migrate`): a hall's
ten million cases sealed inside it would be lost whole by a kill an hour in.  This migration only lists the work
(``data_sealing``: one row, ``seal``, where there are rows to seal) and :mod:`counter.db.sealing` does it after the
upgrade, a batch to a transaction, each batch reported; a row is either clear or sealed, so a run killed half way is
taken up by the next start where it stopped.

Revision ID: 0045_personal_sealed
Revises: 0044_peer_sm2_key
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0045_personal_sealed"
down_revision = "0044_peer_sm2_key"
branch_labels = None
depends_on = None

CASE_KEYS = ("applicant_id_key", "applicant_phone_key", "notify_phone_key")
#: the sealed columns that were of a bounded length (the addresses were TEXT already)
CASE_BOUNDED = ("applicant_id_no", "applicant_phone", "agent_id_no", "notify_phone")


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "data_sealing",
        sa.Column("job", sa.String(length=12), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("job", name=op.f("pk_data_sealing")),
    )
    op.drop_index("ix_case_applicant_id_no", table_name="case")
    op.drop_index("ix_case_applicant_phone", table_name="case")
    op.drop_index("ix_case_notify_phone", table_name="case")
    for name in CASE_KEYS:
        op.add_column("case", sa.Column(name, sa.String(length=64), nullable=False, server_default=""))
    # plain ALTERs, no table rebuilt on SQLite: a rebuild numbers a table's unique indexes anew (restore's check
    # compares them), and SQLite never enforced the lengths that PostgreSQL must lose here
    op.execute("ALTER TABLE party RENAME COLUMN id_no TO id_key")
    op.add_column("party", sa.Column("id_no", sa.Text(), nullable=False, server_default=""))
    if bind.dialect.name == "postgresql":
        for table, name in (*(("case", n) for n in CASE_BOUNDED), ("party", "id_key"), ("party", "phone"),
                            ("outbox_message", "phone")):  # fmt: skip
            op.alter_column(table, name, type_=sa.String(), existing_nullable=False)
    op.create_index("ix_case_applicant_id_key", "case", ["applicant_id_key", "received_on"])
    op.create_index("ix_case_applicant_phone_key", "case", ["applicant_phone_key", "received_on"])
    op.create_index("ix_case_notify_phone_key", "case", ["notify_phone_key", "received_on"])
    rows = bind.execute(
        sa.text(
            'SELECT EXISTS (SELECT 1 FROM "case") OR EXISTS (SELECT 1 FROM party)'
            " OR EXISTS (SELECT 1 FROM outbox_message) OR EXISTS (SELECT 1 FROM draft)"
        )
    ).scalar()
    if rows:
        bind.execute(sa.text("INSERT INTO data_sealing (job, key_id) VALUES ('seal', 0)"))


def downgrade() -> None:
    """Support and the migration tests only: every value opened first (counter.db.sealing.open_all), for on
    PostgreSQL the lengths come back."""
    from counter.db.sealing import open_all

    open_all(op.get_bind())
    op.drop_index("ix_case_notify_phone_key", table_name="case")
    op.drop_index("ix_case_applicant_phone_key", table_name="case")
    op.drop_index("ix_case_applicant_id_key", table_name="case")
    with op.batch_alter_table("party") as batch:
        batch.drop_column("id_no")
    op.execute("ALTER TABLE party RENAME COLUMN id_key TO id_no")
    if op.get_bind().dialect.name == "postgresql":
        for table, name, length in (
            *(("case", n, 40 if "phone" in n else 18) for n in CASE_BOUNDED),
            ("party", "id_no", 18), ("party", "phone", 40), ("outbox_message", "phone", 40),
        ):  # fmt: skip
            op.alter_column(table, name, type_=sa.String(length=length), existing_nullable=False)
    with op.batch_alter_table("case") as batch:
        for name in CASE_KEYS:
            batch.drop_column(name)
    op.create_index("ix_case_applicant_id_no", "case", ["applicant_id_no"])
    op.create_index("ix_case_applicant_phone", "case", ["applicant_phone", "received_on"])
    op.create_index("ix_case_notify_phone", "case", ["notify_phone", "received_on"])
    op.drop_table("data_sealing")
