"""高拍仪 at the intake: key 8 on a material's row takes a page of it, key 9 one the clerk compared with the original.

The camera is asked on a thread of its own (a camera takes a second or two, and may hang), and the image is bounded
and compressed there too (:func:`counter.case.pages.page_image`): the window keeps painting.  The pages wait here,
in memory, until the intake is taken: they go into the case in the intake's unit of work
(:class:`counter.case.intake_request.IntakeRequest`).  A draft does not keep them (a page is hundreds of kilobytes, a
draft is saved every few seconds): an intake restored from its draft is photographed again.  Which camera a desk has
is its setting (:func:`counter.host.devices.camera.desk_camera`); a desk without one is told so, and the paper is taken.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject

from counter.case.pages import PAGES_MAX, PageImage, PageRefused, TakenPage, page_image
from counter.catalog.model import Bundle
from counter.host.devices.camera import Camera, CameraError, CameraFault, desk_camera
from counter.intake.checklist import Checklist
from counter.ui.door.device_call import DeviceCall
from counter.ui.intake.words import (
    INTAKE_CAMERA_FAULT,
    INTAKE_PAGE_PROBLEM,
    INTAKE_PAGE_TAKEN,
    INTAKE_PAGE_TAKEN_COMPARED,
    INTAKE_PAGE_TAKING,
)

log = logging.getLogger(__name__)

NOT_SET_UP = "not_set_up"  # the desk names no camera


class CameraPanel(Protocol):
    bundle: Bundle

    @property
    def checklist(self) -> Checklist: ...

    def show_pages(self, code: str, count: int, compared: int) -> None: ...

    def show_status(self, text: str, *, error: bool = False) -> None: ...


def _page(camera: Camera) -> PageImage:
    """One page: the camera asked, the image bounded and compressed."""
    return page_image(camera.capture())


def _no_frame(err: Exception) -> CameraError:
    return CameraError(CameraFault.NO_FRAME, type(err).__name__)


class CameraDesk(QObject):
    def __init__(self, panel: CameraPanel, parent: QObject) -> None:
        super().__init__(parent)
        self.panel = panel
        self.camera = desk_camera  # asked at each page: a camera set up while the panel is open is used
        self.pages: list[TakenPage] = []
        self.running: DeviceCall | None = None
        self._asked: tuple[str, bool] | None = None

    def on_asked(self, code: str, compared: bool) -> None:
        if self.running is not None:
            return  # one page at a time: the key pressed twice waits for the first
        material = next((m for m in self.panel.bundle.materials if m.code == code), None)
        if material is None:
            return
        camera = self.camera()
        if camera is None:
            self.panel.show_status(INTAKE_CAMERA_FAULT[NOT_SET_UP], error=True)
            return
        self._asked = (code, compared)
        self.panel.show_status(INTAKE_PAGE_TAKING.format(name=material.name))
        self.running = DeviceCall(partial(_page, camera), (CameraError, PageRefused), _no_frame, "camera")
        self.running.begin(self.on_done, self.on_failed, self.on_finished)

    def on_done(self, image: PageImage) -> None:
        if self._asked is None:
            return
        code, compared = self._asked
        material = next(m for m in self.panel.bundle.materials if m.code == code)
        if self.panel.checklist.entry(code) is None:  # the answers changed the list meanwhile
            self.panel.show_status(INTAKE_PAGE_PROBLEM["no_such_material"], error=True)
            return
        if sum(p.material_code == code for p in self.pages) >= PAGES_MAX:
            self.panel.show_status(INTAKE_PAGE_PROBLEM["too_many"], error=True)
            return
        self.pages.append(TakenPage(code, image, compared))
        count, checked = self.counts(code)
        self.panel.show_pages(code, count, checked)
        said = INTAKE_PAGE_TAKEN_COMPARED if compared else INTAKE_PAGE_TAKEN
        self.panel.show_status(said.format(name=material.name, page=count))

    def on_failed(self, err: CameraError | PageRefused) -> None:
        log.warning("page not taken: %s", err)
        if isinstance(err, CameraError):
            said = INTAKE_CAMERA_FAULT.get(err.fault.value, INTAKE_CAMERA_FAULT[CameraFault.NO_FRAME])
        else:
            said = INTAKE_PAGE_PROBLEM.get(err.problem.value, INTAKE_CAMERA_FAULT[CameraFault.NO_FRAME])
        self.panel.show_status(said, error=True)

    def on_finished(self) -> None:
        if self.running is not None:
            self.running.deleteLater()
        self.running = None
        self._asked = None

    def counts(self, code: str) -> tuple[int, int]:
        """The material's pages, and how many of them were compared with the original."""
        mine = [p for p in self.pages if p.material_code == code]
        return len(mine), sum(p.compared for p in mine)

    def taken(self) -> tuple[TakenPage, ...]:
        """The pages of the materials still on the checklist, in the order taken: what the case keeps."""
        listed = {e.code for e in self.panel.checklist.entries}
        return tuple(p for p in self.pages if p.material_code in listed)

    def wait(self) -> None:
        """Let a page still being taken end (the panel closing): its thread is not left to die with the window."""
        if self.running is not None:
            self.running.wait()
