"""What an audit entry records: one code per kind of change, mapped to Chinese in ``counter.words.audit``."""

from __future__ import annotations

from enum import StrEnum


class AuditAction(StrEnum):
    CASE_TAKEN = "case_taken"  # an intake committed (subject: case number)
    CASE_CHANGED = "case_changed"  # any later step of a case; the event is in the detail
    CASE_VOIDED = "case_voided"
    PROJECT_CHANGED = "project_changed"  # a 帮您办 project registered or moved (subject: its number)
    DOCUMENT_MADE = "document_made"  # a receipt or notice numbered and kept
    PRINTED = "printed"  # sent to a printer or written to a file, ok or not
    EXPORTED = "exported"  # ratings, figures, a sync package: what left the database
    SENT_TO_PAD = "sent_to_pad"
    RATING_DECIDED = "rating_decided"  # revisit, appeal, rectification step
    RATING_RECORDED = "rating_recorded"  # the applicant's rating at the pad (subject: rating:ID)
    SIGNED_IN = "signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    ACCOUNT_LOCKED = "account_locked"
    SIGNED_OUT = "signed_out"
    ACCOUNT_ADDED = "account_added"
    ACCOUNT_CHANGED = "account_changed"  # disabled, roles, password
    SETTING_CHANGED = "setting_changed"  # office, ratings, desk settings
    HOLIDAYS_CHANGED = "holidays_changed"
    CATALOG_IMPORTED = "catalog_imported"
    GUIDE_PUBLISHED = "guide_published"  # a 待核 guide confirmed by the site's administrator (subject: bundle code)
    SYNC_IMPORTED = "sync_imported"  # a sync package taken in (subject: sender and number)
    SCHEMA_UPGRADED = "schema_upgraded"
    BACKUP_MADE = "backup_made"  # a backup of the database written by command (subject: file name)
    BACKUP_RESTORED = "backup_restored"  # the database replaced by a backup; the old one kept beside
