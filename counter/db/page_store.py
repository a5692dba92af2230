"""The pages a document camera took of a case's materials (``case_material_page``): added, never changed; the case
page reads them with the case (:mod:`counter.db.case_page_reads`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter.case.pages import PageImage
from counter.db import models


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
