"""Why a 告知承诺 grant, its 核查 or its paper is refused (:mod:`counter.actions.notice_pledges`), as codes."""

from __future__ import annotations

from enum import StrEnum


class PledgeProblem(StrEnum):
    NOT_PLEDGE_ITEM = "not_pledge_item"  # the case's guide marks no 告知承诺 for the item
    NOT_GRANTED = "not_granted"  # no grant on a promise is recorded for the item
    ALREADY_CHECKED = "already_checked"  # its 核查 is recorded: a check is made once
    NO_FINDING = "no_finding"  # a promise found false without what was found
    NOT_REVOKED = "not_revoked"  # a 撤销决定书 asked of a grant its check did not revoke


class PledgeRefused(Exception):
    def __init__(self, problem: PledgeProblem, case_no: str, item_code: str) -> None:
        super().__init__(f"{problem.value}: {case_no} {item_code}")
        self.problem = problem
        self.case_no = case_no
        self.item_code = item_code
