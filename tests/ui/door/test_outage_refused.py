"""What a hall desk asks of its own store in outage mode (:func:`counter.service.outage_desk.outage_work`): the
window's own work, never a decision, a setting, a list of the hall's cases nor another desk's case; and what it does
not ask is refused in the clerk's words before anything is asked (:class:`counter.sync.outage.OutageRefused`)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest

import counter.service.remote  # noqa: F401 - a hall desk's transport, loaded as on the desk
from counter.access.desk import Desk
from counter.case.numbers import DeskIdentity
from counter.service.cases import READ_CASE
from counter.service.catalogue import operations
from counter.service.outage_desk import OutageDesk, outage_work
from counter.service.remote import Remote
from counter.service.requests import CaseNo
from counter.sync.outage import OutageRefused
from counter.ui.door.runner import server_failed
from counter.ui.door.server_words import OUTAGE_REFUSED

ASKED = {
    "intake.take_intake", "intake.read_current_guide", "documents.make_case_papers", "documents.record_print",
    "catalog.find_bundles", "site.ping",
}  # fmt: skip
REFUSED = {
    "documents.make_item_paper",  # a department's paper of its item: its decision
    "cases.item_step", "cases.move_case", "cases.extend_deferral", "cases.list_cases", "cases.read_case",
    "documents.save_office", "intake.save_intake_rules", "intake.month_figures", "catalog.import_source",
    "sync.import_package", "admin.add_account", "outage.hand_over",
}  # fmt: skip


def test_only_the_windows_own_work_is_asked_of_the_store() -> None:
    ops = operations()
    assert ops.keys() >= ASKED | REFUSED
    assert {name for name in ASKED | REFUSED if outage_work(ops[name])} == ASKED


def test_what_is_not_asked_is_refused_in_words(tmp_path: Path) -> None:
    desk = OutageDesk(tmp_path / "outage.sqlite3", cast("Remote", None))  # never asked
    with pytest.raises(OutageRefused) as refused:
        desk.call(READ_CASE, CaseNo("XAM01-20261129-08-0001"), Desk(DeskIdentity("XAM01", "8"), "乌兰"))
    assert not (tmp_path / "outage.sqlite3").exists()  # refused before the store was opened
    failed = server_failed(refused.value, "办件没有打开：{fault}")
    assert failed is not None
    assert failed.message == f"办件没有打开：{OUTAGE_REFUSED}"
    assert "cases" not in failed.message
