"""The pages a document camera took of a case's materials (``case_material_page``): added, read, never changed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter.case.pages import MaterialPage, PageImage
from counter.db import models

_P = models.CaseMaterialPage
#: a page's columns in the order of MaterialPage's fields, by material then page number
_PAGES = select(_P.material_code, _P.page_no, _P.image, _P.width, _P.height, _P.captured_at, _P.clerk,
                _P.compared).order_by(_P.material_code, _P.page_no)  # fmt: skip


def page_count(session: Session, case_id: int, material_code: str) -> int:
    """How many pages the material holds now (the next page is numbered one more)."""
    p = models.CaseMaterialPage
    stmt = select(func.count()).where(p.case_id == case_id, p.material_code == material_code)
    return int(session.scalar(stmt) or 0)


def add_page(
    session: Session, case_id: int, material_code: str, image: PageImage, clerk: str, compared: bool, at: dt.datetime
) -> int:
    """Keep one page after the material's last; its number."""
    page_no = page_count(session, case_id, material_code) + 1
    session.add(
        models.CaseMaterialPage(
            case_id=case_id, material_code=material_code, page_no=page_no, image=image.jpeg, width=image.width,
            height=image.height, captured_at=at, clerk=clerk, compared=compared,
        )
    )  # fmt: skip
    session.flush()
    return page_no


def case_pages(session: Session, case_id: int) -> list[MaterialPage]:
    """Every page of the case, by material then page number."""
    return [MaterialPage(*row) for row in session.execute(_PAGES.where(_P.case_id == case_id))]
