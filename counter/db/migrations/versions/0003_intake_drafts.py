"""One draft per unfinished intake, not one per desk.

The desk's single draft row (``draft``, keyed by the desk) was overwritten by the next applicant's form and deleted
by that intake's commit: a kept draft did not survive another applicant.  ``intake_draft`` keeps each intake under
its own uid (the uid its commit carries), beside the desk's key; ``id`` is the order the sealing walks the rows in
(:mod:`counter.db.sealing`).  A desk's draft kept before the upgrade is carried over under a new uid of its own,
its content as it was (sealed or not: the sealing's walk finishes what is clear).

Revision ID: 0003_intake_drafts
Revises: 0002_pledge_service
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003_intake_drafts"
down_revision = "0002_pledge_service"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "intake_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("desk_key", sa.String(length=40), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_draft")),
        sa.UniqueConstraint("desk_key", "uid", name=op.f("uq_intake_draft_desk_key")),
    )
    bind = op.get_bind()
    old = sa.table("draft", sa.column("desk_key"), sa.column("saved_at"), sa.column("content"))
    new = sa.table(
        "intake_draft", sa.column("desk_key"), sa.column("uid"), sa.column("saved_at"), sa.column("content")
    )
    rows = bind.execute(sa.select(old.c.desk_key, old.c.saved_at, old.c.content)).all()
    if rows:
        bind.execute(
            new.insert(),
            [{"desk_key": r[0], "uid": uuid.uuid4().hex, "saved_at": r[1], "content": r[2]} for r in rows],
        )
    op.drop_table("draft")


def downgrade() -> None:
    """Support only: the desk's newest draft kept in the one-row table, the others lost."""
    op.create_table(
        "draft",
        sa.Column("desk_key", sa.String(length=40), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("desk_key", name=op.f("pk_draft")),
    )
    bind = op.get_bind()
    kept = sa.table("intake_draft", sa.column("desk_key"), sa.column("saved_at"), sa.column("content"))
    newest: dict[str, dict[str, object]] = {}
    for desk_key, saved_at, content in bind.execute(sa.select(kept).order_by(kept.c.saved_at)).all():
        newest[desk_key] = {"desk_key": desk_key, "saved_at": saved_at, "content": content}
    if newest:
        bind.execute(sa.table("draft", *(sa.column(c) for c in ("desk_key", "saved_at", "content"))).insert(),
                     list(newest.values()))  # fmt: skip
    op.drop_table("intake_draft")
