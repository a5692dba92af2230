"""The schema of the first release (0.1.0), whole: every table, index, constraint and trigger, on SQLite and PostgreSQL.

No database was ever kept under the migrations that built it before the release, so they were folded into this one;
a database stamped with one of theirs is refused at opening (:data:`counter.db.revision.PRE_RELEASE`).  What made
each part as it is, in short:

- Insert-only tables (the ratings and their rectifications and appeals, the audit trail and its seals, a case's
  history, the seals of peers): the database itself refuses an UPDATE or DELETE of their rows (and a TRUNCATE on
  PostgreSQL), whatever program sends it.  A case is voided, never deleted.
- A rating's rater ID number is sealed at rest (:mod:`counter.db.sealing`), so its UPDATE trigger lets through
  exactly the sealing's write and nothing else: every other column as it was, ``rater_id_no`` sealed (``s4:<key
  id>:``) where it was clear or sealed under an older key.  A narrower trigger rather than one dropped for each batch:
  dropping needs the table's owner and, on PostgreSQL, locks the table against every desk for the batch.
- PostgreSQL checks a checklist or history line against its case once per statement, not per row (a foreign key's
  lookup and lock per line were most of a hall's import of a township's package); that is safe because a case is
  never deleted and its id never changes (``trg_case_id_fixed``).  SQLite keeps its foreign keys, which cost it
  little.
- The personal columns sealed at rest are VARCHAR without a length on PostgreSQL (a sealed value is longer than the
  number); SQLite keeps the lengths it was first given and never enforced.
- PostgreSQL alone has F7's index of a case number's sequence (``split_part(case_no, '-', 4)``), which SQLite lacks
  and a desk's few years of cases do not need.
- Partial indexes serve the lists that read few rows of a big table: waiting 容缺 materials, 补正 due, 待补 cases,
  the previous case of a 补正 answer, closed rectifications.

Revision ID: 0001_baseline
Revises:
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None

#: every table, in the order they are made (a table after those it refers to)
TABLES = (
    'account',
    'audit_chain',
    'audit_entry',
    'audit_seal',
    'bundle',
    'catalog_import',
    'data_sealing',
    'desk_counter',
    'desk_session',
    'draft',
    'hall_desk',
    'holiday',
    'id_read',
    'operation_receipt',
    'party',
    'peer_seal',
    'project',
    'setting',
    'site_peer',
    'sync_export',
    'sync_import',
    'sync_review',
    'guide_version',
    'project_coordination',
    'project_history',
    'project_paper',
    'project_step',
    'case',
    'case_history',
    'case_material',
    'case_material_page',
    'case_ticket',
    'document_record',
    'open_item',
    'outbox_message',
    'platform_event',
    'pledge_check',
    'rating_request',
    'front_store_event',
    'print_record',
    'rating',
    'rating_lapse',
    'rating_appeal',
    'rectification',
    'rectification_history',
)

#: the tables whose rows are never changed nor removed
INSERT_ONLY = (
    "audit_entry", "audit_seal", "case_history", "peer_seal", "rating_appeal", "rating_lapse", "rating_request",
    "rectification", "rectification_history",
)  # fmt: skip

#: a rating's columns other than ``rater_id_no``, each of which the sealing's UPDATE leaves as it was (SQLite names
#: them; a test keeps the list equal to the table's)
RATING_OTHER_COLUMNS = (
    "id", "request_id", "level", "channel", "reasons", "comment", "rated_at", "rated_on", "round", "case_no",
    "item_code", "item_name", "department", "clerk", "staff_no", "desk_no", "site_code", "region", "rater_name",
    "rater_kind", "anonymous",
)  # fmt: skip


def _final(table: str) -> str:
    return f"rows of {table} are never changed or removed"


# the key id of a sealed value ("s4:<id>:..."), -1 for a value in clear
_SQLITE_KEY = (
    "(CASE WHEN substr({v}, 1, 3) = 's4:' THEN CAST(substr({v}, 4, instr(substr({v}, 4), ':') - 1) AS INTEGER)"
    " ELSE -1 END)"
)
_SQLITE_SEALING = " AND ".join(
    [f"NEW.{c} IS OLD.{c}" for c in RATING_OTHER_COLUMNS]
    + [
        "substr(NEW.rater_id_no, 1, 3) = 's4:'",
        f"{_SQLITE_KEY.format(v='NEW.rater_id_no')} > {_SQLITE_KEY.format(v='OLD.rater_id_no')}",
    ]
)
#: a rating's UPDATE trigger on SQLite: only the sealing's write passes
SQLITE_RATING_UPDATE_TRIGGER = (
    "CREATE TRIGGER trg_rating_no_update BEFORE UPDATE ON rating "
    f"WHEN NOT ({_SQLITE_SEALING}) "
    f"BEGIN SELECT RAISE(ABORT, '{_final('rating')}'); END"
)

_PG_ROW_IS_FINAL = """
CREATE OR REPLACE FUNCTION counter_row_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rows of % are never changed or removed', TG_TABLE_NAME;
END
$$
"""

_PG_RATING_IS_FINAL = f"""
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
    RAISE EXCEPTION '{_final("rating")}';
