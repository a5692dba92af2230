"""The pad where the site rates on the 自治区 system's page: the page's QR code and address, no faces."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.db.settings_store import put_setting
from counter.documents.qr import qr_modules
from counter.ratings.settings import KEY_MODE, RatingMode
from counter.ratings.status import DeskStatus
from counter.ui.pad.controller import PadController
from counter.ui.pad.pad_window import PadPage
from tests.ui.pad.test_pad_flow import timeout_timer


def codes_read(image: QImage, folder: Path) -> list[str]:
    """The codes ``zbarimg`` reads on the pad as drawn: what a phone's camera would find there."""
    picture = folder / "pad.png"
    assert image.save(str(picture))
    read = subprocess.run(["zbarimg", "--quiet", str(picture)], capture_output=True, text=True, check=False)
    return read.stdout.splitlines()


def test_the_pad_shows_the_page_of_the_case_and_keeps_no_rating(
    qtbot: QtBot,
    controller: PadController,
    sessions: sessionmaker[Session],
    demo_cases: dict[str, str],
    tmp_path: Path,
) -> None:
    with sessions.begin() as session:
        put_setting(session, KEY_MODE, RatingMode.REGION_PAGE.value)
    case_no = demo_cases["受理"]
    assert controller.send_case(case_no)
    pad = controller.pad
    assert pad.page() is PadPage.REGION
    address = pad.region.qr.value
    assert address.startswith("https://")
    assert address.endswith(case_no)
    assert pad.region.qr.modules == qr_modules(address)  # the symbol the papers print for the same address
    assert pad.region.qr.isVisible()
    assert pad.region.qr.width() >= 120
    assert codes_read(pad.region.qr.grab().toImage(), tmp_path) == [f"QR-Code:{address}"]  # a phone reads it
    assert not any(face.isVisible() for face in pad.face_buttons.values())
    assert pad.region.case.text() == f"办件编号：{case_no}"
    assert address in pad.region.address.text()
    with qtbot.waitSignal(controller.status_changed) as closed:
        timeout_timer(pad).fire()
    assert closed.args == [case_no, DeskStatus.UNRATED]  # no rating on this desk's file: it is the region's
    assert pad.page() is PadPage.IDLE
    with sessions() as session:
        assert session.scalars(select(models.Rating)).all() == []
        assert len(session.scalars(select(models.RatingRequest)).all()) == 1  # the asking, recorded
