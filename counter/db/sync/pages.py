"""The pages of cases' materials a document camera took, read into sync records and added at the receiving site.

A page is named by its case's ``uid``, its material's code and its number; the receiving site adds a page it lacks
and leaves one it has as it is (a page is never changed once kept), so a package taken in twice changes nothing.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.sync.tables import utc
from counter.sync.records import PageRecord

_P = models.CaseMaterialPage


def page_records(session: Session, case_ids: Sequence[int]) -> list[PageRecord]:
    """The pages of these cases, by case, material and page number."""
    if not case_ids:
        return []
    stmt = (
        select(models.Case.uid, _P.material_code, _P.page_no, _P.image, _P.width, _P.height, _P.captured_at,
               _P.clerk, _P.compared)
        .join(models.Case, models.Case.id == _P.case_id)
        .where(_P.case_id.in_(case_ids))
        .order_by(_P.case_id, _P.material_code, _P.page_no)
    )  # fmt: skip
    return [
        PageRecord(uid, code, no, base64.b64encode(image).decode("ascii"), width, height, utc(at), clerk, compared)
        for uid, code, no, image, width, height, at, clerk, compared in session.execute(stmt)
    ]


def page_bytes(record: PageRecord) -> bytes | None:
    """The page's JPEG as sent; None when its image is not base64 (what no desk's export writes)."""
    try:
        return base64.b64decode(record.image, validate=True)
    except (binascii.Error, ValueError):
        return None


def add_page_record(session: Session, record: PageRecord, image: bytes, from_site: str) -> bool | None:
    """The page (``image``: its JPEG, :func:`page_bytes`) added to its case here (True), already here (False), or
    None: its case is not here as the sender's (kept for review, not written)."""
    case = session.execute(
        select(models.Case.id, models.Case.site_code).where(models.Case.uid == record.case_uid)
    ).one_or_none()
    if case is None or case.site_code != from_site:
        return None
    have = session.scalar(
        select(_P.id).where(_P.case_id == case.id, _P.material_code == record.material_code,
                            _P.page_no == record.page_no)
    )  # fmt: skip
    if have is not None:
        return False
    session.add(
        _P(case_id=case.id, material_code=record.material_code, page_no=record.page_no, image=image,
           width=record.width, height=record.height, captured_at=record.captured_at, clerk=record.clerk,
           compared=record.compared)
    )  # fmt: skip
    session.flush()
    return True
