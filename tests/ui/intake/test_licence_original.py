"""A C-level 电子证照 (用户自行上传, 国办函〔2016〕108号) on the checklist: the row says 须核验原件 and stays pending
until the clerk, having checked the original, records it with 1; the licence is then taken as B with
"此件经与原件核对无误".  The look-up that found it named the holder's type (GB/T 36903-2018), the type's
证照类型代码 and a 用证事由."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.intake.licences import save_library
from counter.intake.checklist import ProblemCode, Receipt, ReceivedMedium, checklist_problems
from counter.intake.licences import LibrarySettings, TrustLevel
from counter.resources import licence_format_file
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_LICENCE_CHECK_ORIGINAL
from tests.licence_library import ACCOUNT, BUSINESS_LICENCE, SECRET, Library, running_library
from tests.ui.intake.conftest import DESK
from tests.ui.intake.test_licence_keys import LICENCE, _ask
from tests.ui.intake.test_licence_keys import power as power  # noqa: PLC0414 - the fixture, used by its name

UPLOADED = {**BUSINESS_LICENCE, "number": "152201600077777", "trust_level": "C"}
TYPE_CODE = "11100000000013127D001"  # 营业执照's 证照类型代码 as this hall's integrator set it
SHOTS = os.environ.get("COUNTER_SHOTS", "")  # a folder to keep the row's picture in, to look at


@pytest.fixture
def library(sessions: sessionmaker[Session], tmp_path: Path) -> Iterator[Library]:
    adapted = tmp_path / "library.toml"
    shipped = licence_format_file().read_text(encoding="utf-8")
    adapted.write_text(shipped.replace("[licence_types]\n", f'[licence_types]\n"营业执照" = "{TYPE_CODE}"\n'))
    with running_library() as running:
        running.held = [UPLOADED]
        with sessions.begin() as s:
            settings = LibrarySettings(running.url, ACCOUNT, SECRET, timeout=1, format_file=str(adapted))
            save_library(s, settings, desk=DESK)
        yield running


def test_a_c_level_licence_waits_for_the_original_then_is_taken_as_b(
    qtbot: QtBot, power: IntakePanel, library: Library, tmp_path: Path
) -> None:
    _ask(qtbot, power)
    (asked,) = library.requests
    assert asked["holder_type"] == "001"  # GB/T 36903-2018: 统一社会信用代码
    assert asked["type_codes"] == [TYPE_CODE]
    assert asked["reason"] == "办理《企业用电报装》一件事，受理前核验"
    chooser = power.licences.chooser
    assert chooser is not None
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    row = power.checklist_view.row(LICENCE)
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert entry.receipt is Receipt.PENDING  # 须核验原件: not taken yet
    assert entry.licence is not None
    assert entry.licence.trust is TrustLevel.C
    (problem,) = checklist_problems(power.checklist, power.bundle)  # the intake cannot be finished
    assert (problem.code, problem.subject) == (ProblemCode.ORIGINAL_NOT_CHECKED, LICENCE)
    assert "须核验原件" in row.licence_label.text()
    assert power.status.text() == INTAKE_LICENCE_CHECK_ORIGINAL
    row.grab().save(str(Path(SHOTS or tmp_path) / "licence-check-original.png"))

    row.setFocus()
    QTest.keyClick(row, Qt.Key.Key_1)  # the clerk checked the original
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert entry.licence is not None
    assert (entry.receipt, entry.medium) == (Receipt.RECEIVED, ReceivedMedium.ELECTRONIC)
    assert (entry.licence.trust, entry.licence.checked_original) == (TrustLevel.B, True)
    assert entry.licence.number == "152201600077777"
    assert "此件经与原件核对无误" in row.licence_label.text()
    assert checklist_problems(power.checklist, power.bundle) == ()
    row.grab().save(str(Path(SHOTS or tmp_path) / "licence-original-checked.png"))
