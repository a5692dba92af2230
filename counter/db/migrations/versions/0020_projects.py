"""帮您办 projects: the register, each project's plan, history, coordinations and printed forms.

A project is not a case: it is served for months across many departments' approvals, some of which are intakes of
their own (``project_step.case_no``).  Its history is kept line by line, as a case's, and its forms are recorded
once so a reprint is the same paper.

Revision ID: 0020_projects
Revises: 0019_account_department
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_projects"
down_revision = "0019_account_department"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_no", sa.String(length=30), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("site_code", sa.String(length=12), nullable=False),
        sa.Column("desk_no", sa.String(length=4), nullable=False),
        sa.Column("clerk", sa.String(length=60), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("investor", sa.Text(), nullable=False),
        sa.Column("county", sa.String(length=60), nullable=False),
        sa.Column("investment", sa.BigInteger(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("agents", sa.Text(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.Column("satisfaction", sa.String(length=16), nullable=True),
        sa.Column("evaluation_note", sa.Text(), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
        sa.UniqueConstraint("project_no", name=op.f("uq_project_project_no")),
        sa.UniqueConstraint("uid", name=op.f("uq_project_uid")),
    )
    op.create_index("ix_project_state_county", "project", ["state", "county"])
    op.create_table(
        "project_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("no", sa.Integer(), nullable=False),
        sa.Column("item_no", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("expected_on", sa.Date(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("case_no", sa.String(length=50), nullable=False),
        sa.Column("result_no", sa.String(length=60), nullable=False),
        sa.Column("joint", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_project_step_project_id_project")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_step")),
        sa.UniqueConstraint("project_id", "no", name=op.f("uq_project_step_project_id")),
    )
    op.create_table(
        "project_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.String(length=24), nullable=False),
        sa.Column("by", sa.String(length=60), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_project_history_project_id_project")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_history")),
    )
    op.create_index(op.f("ix_project_history_project_id"), "project_history", ["project_id"])
    op.create_table(
        "project_coordination",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("with_whom", sa.Text(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("agent", sa.String(length=60), nullable=False),
        sa.Column("step_no", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_project_coordination_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_coordination")),
    )
    op.create_index(op.f("ix_project_coordination_project_id"), "project_coordination", ["project_id"])
    op.create_table(
        "project_paper",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("doc_no", sa.String(length=40), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("clerk", sa.String(length=60), nullable=False),
        sa.Column("office", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_project_paper_project_id_project")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_paper")),
        sa.UniqueConstraint("project_id", "kind", name=op.f("uq_project_paper_project_id")),
    )


def downgrade() -> None:
    op.drop_table("project_paper")
    op.drop_index(op.f("ix_project_coordination_project_id"), table_name="project_coordination")
    op.drop_table("project_coordination")
    op.drop_index(op.f("ix_project_history_project_id"), table_name="project_history")
    op.drop_table("project_history")
    op.drop_table("project_step")
    op.drop_index("ix_project_state_county", table_name="project")
    op.drop_table("project")
