"""What the printing tests share: the desk, the day, reading a PDF back, waiting for jobs."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2
from PySide6.QtGui import QImage
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.service.documents import MAKE_CASE_PAPERS, CasePapers

if TYPE_CHECKING:
    from counter.ui.door.runner import Runner
    from counter.ui.printing.preview_window import PreviewWindow

DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")
TODAY = dt.date(2026, 11, 20)  # a Friday, the demo's day


def case_papers(
    runner: Runner, desk: Desk, case_no: str, kinds: tuple[DocumentKind, ...], item_code: str = ""
) -> tuple[MadeDocument, ...]:
    """The notices ``kinds`` of a case as the printing windows are handed them: made by the service the runner
    calls, for a test that needs only the paper, not the window's wait for it."""
    return runner.service.call(MAKE_CASE_PAPERS, CasePapers(case_no, kinds, item_code), desk)


def page_counts(window: PreviewWindow) -> list[int]:
    """The pages the preview shows of each of its documents, tab by tab."""
    return [view.page_count() for view in window.views]


def pdf_pages(pdf: bytes) -> int:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def pdf_text(pdf: bytes) -> str:
    """Every page's text, as PDFium reads it."""
    document = pypdfium2.PdfDocument(pdf)
    texts = []
    try:
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            texts.append(text_page.get_text_range())
            text_page.close()
            page.close()
    finally:
        document.close()
    return "\n".join(texts)


def ink(image: QImage) -> float:
    """The share of pixels darker than mid-grey: 0 for a blank page."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    pixels = bytes(grey.constBits())
    dark = sum(1 for y in range(height) for value in pixels[y * stride : y * stride + width] if value < 128)
    return dark / (width * height)


def wait_for_jobs(folder: Path, count: int, timeout: float = 20.0) -> list[bytes]:
    """The bytes of the first ``count`` jobs of a queue, in the order CUPS numbered them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = sorted(folder.glob("job-*.pdf"), key=lambda p: int(p.stem.split("-")[1]))
        if len(jobs) >= count:
            return [job.read_bytes() for job in jobs[:count]]
        time.sleep(0.05)  # polling a folder the CUPS backend writes; there is no signal to wait on
    raise AssertionError(f"{count} jobs did not arrive in {folder}")


def print_records(sessions: sessionmaker[Session], document_id: int) -> list[tuple[bool, str, str, str]]:
    """(ok, target, error, content hash) of every print of a document, oldest first."""
    with sessions() as session:
        rows = session.scalars(
            select(models.PrintRecord)
            .where(models.PrintRecord.document_id == document_id)
            .order_by(models.PrintRecord.id)
        )
        return [(r.ok, r.target, r.error, r.content_hash) for r in rows]
