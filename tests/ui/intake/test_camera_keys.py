"""高拍仪 at the intake: keys 8 and 9 on a material's row take pages from the (synthetic) camera, the pages go with
the case, and its page shows them as thumbnails, one opened large with Enter."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.case_view import read_case
from counter.case.pages import PAGES_MAX
from counter.host.devices.camera import Camera, CameraError, CameraFault
from counter.ui.cases.case_page import CasePage, Loaded
from counter.ui.cases.words import CASE_PAGE_COMPARED
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_CAMERA_FAULT, INTAKE_PAGE_PROBLEM
from tests.host.devices.synthetic_camera import SyntheticCamera
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import SMALL_RESTAURANT, answer, commit, fill_person, press, ready
from tests.ui.runners import runner_on


def take_page(qtbot: QtBot, panel: IntakePanel, code: str, key: Qt.Key) -> None:
    before = len(panel.camera.pages)
    press(qtbot, panel, code, key)
    qtbot.waitUntil(lambda: panel.camera.running is None and len(panel.camera.pages) == before + 1, timeout=10_000)


@pytest.mark.slow  # a commit and a case page: about a second
def test_two_pages_go_with_the_case_and_its_page_shows_them(
    qtbot: QtBot, panel: IntakePanel, sessions: sessionmaker[Session]
) -> None:
    camera = SyntheticCamera()
    panel.camera.camera = lambda: camera
    ready(qtbot, panel)
    code = panel.checklist.entries[0].code
    take_page(qtbot, panel, code, Qt.Key.Key_9)  # compared with the original
    take_page(qtbot, panel, code, Qt.Key.Key_8)
    row = panel.checklist_view.row(code)
    assert row.pages_label.text() == "已拍 2 页，其中 1 页已与原件核对"
    assert row.receipt.value == "received"  # the keys take pages; the line stays as recorded
    case_no = commit(qtbot, panel)
    with sessions() as s:
        read = read_case(s, case_no)
    assert read is not None
    kept = read.pages
    assert [(p.material_code, p.page_no, p.compared) for p in kept] == [(code, 1, True), (code, 2, False)]
    page = CasePage(runner_on(sessions, lambda: TODAY), DESK, lambda: TODAY, case_no)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.resize(1024, 768)
    page.show()
    shown = page.material_pages
    assert shown.isVisible()
    assert shown.list.count() == 2
    first = shown.list.item(0)
    assert first is not None
    assert first.text().endswith(CASE_PAGE_COMPARED)
    assert not first.icon().isNull()
    shown.list.setFocus()
    qtbot.waitUntil(shown.list.hasFocus)
    QTest.keyClick(shown.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown.viewer is not None and shown.viewer.isVisible())
    assert shown.viewer is not None
    assert CASE_PAGE_COMPARED in shown.viewer.caption.text()
    assert not shown.viewer.image.pixmap().isNull()


def test_a_desk_without_a_camera_says_so_and_keeps_nothing(qtbot: QtBot, panel: IntakePanel) -> None:
    none: Camera | None = None
    panel.camera.camera = lambda: none
    ready(qtbot, panel)
    press(qtbot, panel, panel.checklist.entries[0].code, Qt.Key.Key_8)
    assert panel.status.text() == INTAKE_CAMERA_FAULT["not_set_up"]
    assert panel.request().pages == ()


class _Failing:
    """A camera that fails as real ones do: taken by another program, or sending something that is no image."""

    def __init__(self, busy: bool) -> None:
        self.busy = busy

    def capture(self) -> bytes:
        if self.busy:
            raise CameraError(CameraFault.BUSY, "device busy")
        return b"not an image"


@pytest.mark.parametrize(
    ("busy", "said"), [(True, INTAKE_CAMERA_FAULT["busy"]), (False, INTAKE_PAGE_PROBLEM["not_an_image"])]
)
def test_a_camera_that_fails_is_named_and_keeps_nothing(
    qtbot: QtBot, panel: IntakePanel, busy: bool, said: str
) -> None:
    camera = _Failing(busy)
    panel.camera.camera = lambda: camera
    ready(qtbot, panel)
    press(qtbot, panel, panel.checklist.entries[0].code, Qt.Key.Key_8)
    qtbot.waitUntil(lambda: panel.camera.running is None, timeout=10_000)
    assert panel.status.text() == said
    assert panel.request().pages == ()


@pytest.mark.slow  # a commit and a case page: over half a second
def test_a_case_without_pages_shows_no_such_section(
    qtbot: QtBot, panel: IntakePanel, sessions: sessionmaker[Session]
) -> None:
    ready(qtbot, panel)
    case_no = commit(qtbot, panel)
    page = CasePage(runner_on(sessions, lambda: TODAY), DESK, lambda: TODAY, case_no)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.show()
    assert not page.material_pages.isVisible()


@pytest.mark.slow  # thirty pages: a second or two
def test_a_material_past_its_pages_is_refused_the_next_and_keeps_those_taken(qtbot: QtBot, panel: IntakePanel) -> None:
    """A material of many pages (a contract) photographed page by page: past :data:`PAGES_MAX` the next page is
    refused in words, the ones taken stay, and another material still takes its pages."""
    camera = SyntheticCamera()
    panel.camera.camera = lambda: camera
    ready(qtbot, panel)
    code, other = (entry.code for entry in panel.checklist.entries[:2])
    for _ in range(PAGES_MAX):
        take_page(qtbot, panel, code, Qt.Key.Key_8)
    press(qtbot, panel, code, Qt.Key.Key_8)
    qtbot.waitUntil(lambda: panel.camera.running is None, timeout=10_000)
    assert panel.status.text() == INTAKE_PAGE_PROBLEM["too_many"]
    assert panel.camera.counts(code) == (PAGES_MAX, 0)
    assert panel.checklist_view.row(code).pages_label.text() == f"已拍 {PAGES_MAX} 页"
    take_page(qtbot, panel, other, Qt.Key.Key_8)
    assert [page.material_code for page in panel.request().pages] == [code] * PAGES_MAX + [other]


class _Held:
    """A camera slow to answer (a page being focused): its page comes when the test lets it."""

    def __init__(self) -> None:
        self.asked = threading.Event()
        self.let_go = threading.Event()

    def capture(self) -> bytes:
        self.asked.set()
        self.let_go.wait(10)
        return SyntheticCamera().capture()


def test_a_page_of_a_material_the_answers_took_off_meanwhile_is_not_kept(qtbot: QtBot, panel: IntakePanel) -> None:
    """The clerk takes a page of one of an agent's papers, then answers that the applicant came in person before the
    camera answers: the material is off the list, so the page is said not kept, and the case takes none of it."""
    camera = _Held()
    panel.camera.camera = lambda: camera
    fill_person(panel)
    answer(panel, SMALL_RESTAURANT)
    in_person = {e.code for e in panel.checklist.entries}
    answer(panel, {**SMALL_RESTAURANT, "agent": "agent"})
    letter = next(e.code for e in panel.checklist.entries if e.code not in in_person)  # the agent's papers
    press(qtbot, panel, letter, Qt.Key.Key_8)
    qtbot.waitUntil(camera.asked.is_set, timeout=10_000)
    answer(panel, SMALL_RESTAURANT)  # in person after all
    assert panel.checklist.entry(letter) is None
    camera.let_go.set()
    qtbot.waitUntil(lambda: panel.camera.running is None, timeout=10_000)
    assert panel.status.text() == INTAKE_PAGE_PROBLEM["no_such_material"]
    assert panel.camera.pages == []
    assert panel.request().pages == ()