END
$$
"""

_PG_LINES_HAVE_CASE = """
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

_PG_CASE_ID_IS_FIXED = """
CREATE OR REPLACE FUNCTION counter_case_id_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the id of a case never changes (% to %)', OLD.id, NEW.id;
END
$$
"""

#: the functions the PostgreSQL triggers call
_PG_FUNCTIONS = (_PG_ROW_IS_FINAL, _PG_RATING_IS_FINAL, _PG_LINES_HAVE_CASE, _PG_CASE_ID_IS_FIXED)


def _postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def _row_checked(*args: Any, **kwargs: Any) -> list[sa.ForeignKeyConstraint]:
    """A line's reference to its case: a foreign key on SQLite, a statement trigger on PostgreSQL (the docstring)."""
    return [] if _postgresql() else [sa.ForeignKeyConstraint(*args, **kwargs)]


def upgrade() -> None:
    _tables()
    for statement in _postgresql_parts() if _postgresql() else _sqlite_parts():
        op.execute(statement)


def _sqlite_parts() -> list[str]:
    refuse = "BEGIN SELECT RAISE(ABORT, '{}'); END"
    return [
        *(
            f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} {refuse.format(_final(table))}"
            for table in INSERT_ONLY
            for verb in ("UPDATE", "DELETE")
        ),
        SQLITE_RATING_UPDATE_TRIGGER,
        f"CREATE TRIGGER trg_rating_no_delete BEFORE DELETE ON rating {refuse.format(_final('rating'))}",
        f'CREATE TRIGGER trg_case_never_deleted BEFORE DELETE ON "case" {refuse.format(_final("case"))}',
    ]


def _postgresql_parts() -> list[str]:
    row_is_final = "EXECUTE FUNCTION counter_row_is_final()"
    return [
        *_PG_FUNCTIONS,
        *(
            statement
            for table in INSERT_ONLY
            for statement in (
                f"CREATE TRIGGER trg_{table}_final BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW {row_is_final}",
                f"CREATE TRIGGER trg_{table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT {row_is_final}",
            )
        ),
        "CREATE TRIGGER trg_rating_final BEFORE UPDATE OR DELETE ON rating "
        "FOR EACH ROW EXECUTE FUNCTION counter_rating_is_final()",
        f"CREATE TRIGGER trg_rating_no_truncate BEFORE TRUNCATE ON rating FOR EACH STATEMENT {row_is_final}",
        f'CREATE TRIGGER trg_case_never_deleted BEFORE DELETE ON "case" FOR EACH ROW {row_is_final}',
        f'CREATE TRIGGER trg_case_no_truncate BEFORE TRUNCATE ON "case" FOR EACH STATEMENT {row_is_final}',
        'CREATE TRIGGER trg_case_id_fixed BEFORE UPDATE OF id ON "case" '
        "FOR EACH ROW WHEN (NEW.id <> OLD.id) EXECUTE FUNCTION counter_case_id_is_fixed()",
        *(
            f"CREATE TRIGGER trg_{table}_has_case_{verb.lower()} AFTER {verb} ON {table} "
            "REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION counter_lines_have_case()"
            for table in ("case_material", "case_history")
            for verb in ("INSERT", "UPDATE")
        ),
        "CREATE INDEX ix_case_sequence ON \"case\" (split_part(case_no, '-', 4), received_on)",
    ]


