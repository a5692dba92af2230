"""Why a desk may not number now: the faults the intake, the printing and the start-up check raise, and the faces word.

A number printed on a receipt belongs to its applicant for good: a desk whose database is behind what it has issued
(:class:`NumbersBehind`), or that is set to number in another site's series (:class:`OtherSeries`), refuses to number.
Plain exceptions of the domain, each keeping what it was given, so that they cross the service as they are.
"""

from __future__ import annotations


class NumbersBehind(Exception):
    """The database is behind numbers already issued: numbering now could issue one of them again."""

    def __init__(self, last_issued: str, where: str, note: str = "") -> None:
        super().__init__(last_issued or where)
        self.last_issued = last_issued
        # "note": noted outside the database, missing in it; "records": the counter is behind; "note_missing",
        # "note_unreadable", "note_not_a_file": the note itself (at ``note``) is not there to compare with
        self.where = where
        self.note = note


class OtherSeries(Exception):
    """The desk is set to number in a series the database's site is not: ``desk.json`` names ``desk_code``, the
    database is ``site_code``'s."""

    def __init__(self, desk_code: str, site_code: str) -> None:
        super().__init__(f"desk numbers as {desk_code}, the database is {site_code}'s")
        self.desk_code = desk_code
        self.site_code = site_code
