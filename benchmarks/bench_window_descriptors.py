"""A hall desk's window through a clerk's morning of changes, under a login session's limit of open files.

The window's door started a thread for every operation and the transport kept a connection for each thread: a
clerk's morning of previews and drafts passed the usual limit of 1,024 open files, and the afternoon's intake failed
as "server away".  Here this process's limit is set to 1,024 (``RLIMIT_NOFILE``, as a login session has it), a real
``counter serve`` process (TLS, on a hall's SQLite file) answers a desk signed in as a clerk, and an intake panel on
that desk is driven from the window's running event loop through ``CHANGES`` answers that change the material list.
Each change has its preview's grounds read again from the server and its draft written there (the clerk's clock moved
past ``SERVER_EVERY_S``), so that every change crosses the network: two requests per change, from the runner's
workers, called back on the window's thread.  The open descriptors of the process are printed before and after.

- the goal: no change shows the server away (nor any other fault), nothing still reaching the server at the end;
- the descriptors the changes leave open: at most the transport's pool of connections (``POOL_SIZE``) more.

    .venv/bin/python benchmarks/bench_window_descriptors.py [--smoke]
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.bench_desk_calls import DESK_EIGHT, PASSWORD, hall_of_its_own
from benchmarks.goals import Verdicts, arguments
from counter.documents.outcome_preview import IntakePreview
from counter.service.intake import KEEP_DRAFT, PREVIEW_GROUNDS, READ_CURRENT_GUIDE
from counter.service.remote import POOL_SIZE
from counter.service.requests import BundleCode
from counter.ui.door.hall_desk import HallService
from counter.ui.door.runner import Runner
from counter.ui.intake import IntakePanel
from counter.ui.intake.draft_keeper import SERVER_EVERY_S
from tests.ui.intake.conftest import BUNDLE
from tests.ui.intake.deferred_intake import Clock, Counted
from tests.ui.intake.helpers import answer, fill_person

#: a login session's usual limit of open files, which the window leaking a connection per operation passed
OPEN_FILES = 1024
CHANGES = 1200
SMOKE_CHANGES = 120
#: the answer changed back and forth: a signboard (招牌) adds its materials to the list, and takes them off again
SITUATION = "signboard"
#: the longest one change may take, answered: a change still in flight then is a hang, not a slow server
CHANGE_LIMIT_S = 30.0


def descriptors() -> int:
    """This process's open file descriptors."""
    return len(os.listdir("/proc/self/fd"))


def limit_open_files() -> int:
    """The soft limit of open files set to a login session's (never above the hard limit); the limit now."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    soft = OPEN_FILES if hard == resource.RLIM_INFINITY else min(OPEN_FILES, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


class Morning:
    """The panel driven through ``changes`` answers from the running event loop, one after the other has answered."""

    def __init__(self, panel: IntakePanel, runner: Runner, clock: Clock, changes: int) -> None:
        self.panel, self.runner, self.clock, self.left = panel, runner, clock, changes
        self.problems: list[str] = []  # what the window said instead of an outcome, or of a kept draft
        self.reaching = 0  # times the window said it was still reaching the server
        self.done = 0
        self._changed = False  # the change is made, the clerk's pause after it not yet
        self.loop = QEventLoop()
        self._since = time.monotonic()
        show = panel.show_preview

        def seen(shown: IntakePreview | None, problem: str) -> None:
            if problem:
                self.problems.append(problem)
            show(shown, problem)

        panel.show_preview = seen  # type: ignore[method-assign]
        panel.drafts.failed.connect(self.problems.append)
        runner.reaching.connect(self._reached)

    def _reached(self) -> None:
        self.reaching += 1

    def run(self) -> None:
        QTimer.singleShot(0, self._next)
        self.loop.exec()

    def _next(self) -> None:
        panel = self.panel
        if panel.preview.in_flight or self.runner.running:
            if time.monotonic() - self._since > CHANGE_LIMIT_S:
                self.problems.append(f"change {self.done} unanswered after {CHANGE_LIMIT_S:.0f} s")
                self.loop.quit()
                return
            QTimer.singleShot(1, self._next)
            return
        self._since = time.monotonic()
        if self._changed:  # the clerk pauses once the change is shown: long enough for the server's copy of the draft
            self._changed = False
            self.clock.now += SERVER_EVERY_S
            panel.drafts.pause()
        elif self.left == 0:
            self.loop.quit()
            return
        else:
            self.left -= 1
            self.done += 1
            self._changed = True
            panel.preview.reread()  # its grounds read again from the server, as after a setting changed at the hall
            option = "yes" if self.done % 2 else "no"
            panel.situations.option_button(SITUATION, option).click()  # a change of the list: previewed
        QTimer.singleShot(0, self._next)


def morning_at_the_hall(changes: int) -> tuple[Morning, Counted, int, int, float]:
    """The morning driven at a hall server of its own; the descriptors before and after, and its seconds."""
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with hall_of_its_own(folder) as server:
            remote = server.desk("8", "clerk1", PASSWORD)
            desk = DESK_EIGHT
            counted = Counted(HallService(remote))
            guide = counted.service.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), desk)
            assert guide is not None, BUNDLE
            runner = Runner(counted)
            panel = IntakePanel(runner, desk, guide, dt.date.today, "")
            panel.show()
            panel.drafts.clock = clock = Clock()
            fill_person(panel)
            answer(panel)
            app.processEvents()
            before = descriptors()
            counted.asked.clear()
            started = time.perf_counter()
            morning = Morning(panel, runner, clock, changes)
            morning.run()
            took = time.perf_counter() - started
            after = descriptors()
            panel.close_keeping_draft()
            panel.deleteLater()
            app.processEvents()
            remote.close()
            server.close_remotes()
    return morning, counted, before, after, took


def main() -> None:
    parser = arguments(__doc__)
    smoke = parser.parse_args().smoke
    verdicts = Verdicts(smoke=smoke)
    changes = SMOKE_CHANGES if smoke else CHANGES
    limit = limit_open_files()
    morning, counted, before, after, took = morning_at_the_hall(changes)
    asked = counted.asked
    print(f"open files limit {limit}; {morning.done} changes in {took:.1f} s; asked {dict(sorted(asked.items()))}")
    print(f"open descriptors: {before} before the changes, {after} after")
    for problem in morning.problems[:5]:
        print(f"said: {problem}")
    verdicts.record("requests of the changes", sum(asked.values()), unit="requests")
    verdicts.at_least("changes whose grounds were read at the server", asked[PREVIEW_GROUNDS.name], changes, "reads")
    verdicts.at_least("changes whose draft was written at the server", asked[KEEP_DRAFT.name], changes, "writes")
    verdicts.at_most("changes that showed the server away or a fault", len(morning.problems), 0, unit="changes")
    verdicts.at_most("times the window said it was still reaching the server", morning.reaching, 0, unit="times")
    verdicts.at_most("descriptors the changes left open", after - before, POOL_SIZE, unit="descriptors")
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
