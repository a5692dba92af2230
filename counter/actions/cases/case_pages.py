"""A case's material photographed at the desk (高拍仪): a page added to a checklist line, and the pages read back.

A page is a step on the case, in its own unit of work: the camera's image is bounded and compressed first
(:func:`counter.case.pages.page_image`), then written after the material's last page.  The camera itself is asked
off the window's thread (:mod:`counter.host.devices.camera`); nothing here waits on a device.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.audit.actions import AuditAction
from counter.case.pages import PAGES_MAX, MaterialPage, PageProblem, PageRefused, page_image
from counter.db import page_store
from counter.db.case_store import case_by_no, case_materials
from counter.db.models.base import utcnow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

__all__ = ["CaseNotFound", "PageRefused", "add_page", "pages_of_case"]

log = logging.getLogger(__name__)


class CaseNotFound(LookupError):
    """No case of that number."""


def add_page(
    session: Session,
    desk: Desk,
    case_no: str,
    material_code: str,
    raw: bytes,
    *,
    compared: bool = False,
    at: dt.datetime | None = None,
) -> int:
    """Keep the camera's image ``raw`` as the next page of the case's material; its page number.

    :class:`PageRefused` (nothing written) for an image that cannot be kept, a material the case does not list, or
    one already holding :data:`~counter.case.pages.PAGES_MAX` pages; :class:`CaseNotFound` for no such case.
    """
    require(session, desk.actor, Permission.TAKE_INTAKE)
    image = page_image(raw)  # before the case is locked: compressing a page takes a moment
    case = case_by_no(session, case_no, lock=True)
    if case is None:
        raise CaseNotFound(case_no)
    if material_code not in {m.material_code for m in case_materials(session, case.id)}:
        raise PageRefused(PageProblem.NO_SUCH_MATERIAL, material_code)
    if page_store.page_count(session, case.id, material_code) >= PAGES_MAX:
        raise PageRefused(PageProblem.TOO_MANY, material_code)
    page_no = page_store.add_page(session, case.id, material_code, image, desk.clerk, compared, at or utcnow())
    # the trail names the page by its digest: a page put in behind the program's back has no entry of its own
    detail = {"step": "page_taken", "material": material_code, "page": page_no, "compared": compared,
              "sha256": hashlib.sha256(image.jpeg).hexdigest()}  # fmt: skip
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, detail)
    log.info("page %d of %s kept on case %s: %d bytes, %dx%d", page_no, material_code, case.case_no,
             len(image.jpeg), image.width, image.height)  # fmt: skip
    return page_no


def pages_of_case(session: Session, case_no: str) -> list[MaterialPage]:
    """The case's pages, by material and page number; none for a case not found."""
    case = case_by_no(session, case_no)
    return [] if case is None else page_store.case_pages(session, case.id)