def downgrade() -> None:
    """An empty database again (support only: the program never goes below its first release)."""
    for table in reversed(TABLES):
        op.drop_table(table)
    if _postgresql():
        for name in ("counter_row_is_final", "counter_rating_is_final", "counter_lines_have_case", "counter_case_id_is_fixed"):
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")


def _tables() -> None:
    op.create_table('account',
    sa.Column('login', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('staff_no', sa.String(length=20), nullable=False),
    sa.Column('roles', sa.String(length=60), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('department', sa.String(length=200), server_default='', nullable=False),
    sa.Column('mac', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('login', name=op.f('pk_account'))
    )
    op.create_table('audit_chain',
    sa.Column('chain', sa.String(length=40), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('chain', name=op.f('pk_audit_chain'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('chain', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('site_code', sa.String(length=12), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=80), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=64), server_default='', nullable=False),
    sa.Column('alg', sa.String(length=12), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry')),
    sa.UniqueConstraint('chain', 'seq', name=op.f('uq_audit_entry_chain'))
    )
    op.create_index(op.f('ix_audit_entry_action'), 'audit_entry', ['action'], unique=False)
    op.create_index(op.f('ix_audit_entry_subject'), 'audit_entry', ['subject'], unique=False)
    op.create_table('audit_seal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('signature', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_seal'))
    )
    op.create_table('bundle',
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('current_version_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), server_default='unpublished', nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_bundle'))
    )
    op.create_index(op.f('ix_bundle_number'), 'bundle', ['number'], unique=False)
    op.create_table('catalog_import',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=500), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=False),
    sa.Column('new_versions', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_import'))
    )
    op.create_table('data_sealing',
    sa.Column('job', sa.String(length=12), nullable=False),
    sa.Column('key_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('job', name=op.f('pk_data_sealing'))
    )
    op.create_table('desk_counter',
    sa.Column('site_code', sa.String(length=12), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('site_code', 'desk_no', 'day', 'kind', name=op.f('pk_desk_counter'))
    )
    op.create_table('desk_session',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_desk_session'))
    )
    op.create_index('ix_desk_session_ends_at', 'desk_session', ['ends_at'], unique=False)
    op.create_table('draft',
    sa.Column('desk_key', sa.String(length=40), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('desk_key', name=op.f('pk_draft'))
    )
    op.create_table('hall_desk',
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('desk_no', name=op.f('pk_hall_desk'))
    )
    op.create_table('holiday',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_holiday'))
    )
    op.create_table('id_read',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('site_code', sa.String(length=20), nullable=False),
    sa.Column('desk_no', sa.String(length=8), nullable=False),
    sa.Column('case_no', sa.String(length=50), nullable=False),
    sa.Column('person_key', sa.String(length=64), nullable=False),
    sa.Column('operation', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_id_read'))
    )
    op.create_index('ix_id_read_at', 'id_read', ['at'], unique=False)
    op.create_index('ix_id_read_case_no', 'id_read', ['case_no'], unique=False)
    op.create_index('ix_id_read_login_at', 'id_read', ['login', 'at'], unique=False)
    op.create_table('operation_receipt',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('operation', sa.String(length=80), nullable=False),
    sa.Column('made_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('response', sa.Text(), nullable=False),
    sa.Column('account', sa.String(length=64), server_default='', nullable=False),
    sa.Column('desk', sa.String(length=40), server_default='', nullable=False),
    sa.Column('request_hash', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_operation_receipt'))
    )
    op.create_index('ix_operation_receipt_made_at', 'operation_receipt', ['made_at'], unique=False)
    op.create_table('party',
    sa.Column('id_key', sa.String().with_variant(sa.String(length=18), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('phone', sa.String().with_variant(sa.String(length=40), 'sqlite'), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('legal_rep', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id_no', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id_key', name=op.f('pk_party'))
    )
    op.create_table('peer_seal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_code', sa.String(length=20), nullable=False),
    sa.Column('no', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('prev', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('signature', sa.String(length=100), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_peer_seal')),
    sa.UniqueConstraint('site_code', 'no', 'digest', name=op.f('uq_peer_seal_site_code'))
    )
    op.create_table('project',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_no', sa.String(length=30), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('site_code', sa.String(length=12), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('clerk', sa.String(length=60), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('investor', sa.Text(), nullable=False),
    sa.Column('county', sa.String(length=60), nullable=False),
    sa.Column('investment', sa.BigInteger(), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('agents', sa.Text(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('satisfaction', sa.String(length=16), nullable=True),
    sa.Column('evaluation_note', sa.Text(), nullable=False),
    sa.Column('evaluated_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project')),
    sa.UniqueConstraint('project_no', name=op.f('uq_project_project_no')),
    sa.UniqueConstraint('uid', name=op.f('uq_project_uid'))
    )
    op.create_index('ix_project_state_county', 'project', ['state', 'county'], unique=False)
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('mac', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('site_peer',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('public_key', sa.String(length=80), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('encryption_key', sa.String(length=80), server_default='', nullable=False),
    sa.Column('county', sa.String(length=6), server_default='', nullable=False),
    sa.Column('sm2_key', sa.String(length=120), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_site_peer'))
    )
    op.create_table('sync_export',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('to_site', sa.String(length=12), nullable=False),
    sa.Column('export_no', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('records', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('acked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_export')),
    sa.UniqueConstraint('to_site', 'export_no', name=op.f('uq_sync_export_to_site'))
    )
    op.create_table('sync_import',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_site', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('export_no', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('applied', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('held', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_import')),
    sa.UniqueConstraint('from_site', 'kind', 'export_no', name=op.f('uq_sync_import_from_site'))
    )
    op.create_table('sync_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_site', sa.String(length=12), nullable=False),
    sa.Column('export_no', sa.Integer(), nullable=False),
    sa.Column('record_type', sa.String(length=20), nullable=False),
    sa.Column('record_key', sa.String(length=80), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_review'))
    )
    op.create_index(op.f('ix_sync_review_from_site'), 'sync_review', ['from_site'], unique=False)
    op.create_table('guide_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bundle_code', sa.String(length=24), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bundle_code'], ['bundle.code'], name=op.f('fk_guide_version_bundle_code_bundle')),
    sa.ForeignKeyConstraint(['import_id'], ['catalog_import.id'], name=op.f('fk_guide_version_import_id_catalog_import')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_version')),
    sa.UniqueConstraint('bundle_code', 'version', name=op.f('uq_guide_version_bundle_code'))
    )
    op.create_index(op.f('ix_guide_version_bundle_code'), 'guide_version', ['bundle_code'], unique=False)
    op.create_table('project_coordination',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('with_whom', sa.Text(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('agent', sa.String(length=60), nullable=False),
    sa.Column('step_no', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_coordination_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_coordination'))
    )
    op.create_index(op.f('ix_project_coordination_project_id'), 'project_coordination', ['project_id'], unique=False)
    op.create_table('project_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('event', sa.String(length=24), nullable=False),
    sa.Column('by', sa.String(length=60), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_history_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_history'))
    )
    op.create_index(op.f('ix_project_history_project_id'), 'project_history', ['project_id'], unique=False)
    op.create_table('project_paper',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('doc_no', sa.String(length=40), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('clerk', sa.String(length=60), nullable=False),
    sa.Column('office', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_paper_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_paper')),
    sa.UniqueConstraint('project_id', 'kind', name=op.f('uq_project_paper_project_id'))
    )
    op.create_table('project_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('no', sa.Integer(), nullable=False),
    sa.Column('item_no', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('expected_on', sa.Date(), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('case_no', sa.String(length=50), nullable=False),
    sa.Column('result_no', sa.String(length=60), nullable=False),
    sa.Column('joint', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_step_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_step')),
    sa.UniqueConstraint('project_id', 'no', name=op.f('uq_project_step_project_id'))
    )
    op.create_table('case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_no', sa.String(length=50), nullable=False),
    sa.Column('site_code', sa.String(length=12), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('clerk', sa.String(length=60), nullable=False),
    sa.Column('bundle_code', sa.String(length=24), nullable=False),
    sa.Column('guide_version_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('answers', sa.Text(), nullable=False),
    sa.Column('applicant_kind', sa.String(length=10), nullable=False),
    sa.Column('applicant_name', sa.Text(), nullable=False),
    sa.Column('applicant_id_no', sa.String().with_variant(sa.String(length=18), 'sqlite'), nullable=False),
    sa.Column('applicant_phone', sa.String().with_variant(sa.String(length=40), 'sqlite'), nullable=False),
    sa.Column('applicant_address', sa.Text(), nullable=False),
    sa.Column('legal_rep', sa.Text(), nullable=False),
    sa.Column('agent_name', sa.Text(), nullable=False),
    sa.Column('agent_id_no', sa.String().with_variant(sa.String(length=18), 'sqlite'), nullable=False),
    sa.Column('agent_authorisation', sa.Text(), nullable=False),
    sa.Column('delivery', sa.String(length=16), nullable=False),
    sa.Column('delivery_address', sa.Text(), nullable=False),
    sa.Column('notify_phone', sa.String().with_variant(sa.String(length=40), 'sqlite'), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('promised_on', sa.Date(), nullable=True),
    sa.Column('correction_due', sa.Date(), nullable=True),
    sa.Column('notify_due', sa.Date(), nullable=True),
    sa.Column('refusal_ground', sa.String(length=40), nullable=False),
    sa.Column('turn_to', sa.Text(), nullable=False),
    sa.Column('denial_reason', sa.Text(), nullable=False),
    sa.Column('dates_beyond_data', sa.Boolean(), nullable=False),
    sa.Column('previous_case_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('rating_standing', sa.String(length=12), server_default='not_sent', nullable=False),
    sa.Column('served_desk_no', sa.String(length=4), nullable=True),
    sa.Column('served_clerk', sa.String(length=60), nullable=True),
    sa.Column('subject', sa.Text(), server_default='', nullable=False),
    sa.Column('applicant_id_key', sa.String(length=64), server_default='', nullable=False),
    sa.Column('applicant_phone_key', sa.String(length=64), server_default='', nullable=False),
    sa.Column('notify_phone_key', sa.String(length=64), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['bundle_code'], ['bundle.code'], name=op.f('fk_case_bundle_code_bundle')),
    sa.ForeignKeyConstraint(['guide_version_id'], ['guide_version.id'], name=op.f('fk_case_guide_version_id_guide_version')),
    sa.ForeignKeyConstraint(['previous_case_id'], ['case.id'], name=op.f('fk_case_previous_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case')),
    sa.UniqueConstraint('case_no', name=op.f('uq_case_case_no')),
    sa.UniqueConstraint('uid', name=op.f('uq_case_uid'))
    )
    op.create_index('ix_case_accepted_figures', 'case', ['accepted_on', 'site_code', 'desk_no', 'clerk', 'bundle_code', 'guide_version_id', 'status'], unique=False)
    op.create_index('ix_case_applicant_id_key', 'case', ['applicant_id_key', 'received_on'], unique=False)
    op.create_index('ix_case_applicant_name', 'case', ['applicant_name', 'received_on'], unique=False, postgresql_ops={'applicant_name': 'text_pattern_ops'})
    op.create_index('ix_case_applicant_phone_key', 'case', ['applicant_phone_key', 'received_on'], unique=False)
    op.create_index('ix_case_awaiting_deferred', 'case', ['status'], unique=False, sqlite_where=sa.text("status = 'awaiting_deferred'"), postgresql_where=sa.text("status = 'awaiting_deferred'"))
    op.create_index('ix_case_correction_due', 'case', ['correction_due'], unique=False, sqlite_where=sa.text("status = 'correction_issued'"), postgresql_where=sa.text("status = 'correction_issued'"))
    op.create_index('ix_case_notify_phone_key', 'case', ['notify_phone_key', 'received_on'], unique=False)
    op.create_index('ix_case_previous_case_id', 'case', ['previous_case_id'], unique=False, sqlite_where=sa.text('previous_case_id IS NOT NULL'), postgresql_where=sa.text('previous_case_id IS NOT NULL'))
    op.create_index('ix_case_received_figures', 'case', ['received_on', 'site_code', 'desk_no', 'clerk', 'bundle_code', 'outcome', 'status', 'rating_standing', 'served_desk_no', 'served_clerk'], unique=False, postgresql_include=['id'])
    op.create_index('ix_case_received_on_case_no', 'case', ['received_on', 'case_no'], unique=False)
    op.create_index('ix_case_received_on_desk_no', 'case', ['received_on', 'desk_no'], unique=False)
    op.create_index(op.f('ix_case_status'), 'case', ['status'], unique=False)
    op.create_table('case_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('clerk', sa.String(length=60), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('event', sa.String(length=24), nullable=False),
    sa.Column('status_after', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    *_row_checked(['case_id'], ['case.id'], name=op.f('fk_case_history_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_history'))
    )
    op.create_index(op.f('ix_case_history_case_id'), 'case_history', ['case_id'], unique=False)
    op.create_table('case_material',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('material_code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('necessity', sa.String(length=12), nullable=False),
    sa.Column('receipt', sa.String(length=20), nullable=False),
    sa.Column('originals', sa.Integer(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('medium', sa.String(length=12), nullable=False),
    sa.Column('defect_note', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('arrived_on', sa.Date(), nullable=True),
    sa.Column('licence', sa.Text(), server_default='', nullable=False),
    *_row_checked(['case_id'], ['case.id'], name=op.f('fk_case_material_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_material')),
    sa.UniqueConstraint('case_id', 'material_code', name=op.f('uq_case_material_case_id'))
    )
    op.create_index('ix_case_material_waiting', 'case_material', ['due_on', 'case_id'], unique=False, sqlite_where=sa.text('due_on IS NOT NULL AND arrived_on IS NULL'), postgresql_where=sa.text('due_on IS NOT NULL AND arrived_on IS NULL'))
    op.create_index('ix_case_material_waiting_by_case', 'case_material', ['case_id', 'due_on', 'id'], unique=False, sqlite_where=sa.text('due_on IS NOT NULL AND arrived_on IS NULL'), postgresql_where=sa.text('due_on IS NOT NULL AND arrived_on IS NULL'))
    op.create_table('case_material_page',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('material_code', sa.String(length=40), nullable=False),
    sa.Column('page_no', sa.Integer(), nullable=False),
    sa.Column('image', sa.LargeBinary(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('captured_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('clerk', sa.String(length=60), nullable=False),
    sa.Column('compared', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_case_material_page_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_material_page')),
    sa.UniqueConstraint('case_id', 'material_code', 'page_no', name=op.f('uq_case_material_page_case_id'))
    )
    op.create_table('case_ticket',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('ticket', sa.String(length=16), nullable=False),
    sa.Column('waited_s', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_case_ticket_case_id_case')),
    sa.PrimaryKeyConstraint('case_id', name=op.f('pk_case_ticket'))
    )
    op.create_table('document_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_no', sa.String(length=30), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('site_code', sa.String(length=12), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('clerk', sa.String(length=60), nullable=False),
    sa.Column('office', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_document_record_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_record')),
    sa.UniqueConstraint('doc_no', 'kind', name=op.f('uq_document_record_doc_no'))
    )
    op.create_index(op.f('ix_document_record_case_id'), 'document_record', ['case_id'], unique=False)
    op.create_table('open_item',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=24), nullable=False),
    sa.Column('item_name', sa.String(length=200), nullable=False),
    sa.Column('site_code', sa.String(length=12), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('routed_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('legal_due', sa.Date(), nullable=True),
    sa.Column('promised_due', sa.Date(), nullable=True),
    sa.Column('paused_since', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_open_item_case_id_case')),
    sa.PrimaryKeyConstraint('case_id', 'item_code', name=op.f('pk_open_item'))
    )
    op.create_index('ix_open_item_department_due', 'open_item', ['department', 'due_on'], unique=False)
    op.create_index('ix_open_item_site_due', 'open_item', ['site_code', 'due_on'], unique=False)
    op.create_table('outbox_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('phone', sa.String().with_variant(sa.String(length=40), 'sqlite'), nullable=False),
    sa.Column('item_code', sa.String(length=40), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('tracking', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('gateway_id', sa.String(length=80), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_outbox_message_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_message')),
    sa.UniqueConstraint('key', name=op.f('uq_outbox_message_key'))
    )
    op.create_index(op.f('ix_outbox_message_case_id'), 'outbox_message', ['case_id'], unique=False)
    op.create_index('ix_outbox_message_due', 'outbox_message', ['state', 'next_at'], unique=False)
    op.create_table('platform_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=160), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('event', sa.String(length=24), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('platform_id', sa.String(length=80), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_platform_event_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_platform_event')),
    sa.UniqueConstraint('key', name=op.f('uq_platform_event_key'))
    )
    op.create_index(op.f('ix_platform_event_case_id'), 'platform_event', ['case_id'], unique=False)
    op.create_index('ix_platform_event_due', 'platform_event', ['state', 'next_at'], unique=False)
    op.create_table('pledge_check',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=24), nullable=False),
    sa.Column('item_name', sa.String(length=200), nullable=False),
    sa.Column('site_code', sa.String(length=12), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('granted_on', sa.Date(), nullable=False),
    sa.Column('check_due', sa.Date(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=True),
    sa.Column('kept', sa.Boolean(), nullable=True),
    sa.Column('finding', sa.Text(), nullable=False),
    sa.Column('pledge_doc_no', sa.String(length=30), nullable=False),
    sa.Column('revocation_doc_no', sa.String(length=30), nullable=False),
    sa.Column('correct_by', sa.Date(), nullable=True),
    sa.Column('heard_on', sa.Date(), nullable=True),
    sa.Column('hear_by', sa.Date(), nullable=True),
    sa.Column('revoked_on', sa.Date(), nullable=True),
    sa.Column('correction_doc_no', sa.String(length=30), server_default='', nullable=False),
    sa.Column('hearing_doc_no', sa.String(length=30), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_pledge_check_case_id_case')),
    sa.PrimaryKeyConstraint('case_id', 'item_code', name=op.f('pk_pledge_check'))
    )
    op.create_index('ix_pledge_check_department_due', 'pledge_check', ['department', 'check_due'], unique=False)
    op.create_table('rating_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('site_code', sa.String(length=12), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('clerk', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_rating_request_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_request')),
    sa.UniqueConstraint('case_id', 'round', name=op.f('uq_rating_request_case_id'))
    )
    op.create_index(op.f('ix_rating_request_case_id'), 'rating_request', ['case_id'], unique=False)
    op.create_index('ix_rating_request_desk', 'rating_request', ['site_code', 'desk_no', 'sent_at'], unique=False)
    op.create_table('front_store_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('batch', sa.String(length=80), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['platform_event.id'], name=op.f('fk_front_store_event_event_id_platform_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_front_store_event')),
    sa.UniqueConstraint('event_id', name=op.f('uq_front_store_event_event_id'))
    )
    op.create_index('ix_front_store_event_due', 'front_store_event', ['state', 'next_at'], unique=False)
    op.create_table('print_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('clerk', sa.String(length=60), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('ok', sa.Boolean(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document_record.id'], name=op.f('fk_print_record_document_id_document_record')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_record'))
    )
    op.create_index(op.f('ix_print_record_document_id'), 'print_record', ['document_id'], unique=False)
    op.create_table('rating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=24), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('rated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('rated_on', sa.Date(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('case_no', sa.String(length=50), nullable=False),
    sa.Column('item_code', sa.String(length=24), nullable=False),
    sa.Column('item_name', sa.Text(), nullable=False),
    sa.Column('department', sa.Text(), nullable=False),
    sa.Column('clerk', sa.String(length=60), nullable=False),
    sa.Column('staff_no', sa.String(length=20), nullable=False),
    sa.Column('desk_no', sa.String(length=4), nullable=False),
    sa.Column('site_code', sa.String(length=12), nullable=False),
    sa.Column('region', sa.String(length=6), nullable=False),
    sa.Column('rater_name', sa.Text(), nullable=False),
    sa.Column('rater_id_no', sa.String().with_variant(sa.String(length=18), 'sqlite'), nullable=False),
    sa.Column('rater_kind', sa.String(length=10), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['rating_request.id'], name=op.f('fk_rating_request_id_rating_request')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating')),
    sa.UniqueConstraint('request_id', name=op.f('uq_rating_request_id'))
    )
    op.create_index(op.f('ix_rating_rated_on'), 'rating', ['rated_on'], unique=False)
    op.create_table('rating_lapse',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['rating_request.id'], name=op.f('fk_rating_lapse_request_id_rating_request')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_lapse')),
    sa.UniqueConstraint('request_id', name=op.f('uq_rating_lapse_request_id'))
    )
    op.create_table('rating_appeal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rating_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by', sa.String(length=60), nullable=False),
    sa.Column('ground', sa.String(length=16), nullable=False),
    sa.Column('upheld', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['rating_id'], ['rating.id'], name=op.f('fk_rating_appeal_rating_id_rating')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_appeal'))
    )
    op.create_index(op.f('ix_rating_appeal_rating_id'), 'rating_appeal', ['rating_id'], unique=False)
    op.create_table('rectification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rating_id', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('period', sa.String(length=24), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('due_beyond_data', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['rating_id'], ['rating.id'], name=op.f('fk_rectification_rating_id_rating')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification')),
    sa.UniqueConstraint('rating_id', name=op.f('uq_rectification_rating_id'))
    )
    op.create_index(op.f('ix_rectification_due_on'), 'rectification', ['due_on'], unique=False)
    op.create_index(op.f('ix_rectification_opened_on'), 'rectification', ['opened_on'], unique=False)
    op.create_table('rectification_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rectification_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by', sa.String(length=60), nullable=False),
    sa.Column('event', sa.String(length=24), nullable=False),
    sa.Column('state_after', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('fix_due', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['rectification_id'], ['rectification.id'], name=op.f('fk_rectification_history_rectification_id_rectification')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification_history'))
    )
    op.create_index('ix_rectification_history_closed', 'rectification_history', ['rectification_id'], unique=False, sqlite_where=sa.text("state_after IN ('fed_back', 'voided')"), postgresql_where=sa.text("state_after IN ('fed_back', 'voided')"))
    op.create_index('ix_rectification_history_latest', 'rectification_history', ['rectification_id', 'id'], unique=False)
