"""Pictures of the review pad in each state, at the small pad panel and a monitor's size.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.pad.pictures [--out docs/screenshots]

Drawn offscreen with the shipped font (``widget.grab()``): idle, rating, the
reasons of a bad rating (two chosen; a touch pad has no line of text), thanks;
the reasons where the applicant has a keyboard (a line typed), and the strip of a
one-screen desk; then the supervisor's 督办 and 统计 pages on the demo's cases,
two of them rated bad, one of those revisited and overdue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.catalog.imports import import_source
from counter.actions.ratings.follow_up import move_rectification
from counter.actions.ratings.record import record_rating, record_unrated, send_to_pad
from counter.actions.site.demo import run_demo
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.recorded import RatingRecorded
from counter.ratings.rectification import RectEvent
from counter.ratings.views import PadCase
from counter.ui.look.fonts import install_fonts
from counter.ui.pad.figures_page import FiguresPage
from counter.ui.pad.pad_window import PadIdle, PadWindow
from counter.ui.pad.strip import PadStrip
from counter.ui.pad.supervision import RectificationPage
from tests.conftest import SHIPPED_CATALOG
from tests.ratings.conftest import CHINA, DESK, TODAY, Clock, supervisor_for_a_while
from tests.ui.runners import runner_on

REPO = Path(__file__).resolve().parents[3]
SIZES = {"small": (800, 480), "large": (1280, 800)}
STATES = ("idle", "rating", "reasons", "thanks")
IDLE = PadIdle(
    office="兴安盟政务服务中心",
    desk_no="8",
    clerk="乌兰",
    staff_no="XA0815",
    photo="",
    notice="一件事一次办，办事更省心。\n今天下午15:00-16:00系统升级，不动产登记暂停受理，请您谅解。",
)
CASE = PadCase(
    request_id=1,
    case_no="XAM01-20261120-8-0001",
    round=1,
    office="兴安盟政务服务中心",
    desk_no="8",
    clerk="乌兰",
    staff_no="XA0815",
    photo="",
    bundle_name="我要开小餐馆（50平方米以下）",
    rater_masked="张**",
    # the national 测评内容 first, then the hall's own (counter.ratings.pad_reasons)
    reasons=(
        "服务效率",
        "服务水平",
        "服务态度",
        "办理时间长",
        "服务态度差",
        "办理环境差",
        "流程太复杂",
        "等待时间长",
        "其他",
    ),
    timeout_seconds=60,
)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def draw(out: Path) -> list[Path]:
    """Every state at every size; the files written, named ``pad-STATE-SIZE.png``."""
    written = []
    for size_name, size in SIZES.items():
        pad = PadWindow()
        pad.resize(*size)
        pad.show()
        for state in STATES:
            if state == "idle":
                pad.show_idle(IDLE)
            elif state == "rating":
                pad.show_case(CASE)
            elif state == "reasons":
                pad.show_case(CASE)
                pad.on_face_clicked(Level.DISSATISFIED)
                pad.reason_buttons[0].setChecked(True)
                pad.reason_buttons[4].setChecked(True)
            else:
                pad.show_thanks(bad=False)
            _settle()
            path = out / f"pad-{state}-{size_name}.png"
            pad.grab().save(str(path))
            written.append(path)
        pad.close()
        pad.deleteLater()
    return written


def draw_extras(out: Path) -> list[Path]:
    """The reasons with a keyboard at the pad, and the strip; the files written."""
    pad = PadWindow(keyboard=True)
    pad.resize(*SIZES["small"])
    pad.show()
    pad.show_case(CASE)
    pad.on_face_clicked(Level.DISSATISFIED)
    pad.reason_buttons[4].setChecked(True)
    pad.comment.setText("取号后等了四十分钟")
    strip = PadStrip()
    strip.show()
    written = []
    for widget, name in ((pad, "pad-reasons-keyboard.png"), (strip, "pad-strip.png")):
        _settle()
        widget.grab().save(str(out / name))
        written.append(out / name)
        widget.close()
        widget.deleteLater()
    return written


def draw_pages(out: Path, folder: Path) -> list[Path]:
    """The 督办 and 统计 pages on a database built in ``folder``; the files written."""
    clock = Clock(dt.datetime(2026, 11, 20, 10, 30, tzinfo=CHINA))
    engine = make_engine(f"sqlite:///{folder / 'pictures.sqlite3'}")
    upgrade(engine)
    sessions = make_sessions(engine)
    import_source(sessions, SHIPPED_CATALOG)
    made = {c.label: c.case_no for c in run_demo(sessions, Desk(DeskIdentity("XAM01", "8"), "乌兰"), TODAY)}

    def rate(label: str, choice: RatingChoice) -> RatingRecorded:
        with sessions.begin() as session:
            pad = send_to_pad(session, made[label], DESK, clock())
            return record_rating(session, pad.request_id, choice, DESK, clock(), office_calendar(session))

    first = rate("撤回申请", RatingChoice(Level.DISSATISFIED, ("等待时间长",)))
    clock.advance(days=3)
    rate("受理", RatingChoice(Level.VERY_DISSATISFIED, ("服务态度差", "其他"), "工作人员态度生硬，没有一次说清楚"))
    with sessions.begin() as session:
        pad = send_to_pad(session, made["容缺受理"], DESK, clock())
        record_unrated(session, pad.request_id, DESK, clock())
    clock.advance(days=5)
    assert first.alert is not None
    with supervisor_for_a_while(sessions) as baoyin, sessions.begin() as session:
        move_rectification(session, first.alert.rectification_id, RectEvent.REVISITED, "宝音",
                           "已电话回访，申请人反映取号后等候40分钟", clock(), desk=baoyin)  # fmt: skip
    page = RectificationPage(runner_on(sessions), "宝音", clock=clock)
    page.resize(1200, 760)
    page.show()
    page.on_refresh()
    page.table.selectRow(1)
    figures = FiguresPage(runner_on(sessions), clock=clock)
    figures.resize(1000, 360)
    figures.show()
    figures.grouping.setCurrentIndex(1)  # by desk
    written = []
    for widget, name in ((page, "pad-supervision.png"), (figures, "pad-figures.png")):
        _settle()
        widget.grab().save(str(out / name))
        written.append(out / name)
        widget.close()
    engine.dispose()
    return written


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    install_fonts(app, REPO / "counter" / "resources" / "fonts")
    with tempfile.TemporaryDirectory() as folder:
        for path in [*draw(Path(args.out)), *draw_extras(Path(args.out)), *draw_pages(Path(args.out), Path(folder))]:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
