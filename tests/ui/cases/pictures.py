"""Pictures of the case windows on the cases of :mod:`casebook`, for the docs and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.cases.pictures [--out docs/screenshots]

Drawn offscreen with the shipped font (``widget.grab()``): the page of a
deferral one day overdue, as a supervisor finds it; the same page with the
extension form filled in; and the lists the same day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.orm import Session, sessionmaker

from counter.case.status import CaseEvent
from counter.db.engine import make_engine, make_sessions
from counter.ui.cases.case_lists import CaseLists
from counter.ui.cases.case_page import CasePage
from counter.ui.look.fonts import install_fonts
from tests.ui.cases.casebook import REPO, SUPERVISOR, Casebook, build
from tests.ui.runners import runner_on

PICTURE_DAY = dt.date(2026, 11, 24)  # the 2026-11-18 deferral is overdue, the 2026-11-20 one due tomorrow
PAGE_SIZE = (1120, 860)
LISTS_SIZE = (1000, 420)


def _settle(widget: QWidget) -> None:
    widget.show()
    for _ in range(3):
        QApplication.processEvents()


def case_page_picture(sessions: sessionmaker[Session], book: Casebook, path: Path) -> CasePage:
    page = CasePage(runner_on(sessions, lambda: PICTURE_DAY), SUPERVISOR, lambda: PICTURE_DAY, book.awaiting_earlier)
    page.reload()
    page.resize(*PAGE_SIZE)
    _settle(page)
    page.grab().save(str(path))
    return page


def decision_picture(sessions: sessionmaker[Session], book: Casebook, path: Path) -> CasePage:
    page = CasePage(runner_on(sessions, lambda: PICTURE_DAY), SUPERVISOR, lambda: PICTURE_DAY, book.awaiting_earlier)
    page.reload()
    page.resize(*PAGE_SIZE)
    _settle(page)
    page.action_buttons[CaseEvent.DEFERRAL_EXTENDED].click()
    page.form.reason.setText("申请人住院治疗，健康证明须出院后办理（附住院证明）")
    _settle(page)
    page.grab().save(str(path))
    return page


def case_lists_picture(sessions: sessionmaker[Session], path: Path) -> CaseLists:
    lists = CaseLists(runner_on(sessions, lambda: PICTURE_DAY), SUPERVISOR, lambda: PICTURE_DAY)
    lists.resize(*LISTS_SIZE)
    lists.refresh()
    lists.tabs.setCurrentIndex(1)
    _settle(lists)
    lists.grab().save(str(path))
    return lists


def draw(out: Path, work: Path) -> list[Path]:
    database = work / "cases.sqlite3"
    book = build(database)
    engine = make_engine(f"sqlite:///{database}")
    try:
        sessions = make_sessions(engine)
        paths = [out / "case-page.png", out / "case-page-decision.png", out / "case-lists.png"]
        case_page_picture(sessions, book, paths[0]).close()
        decision_picture(sessions, book, paths[1]).close()
        case_lists_picture(sessions, paths[2]).close()
    finally:
        engine.dispose()
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(["counter"])
    install_fonts(app, REPO / "counter" / "resources" / "fonts")
    with tempfile.TemporaryDirectory(prefix="counter-case-pictures-") as tmp:
        for path in draw(args.out, Path(tmp)):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
