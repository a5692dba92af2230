"""Personal data sealed at rest: the columns' keyed indexes, the party found by one, and the sealing's work list.

The ID numbers, phones and addresses become :class:`counter.db.sealed.Sealed` text (on PostgreSQL their lengths go:
a sealed value is longer than the number); F7's indexes of the numbers in clear are replaced by indexes of their keyed
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

CASE_SEALED = ("applicant_id_no", "applicant_phone", "applicant_address", "agent_id_no", "delivery_address",
               "notify_phone")  # fmt: skip
CASE_KEYS = ("applicant_id_key", "applicant_phone_key", "notify_phone_key")


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
    with op.batch_alter_table("case") as batch:
        for name in CASE_SEALED:
            batch.alter_column(name, type_=sa.Text(), existing_nullable=False)
    op.create_index("ix_case_applicant_id_key", "case", ["applicant_id_key", "received_on"])
    op.create_index("ix_case_applicant_phone_key", "case", ["applicant_phone_key", "received_on"])
    op.create_index("ix_case_notify_phone_key", "case", ["notify_phone_key", "received_on"])
    with op.batch_alter_table("party") as batch:
        batch.alter_column("id_no", new_column_name="id_key", type_=sa.String(length=64), existing_nullable=False)
        batch.alter_column("phone", type_=sa.Text(), existing_nullable=False)
    op.add_column("party", sa.Column("id_no", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("outbox_message") as batch:
        batch.alter_column("phone", type_=sa.Text(), existing_nullable=False)
    rows = bind.execute(
        sa.text(
            'SELECT EXISTS (SELECT 1 FROM "case") OR EXISTS (SELECT 1 FROM party)'
            " OR EXISTS (SELECT 1 FROM outbox_message) OR EXISTS (SELECT 1 FROM draft)"
        )
    ).scalar()
    if rows:
        bind.execute(sa.text("INSERT INTO data_sealing (job, key_id) VALUES ('seal', 0)"))


def downgrade() -> None:
    with op.batch_alter_table("outbox_message") as batch:
        batch.alter_column("phone", type_=sa.String(length=40), existing_nullable=False)
    with op.batch_alter_table("party") as batch:
        batch.drop_column("id_no")
    with op.batch_alter_table("party") as batch:
        batch.alter_column("id_key", new_column_name="id_no", type_=sa.String(length=18), existing_nullable=False)
        batch.alter_column("phone", type_=sa.String(length=40), existing_nullable=False)
    op.drop_index("ix_case_notify_phone_key", table_name="case")
    op.drop_index("ix_case_applicant_phone_key", table_name="case")
    op.drop_index("ix_case_applicant_id_key", table_name="case")
    with op.batch_alter_table("case") as batch:
        for name in CASE_SEALED:
            batch.alter_column(name, type_=sa.String(length=40 if "phone" in name else 18) if "address" not in name
                               else sa.Text(), existing_nullable=False)  # fmt: skip
        for name in CASE_KEYS:
            batch.drop_column(name)
    op.create_index("ix_case_applicant_id_no", "case", ["applicant_id_no"])
    op.create_index("ix_case_applicant_phone", "case", ["applicant_phone", "received_on"])
    op.create_index("ix_case_notify_phone", "case", ["notify_phone", "received_on"])
    op.drop_table("data_sealing")
