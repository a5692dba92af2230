"""The desk's side when its desk has a pad device of its own: F9 asks the server, the pad device shows it, and the
desk's own pad window stays idle (it could only forge the applicant's answer, which the server refuses)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.ratings.status import DeskStatus
from counter.ui.pad.controller import PadController
from counter.ui.pad.pad_window import PadPage
from tests.ratings.conftest import DESK


def test_a_desk_with_a_pad_device_leaves_its_own_pad_window_idle(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    desk_no = DESK.identity.desk_no
    with sessions.begin() as session:
        session.add(models.HallDesk(desk_no=desk_no, key_hash="d" * 64))
        session.add(models.HallPad(name="pad-1", key_hash="p" * 64, desk_no=desk_no))
    case_no = demo_cases["受理"]
    with qtbot.waitSignal(controller.status_changed) as sent:
        assert controller.send_case(case_no)
    assert sent.args == [case_no, DeskStatus.PENDING]
    assert controller.pad.case is None
    assert controller.pad.page() is PadPage.IDLE
    assert "评价中" in controller.status_label.text()
    with sessions() as session:
        assert list(session.scalars(select(models.PadRequest.pad))) == ["pad-1"]
