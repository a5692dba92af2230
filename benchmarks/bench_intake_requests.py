"""The requests one 容缺 intake makes of a hall server, from the window, before and after the preview moved to the desk.

A hall desk's every request crosses the network: a handshake's worth of round trips on a poor line, a session checked
at the server.  The intake asked the server for the outcome preview at every answer, material row, deferral and
choice, and wrote the draft there 400 ms after every pause: before, one request per change plus one per pause.  Now
the preview reads its grounds once (``intake.preview_grounds``) and decides each change on the desk; the draft is kept
on the desk at each pause and at the server at most every ``SERVER_EVERY_S`` seconds.

Here a real ``counter serve`` process (TLS, on a hall's SQLite file) answers a desk signed in as a clerk, and an intake
panel on that desk is driven through a typical 容缺 intake of the shipped 小餐馆 guide: the person, the situations,
every material, two missing and deferred, the applicant's request, credit and pledge, the clerk pausing a second after
each step (a clock the benchmark moves), then the commit.  Every operation the desk asks is counted.

- before: what the same steps asked of the server as the intake asked it (the changes the panel previewed, the pauses,
  and the rest of what it asked: the person looked up, the commit), for the record;
- the budget: the preview read at most once, the draft written at most once per ``SERVER_EVERY_S`` of the intake's
  time and once at the first pause, the intake's requests at most those drafts and ``OTHERS_GOAL`` more;
- the floor: the requests an intake cannot go without (its grounds, the person looked up, the applicant's open
  cases, one draft, the commit).

    .venv/bin/python benchmarks/bench_intake_requests.py [--smoke]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from benchmarks.bench_desk_calls import DESK_EIGHT, PASSWORD, hall_of_its_own
from benchmarks.goals import Verdicts, arguments
from counter.access.desk import Desk
from counter.intake.outcome import Outcome
from counter.service.intake import KEEP_DRAFT, READ_CURRENT_GUIDE
from counter.service.requests import BundleCode
from counter.ui.door.hall_desk import HallService
from counter.ui.door.runner import Runner
from counter.ui.intake import IntakePanel
from counter.ui.intake.draft_keeper import SERVER_EVERY_S
from tests.ui.intake.conftest import BUNDLE
from tests.ui.intake.deferred_intake import Clock, Counted, deferred, previews

#: the requests of one 容缺 intake besides its drafts: its grounds, the person looked up, her open cases, the commit
OTHERS_GOAL = 4
FLOOR = OTHERS_GOAL + 1  # and one draft at the server
PAUSE_S = 1.0  # between two of the clerk's steps


def one_intake(counted: Counted, desk: Desk) -> tuple[int, int]:
    """The intake driven and committed; the changes the panel previewed and the clerk's pauses."""
    guide = counted.service.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), desk)
    assert guide is not None, BUNDLE
    counted.asked.clear()  # the intake's own requests, from its opening
    panel = IntakePanel(Runner(counted), desk, guide, dt.date.today, "")
    asked = 1  # the preview asked as the panel opened
    panel.show()
    clock = Clock()
    panel.drafts.clock = clock
    seen = panel.preview.ask

    def counting(applied: tuple[object, ...]) -> None:
        nonlocal asked
        asked += 1
        seen(applied)  # type: ignore[arg-type]

    panel.preview.ask = counting  # type: ignore[method-assign]
    pauses = 0

    def pause() -> None:
        nonlocal pauses
        pauses += 1
        clock.now += PAUSE_S
        assert panel.drafts.pause()

    deferred(panel, pause)
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.DEFER, panel.decision
    panel.commit()
    assert panel.taken is not None, counted.asked
    panel.close_keeping_draft()
    panel.deleteLater()
    return asked, pauses


def main() -> None:
    parser = arguments(__doc__)
    verdicts = Verdicts(smoke=parser.parse_args().smoke)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with hall_of_its_own(folder) as server:
            remote = server.desk("8", "clerk1", PASSWORD)
            desk = DESK_EIGHT
            counted = Counted(HallService(remote))
            changes, pauses = one_intake(counted, desk)
            app.processEvents()
            remote.close()
            server.close_remotes()
    asked = counted.asked
    previewed = previews(counted)
    drafts = asked[KEEP_DRAFT.name]
    others = sum(asked.values()) - previewed - drafts
    before = changes + pauses + others
    after = sum(asked.values())
    print(f"one 容缺 intake: {changes} changes previewed, {pauses} pauses; asked {dict(sorted(asked.items()))}")
    verdicts.record("requests before: one per change, one per pause, and the rest", before, unit="requests")
    verdicts.at_most("preview reads of the intake", previewed, 1, unit="requests")
    draft_goal = 1 + int(pauses * PAUSE_S // SERVER_EVERY_S)
    verdicts.at_most("draft writes at the server", drafts, draft_goal, unit="requests")
    verdicts.at_most("requests of the intake, after", after, OTHERS_GOAL + draft_goal, unit="requests", floor=FLOOR)
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
