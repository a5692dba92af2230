"""The longest text and the most lines a sync record may hold, shared by every kind of record.

Each is far beyond any real case (a company's name runs to some sixty characters, a case to a few dozen checklist and
history lines) and far below what would burden the database, the review list or a printed page: a record beyond one
is not a case this program wrote, and its package is refused as malformed (:mod:`counter.sync.record_json`) before
anything of it is kept.
"""

from __future__ import annotations

LICENCE_MAX = 2000  # a checklist line's 电子证照 as JSON (counter.intake.licences): a few hundred characters
NAME_MAX = 200  # a person's, company's, clerk's, department's, material's or item's name
TEXT_MAX = 2000  # an address, a note, a comment, a reason, a printer's message
NOTE_MAX = 8000  # a history line's note and a denial's reasons: every item's reasons joined
SNAPSHOT_MAX = 20000  # JSON kept as it was: the intake's answers, the office settings of a notice
LINES_MAX = 2000  # the lines of one list: checklist, history, documents, prints, rectification lines
PAGE_B64_MAX = 1_400_000  # a page as base64: PAGE_BYTES_MAX of counter.case.pages, four thirds
ROUNDS_MAX = 10  # rating rounds of a case, appeals of a rating: one or two in practice
