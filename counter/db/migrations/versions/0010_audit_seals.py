"""Audit seals, and each entry's digest of the row it changed.

``audit_seal`` holds the chain heads signed with the site's key (insert-only,
with the same triggers as the trail).  ``audit_entry.state`` is the digest of the
case, rating or account an entry is about, after the change; entries written
before this revision have none, and their hashes stay as they were (the hash
covers the state only when there is one).

Revision ID: 0010_audit_seals
Revises: 0009_bundle_status
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

_ratings = importlib.import_module('counter.db.migrations.versions.0004_ratings')

revision = "0010_audit_seals"
down_revision = "0009_bundle_status"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN on SQLite too: a batch rebuild of the table would drop its insert-only triggers
    op.add_column('audit_entry', sa.Column('state', sa.String(length=64), nullable=False, server_default=''))
    op.create_table(
        'audit_seal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.Column('signature', sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_seal')),
    )
    for statement in _ratings.insert_only_triggers('audit_seal', op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _ratings.drop_insert_only_triggers('audit_seal', dialect):
        op.execute(statement)
    op.drop_table('audit_seal')
    # SQLite drops the column by rebuilding the table, which loses its triggers: they are made again after
    for statement in _ratings.drop_insert_only_triggers('audit_entry', dialect):
        op.execute(statement)
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_column('state')
    for statement in _ratings.insert_only_triggers('audit_entry', dialect):
        op.execute(statement)
