"""The schema revision this program expects; kept equal to the newest migration by a test.

No SQLAlchemy here: the faces learn of a too-new database through :class:`SchemaTooNew` before storage loads, and
of each migration an upgrade runs through :class:`Step`.
"""

from __future__ import annotations

from counter.host.database.migration_step import Step
from counter.host.database.migration_wait import LOCK_TIMEOUT_S

__all__ = ["HEAD", "LOCK_TIMEOUT_S", "PRE_RELEASE", "Step"]

HEAD = "0011_pledge_entries"

#: the revisions of the schema before the first release (0.1.0), folded into ``0001_baseline``: a database stamped
#: with one of them was made by a trial build and is refused at opening, by name, rather than taken for one of a
#: newer program (no site kept such a database; its rows would need the migrations that are gone)
PRE_RELEASE = frozenset((
    "0001_catalog", "0002_cases", "0003_documents", "0004_ratings", "0005_hall", "0006_sync", "0007_material_index",
    "0008_case_lines_checked", "0009_bundle_status", "0010_audit_seals", "0011_peer_encryption_key",
    "0012_list_indexes", "0013_figure_indexes", "0014_due_indexes", "0015_service_standing", "0016_waiting_by_case",
    "0017_outbox", "0018_open_items", "0019_account_department", "0020_projects", "0021_calendar_stamp",
    "0022_no_calendar_stamp", "0023_sync_import_created", "0024_peer_seals", "0025_case_subject",
    "0026_lookup_indexes", "0027_case_ticket", "0028_platform_outbox", "0029_material_licence",
    "0030_case_sequence_index", "0031_case_material_page", "0032_peer_county", "0033_pledge_check",
    "0034_operation_receipt", "0035_desk_session", "0037_front_store_licence_use", "0042_trail_sm3",
    "0044_peer_sm2_key", "0045_personal_sealed", "0046_row_marks", "0047_rating_rater_sealed",
    "0048_receipts_bound", "0049_id_reads", "0050_pledge_steps",
))  # fmt: skip
