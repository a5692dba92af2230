"""The one refusal every case action shares: no case of that number at this site."""

from __future__ import annotations


class CaseNotFound(Exception):
    """No case of ``case_no`` here; the faces say so in the clerk's words."""

    def __init__(self, case_no: str) -> None:
        super().__init__(case_no)
        self.case_no = case_no
