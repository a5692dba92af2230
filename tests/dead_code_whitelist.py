"""Names vulture takes for unused in the app that the app uses all the same, each with the reason
(tests/test_dead_code.py).

vulture reads the app alone (counter/): a name only the tests use is not used.  vulture sees only what the code
calls by name.  These are reached another way: Qt or a library calls them, a
library reads them, a dataclass compares them whole, a string names them.  An entry here is a name, as vulture
counts it: it keeps every attribute or function of that name alive, so each is written as narrowly as it can be.
"""

# ruff: noqa: B018 (each line only names what it keeps)

from __future__ import annotations

from typing import Any

_: Any = None

# --- Qt calls these overrides by their C++ names --------------------------------------------------------------
_.expandingDirections  # counter/ui/widgets/flow_layout.py: QLayout asks how the flow layout grows
_.hasHeightForWidth  # counter/ui/widgets/flow_layout.py: QLayout asks whether the height follows the width
_.itemAt  # counter/ui/widgets/flow_layout.py: QLayout walks its items
_.takeAt  # counter/ui/widgets/flow_layout.py: QLayout removes its items
_.paintEvent  # counter/ui/pad/faces.py: the review pad's faces draw themselves
_.wheelEvent  # counter/ui/guide/document_browser.py: the preview zooms with Ctrl and the wheel
_.insertFromMimeData  # counter/ui/intake/decision_controls.py: a pasted reason kept on one line

# --- a library reads or calls these ----------------------------------------------------------------------------
_.type_annotation_map  # counter/db/models/base.py: SQLAlchemy maps every datetime column to a zoned DateTime
_.updated_at  # counter/db/models/: a column SQLAlchemy writes on every update, read by SQL, not by name
_.__getattr__  # counter/ui/cases/__init__.py: Python calls it for the package's lazily imported names
_._split_lines  # counter/words/command_parser.py: argparse's formatter breaks an argument's help with it
_._width  # counter/words/command_parser.py: argparse's formatter lays the usage line out to it
_.impl  # counter/db/sealed.py: SQLAlchemy's TypeDecorator reads the column type under the sealed value
_.cache_ok  # counter/db/sealed.py: SQLAlchemy's TypeDecorator asks whether its statements may be cached
_.process_bind_param  # counter/db/sealed.py: SQLAlchemy seals each value it writes
_.process_result_value  # counter/db/sealed.py: SQLAlchemy opens each value it reads
_.find_spec  # counter/ui/warmup/warm_pace.py: Python's import system asks each finder on sys.meta_path
_.fullname  # counter/ui/warmup/warm_pace.py: find_spec's argument, named as the import system passes it
_.period_source  # counter/platform/rating_page.py: the rule the 补充评价 period is taken from, for the integrator
_.isolation_level  # counter/db/migrate.py: sqlite3 reads it: None leaves transactions to the explicit BEGIN
_.makeToUnicodeCMap  # counter/documents/fonts.py: reportlab calls the function set on its module
_._srcfile  # counter/host/machine/logs.py: logging reads it to skip finding the caller's file and line
_.logThreads  # counter/host/machine/logs.py: logging reads these three to skip what the log format never shows
_.logProcesses
_.logMultiprocessing
_.msg  # counter/host/machine/logs.py: logging's handlers read the record's message, set here already formatted
_.alignment  # counter/catalog/workbook.py: openpyxl writes a cell's alignment
_.number_format  # counter/catalog/workbook.py: openpyxl writes a cell as text, not as a number
_.data_type  # counter/catalog/workbook.py: openpyxl writes a cell as text, not as a number
_.cluster_level  # counter/documents/fonts.py: HarfBuzz reads how the buffer groups characters into clusters
_.freeze_panes  # counter/catalog/workbook.py: openpyxl keeps the head row in view
_.metadata  # counter/db/models/base.py: SQLAlchemy reads the naming convention of the schema's constraints
_.__class__  # counter/sync/record_json.py: a probe of whether a class can take an instance of its twin's
_.holder  # counter/intake/licences.py Licence: the 持证主体 the library gave, kept in the case's licence record
# (dataclasses.asdict in licence_record) for the file and support to read

# --- kept for what holding them does ---------------------------------------------------------------------------
_.export_dialog  # counter/ui/projects/report_page.py: holds the open, modeless dialog so it is not collected
_.save_dialog  # counter/ui/printing/preview_window.py: the same, for the preview's save dialog

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
_.office_level  # counter/documents/data.py: read and written by name (counter/cli/documents.py, the settings form);
# the site's record of its own level, which no longer makes an entrustment by itself

# --- enum members written or read by their values ----------------------------------------------------------------
# counter/actions/sync/sync_apply.py HoldReason: counter/db/sync/cases.py writes the values, words read them
_.UNKNOWN_GUIDE
_.CASE_NO_TAKEN  # the same
_.PREVIOUS_MISSING  # the same
_.DOCUMENT_CONFLICT  # the same
_.SCHEMA_UPGRADED  # counter/audit/actions.py: a trail is kept for years; one written earlier may hold this code
_.ON_REQUEST  # counter/host/machine/desk_config.py: a pad screen setting, read from desk.json by its value
_.A  # counter/intake/licences.py TrustLevel: the licence library's 可信等级, read by their values
_.B
_.C
_.D
_.PC  # counter/ratings/levels.py Channel: stored by value, coded by the mapping file's [lists.channel] by value
_.MOBILE
_.QR_CODE
_.OTHER_TERMINAL
_.SMS
_.MISTAKEN  # counter/ratings/rectification.py AppealGround: chosen and stored by their values
_.MALICIOUS
_.received_at  # counter/db/models/trail.py PeerSeal: written by counter/db/peer_seals.py's insert, for support to read

# --- reached from outside the app's own calls -------------------------------------------------------------------
_.open_window  # counter/ui/start/app.py: the window on the default database, for tools/screenshot.py and its tests
_.WARNINGS  # counter/catalog/problems.py: the rules a catalog check reports as warnings, named for their readers

# --- the service's catalogue (its operations and their runs, reached by name: tests/test_dead_code.py BY_NAME) ------
_.operations  # counter/service/catalogue.py: every declared operation by name, for the reference (tools/)

# --- the hall server's bounds and figures: reached by their frameworks, not by name in the app ---------------------
_.BoundedLoop  # counter/server/bounds.py: uvicorn takes its loop factory by import path ("counter.server.bounds:...")
_.max_size  # counter/server/bounds.py _LeanTLS: asyncio's SSLProtocol reads its buffer size from this attribute
_._make_ssl_transport  # counter/server/bounds.py: asyncio's event loop calls this override for every TLS connection
_.describe  # counter/server/metrics.py: prometheus_client asks a collector to describe itself at registration
_.total_tokens  # counter/server/ready.py: anyio's thread limiter, set to size Starlette's worker threads
_.PAD_REASON_LABELS  # counter/ui/pad/words.py: the 差评 reasons listed so the translation files carry them

# --- libraries configured by setting their attributes: read by the library, never by the app ------------------------
_.compress_type  # counter/documents/ofd.py: zipfile reads each entry's compression from its ZipInfo
_.hinting  # counter/documents/ofd.py: fontTools' subset.Options, read by the Subsetter (so are the five below)
_.name_IDs
_.name_languages
_.notdef_outline
_.layout_features
_.drop_tables
