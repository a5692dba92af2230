"""Pictures of the 帮您办 window and of F8's 帮您办 tab, for the docs and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.projects.pictures [--out docs/screenshots] [--size 1366x768]

Drawn offscreen with the shipped font (``widget.grab()``) on three projects: the sample food park planned and one
approval overdue, a wind farm just registered, and a third accepted and waiting for its signing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from counter.actions.projects.project_steps import (
    accept_project,
    assign_agents,
    file_step,
    plan_project,
    record_coordination,
    register_project,
    sign_project,
    step_done,
)
from counter.actions.site.store import Store
from counter.projects.model import Coordination, ProjectClass
from counter.ui.door.runner import Runner
from counter.ui.look.fonts import install_fonts
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.ui.projects.window import ProjectsWindow
from tests.projects.samples import FACTS, OTHER, plan
from tests.ui.projects.conftest import DESK, START, Clock
from tests.ui.runners import runner_for, store_of

REPO = Path(__file__).resolve().parents[3]
THIRD = OTHER.__class__(
    name="阿尔山市文旅康养综合体",
    investor="阿尔山市林海文旅发展有限公司",
    location="阿尔山市温泉街",
    county="阿尔山市",
    investment=56_000,
    classes=frozenset({ProjectClass.INVESTMENT}),
    requested=(2, 10),
)


def _settle(widget: QWidget) -> None:
    widget.show()
    for _ in range(3):
        QApplication.processEvents()


def serve(runner: Runner, clock: Clock) -> str:
    now = clock()
    late = START + dt.timedelta(days=20)

    def act(session: object) -> str:
        number = register_project(session, DESK, FACTS, START, now)  # type: ignore[arg-type]
        accept_project(session, DESK, number, START, now)  # type: ignore[arg-type]
        assign_agents(session, DESK, number, ("乌云", "其其格"), now)  # type: ignore[arg-type]
        sign_project(session, DESK, number, START, START, now)  # type: ignore[arg-type]
        plan_project(session, DESK, number, plan(START), now)  # type: ignore[arg-type]
        file_step(session, DESK, number, 1, START + dt.timedelta(days=2), late, now)  # type: ignore[arg-type]
        step_done(session, DESK, number, 1, START + dt.timedelta(days=4), late, now, "兴发改备〔2026〕12号")  # type: ignore[arg-type]
        file_step(session, DESK, number, 2, START + dt.timedelta(days=6), late, now)  # type: ignore[arg-type]
        meeting = Coordination(
            START + dt.timedelta(days=8), "盟自然资源局", "用地预审会商", "补充选址论证后受理", "乌云"
        )
        record_coordination(session, DESK, number, meeting, late, now)  # type: ignore[arg-type]
        other = register_project(session, DESK, OTHER, START, now)  # type: ignore[arg-type]
        third = register_project(session, DESK, THIRD, START, now)  # type: ignore[arg-type]
        accept_project(session, DESK, third, START, now)  # type: ignore[arg-type]
        assign_agents(session, DESK, third, ("包海龙",), now)  # type: ignore[arg-type]
        del other
        return number

    return store_of(runner).write(act)


def draw(out: Path, work: Path, size: tuple[int, int], suffix: str, extra: bool = False) -> list[Path]:
    store = Store(f"sqlite:///{work / 'projects.sqlite3'}", create=True)
    runner = runner_for(store)
    clock = Clock(START)
    number = serve(runner, clock)
    clock.day = dt.date(2026, 10, 23)  # the land stage's two approvals past their dates
    paths = [out / f"projects-day{suffix}.png", out / f"projects-page{suffix}.png",
             out / f"supervision-projects{suffix}.png"]  # fmt: skip
    window = ProjectsWindow(runner, DESK, clock)
    window.resize(*size)
    window.refresh()
    _settle(window)
    window.grab().save(str(paths[0]))
    window.on_project_chosen(number)
    _settle(window)
    window.grab().save(str(paths[1]))
    if extra:  # for review only: the plan editor and a move's form open, the register form
        from counter.projects.model import ProjectEvent

        window.page.move_buttons[ProjectEvent.PLANNED].click()
        _settle(window)
        window.grab().save(str(out / f"projects-plan{suffix}.png"))
        window.page.move_buttons[ProjectEvent.COORDINATED].click()
        window.page.form.confirm_button.click()
        _settle(window)
        window.grab().save(str(out / f"projects-move{suffix}.png"))
        window.setCurrentWidget(window.register)
        _settle(window)
        window.grab().save(str(out / f"projects-register{suffix}.png"))
        window.register.on_save()  # nothing filled in: each box at fault marked
        _settle(window)
        window.grab().save(str(out / f"projects-register-marked{suffix}.png"))
    window.close()
    supervision = SupervisorWindow(runner, "其其格", clock=clock)
    supervision.resize(*size)
    supervision.refresh()
    supervision.setCurrentWidget(supervision.projects)
    _settle(supervision)
    supervision.grab().save(str(paths[2]))
    supervision.close()
    store.dispose()
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--suffix", default="")
    parser.add_argument("--extra", action="store_true", help="also the plan editor, a move's form, the register form")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(["counter"])
    install_fonts(app, REPO / "counter" / "resources" / "fonts")
    with tempfile.TemporaryDirectory(prefix="counter-project-pictures-") as tmp:
        for path in draw(args.out, Path(tmp), (width, height), args.suffix, args.extra):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
