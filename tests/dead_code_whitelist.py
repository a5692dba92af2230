"""Names vulture takes for unused that are used all the same, each with the reason (tests/test_dead_code.py).

vulture sees only what the code calls by name.  These are reached another way: Qt or a library calls them, a
library reads them, a dataclass compares them whole, a string names them.  An entry here is a name, as vulture
counts it: it keeps every attribute or function of that name alive, so each is written as narrowly as it can be.
"""

# ruff: noqa: B018 (each line only names what it keeps)

from __future__ import annotations

from typing import Any

_: Any = None

# --- Qt calls these overrides by their C++ names --------------------------------------------------------------
_.expandingDirections  # counter/ui/flow_layout.py: QLayout asks how the flow layout grows
_.hasHeightForWidth  # counter/ui/flow_layout.py: QLayout asks whether the height follows the width
_.itemAt  # counter/ui/flow_layout.py: QLayout walks its items
_.takeAt  # counter/ui/flow_layout.py: QLayout removes its items
_.paintEvent  # counter/ui/pad/faces.py: the review pad's faces draw themselves
_.wheelEvent  # counter/ui/document_browser.py: the preview zooms with Ctrl and the wheel
_.insertFromMimeData  # counter/ui/intake/decision_controls.py: a pasted reason kept on one line

# --- a library reads or calls these ----------------------------------------------------------------------------
_.type_annotation_map  # counter/db/models/base.py: SQLAlchemy maps every datetime column to a zoned DateTime
_.updated_at  # counter/db/models/: a column SQLAlchemy writes on every update, read by SQL, not by name
_._missing_  # counter/ratings/levels.py: Enum calls it for an old coding's name
_.__getattr__  # counter/ui/cases/__init__.py: Python calls it for the package's lazily imported names
_.isolation_level  # counter/db/migrate.py: sqlite3 reads it: None leaves transactions to the explicit BEGIN
_.makeToUnicodeCMap  # counter/documents/fonts.py: reportlab calls the function set on its module
_._srcfile  # counter/host/logs.py: logging reads it to skip finding the caller's file and line
_.logThreads  # counter/host/logs.py: logging reads these three to skip what the log format never shows
_.logProcesses
_.logMultiprocessing
_.msg  # counter/host/logs.py: logging's handlers read the record's message, set here already formatted
_.alignment  # counter/catalog/workbook.py and platform_workbook.py: openpyxl writes a cell's alignment
_.number_format  # counter/catalog/workbook.py: openpyxl writes a cell as text, not as a number
_.data_type  # counter/catalog/workbook.py: openpyxl writes a cell as text, not as a number
_.cluster_level  # counter/documents/fonts.py: HarfBuzz reads how the buffer groups characters into clusters

# --- kept for what holding them does ---------------------------------------------------------------------------
_.export_dialog  # counter/ui/projects/report_page.py: holds the open, modeless dialog so it is not collected

# --- read whole or through a name built from a string -----------------------------------------------------------
_.not_null  # counter/backup/schema.py: a column is compared whole with the schema's (a frozen dataclass)
_.primary_key  # counter/backup/schema.py: the same
_.contact_id_no  # counter/projects/model.py: read and written by name (counter.projects.inputs.TEXT_FIELDS)
_.industry  # counter/projects/model.py: the same
_.county_place  # counter/documents/data.py: read as f"{level}_place" (counter/documents/deciders.py)
_.county_government  # the same, f"{level}_government"
_.county_court  # the same, f"{level}_court"
_.league_place
_.league_government
_.league_court
_.region_place
_.region_government
_.region_court
_.township_place
_.township_government
_.township_court

# --- enum members written or read by their values ----------------------------------------------------------------
# counter/actions/sync/sync_apply.py HoldReason: counter/db/sync/cases.py writes the values, words read them
_.UNKNOWN_GUIDE
_.CASE_NO_TAKEN  # the same
_.PREVIOUS_MISSING  # the same
_.DOCUMENT_CONFLICT  # the same
_.SCHEMA_UPGRADED  # counter/audit/actions.py: a trail is kept for years; one written earlier may hold this code
_.received_at  # counter/db/models/trail.py PeerSeal: written by counter/db/peer_seals.py's insert, for support to read
