"""One desk machine of a hall served by ``counter serve``: intakes taken through the server for a fixed time.

Runs as a process of its own, as a desk machine does, with nothing but the server's address, the hall's CA file, its
own desk key and an account's login and password (no database URL, no database library asked)::

    python -m benchmarks.server_desk ROOT CA_FILE DESK_NO MACHINE SECONDS [PACE] < (login, password, desk key: ...)

The secrets come on stdin, as nothing a process list shows.  It signs in through
:class:`counter.service.remote.Remote`, reads the guide of 我要开小餐馆 as the intake opens it
(``intake.read_current_guide``), prints ``ready`` and waits for a line on stdin, so that every desk starts at once.
Then, until ``SECONDS`` have passed, each intake is what the window asks of the server: the grounds its preview is
decided from on the desk (``intake.preview_grounds``, read once as the intake opens) and the commit
(``intake.take_intake``, its ``uid`` made once per intake, its idempotency key kept for every asking of it); a bare
request (``site.ping``: the session found, one statement) is timed before each, the floor of a round trip under the same
load.

When the server cannot be reached (:class:`counter.service.remote.ServerUnreachable`, after the transport's own
retries), the intake stays with the desk and is asked again with the same uid and key until the server answers, as
the window's draft commits once the server is back: such an intake counts as ``waited``, not as an error, and its
time is kept apart.  At the end it prints one JSON line (:class:`DeskRun`).

``PACE`` (seconds, 0 when not given): an intake is begun at most every ``PACE`` seconds, the first at a random
moment within the first ``PACE`` (the desks do not march in step); 0 takes intakes flat out, which measures what the
server can take at all rather than what a clerk waits.
"""

from __future__ import annotations

import json
import logging
import random
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from counter.case.intake_request import IntakeRequest
from counter.service.intake import PREVIEW_GROUNDS, READ_CURRENT_GUIDE, TAKE_INTAKE, GuideVersion, TakeIntake
from counter.service.local import new_key
from counter.service.remote import Remote, ServerUnreachable
from counter.service.requests import BundleCode, Nothing
from counter.service.site import PING

T = TypeVar("T")

#: the bundle every desk takes (counter.actions.site.demo.DEMO_BUNDLE, named here: the desk loads no action)
BUNDLE = "XAM-YJS-008"  # 我要开小餐馆（50平方米以下）
#: between two askings of an intake the server did not answer: a desk's reconnect probe is about as patient
AGAIN_S = 0.5


@dataclass
class DeskRun:
    desk_no: str
    cases: list[str] = field(default_factory=list)  # the numbers the server said were taken, in order
    uids: list[str] = field(default_factory=list)  # every intake's uid, answered or not
    take_ms: list[float] = field(default_factory=list)  # the commits answered at their first asking
    preview_ms: list[float] = field(default_factory=list)
    ping_ms: list[float] = field(default_factory=list)
    waited_ms: list[float] = field(default_factory=list)  # commits that waited for the server to come back
    outages: int = 0  # times the transport gave up (ServerUnreachable) and the desk asked again
    resent: int = 0  # requests the transport itself sent again, their answer lost (its log's "asked again")
    errors: list[str] = field(default_factory=list)  # anything else the server answered: each is an intake lost


class _Resent(logging.Handler):
    """Counts the transport's own second askings (counter.service.remote logs each)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "asked again" in record.getMessage()


def main() -> None:
    resent = _Resent()
    transport = logging.getLogger("counter.service.remote")
    transport.setLevel(logging.INFO)
    transport.addHandler(resent)
    root, ca_file, desk_no, machine, seconds = sys.argv[1:6]
    pace = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
    login, password, desk_key = (sys.stdin.readline().rstrip("\n") for _ in range(3))
    from counter.actions.site.demo import complete_checklist, fresh_checklist  # the form as a clerk fills it
    from tests.db.hall_worker import applicant

    remote = Remote(root, Path(ca_file))
    signed = remote.sign_in(login, password, desk_no, desk_key)
    if not signed.result.signed_in:
        raise SystemExit(f"desk {desk_no}: sign-in refused: {signed}")
    stored = remote.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE))
    assert stored is not None, f"{BUNDLE} is not in the hall's catalog"
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    version = checklist.guide_version
    assert version is not None, "a fresh checklist names its guide version"
    run = DeskRun(desk_no)
    print("ready", flush=True)
    sys.stdin.readline()
    end = time.monotonic() + float(seconds)
    next_start = time.monotonic() + random.uniform(0, pace)
    n = 0
    while time.monotonic() < end:
        if pace:
            time.sleep(max(0.0, next_start - time.monotonic()))
            next_start += pace
            if time.monotonic() >= end:
                break
        run.ping_ms.append(_timed(run, partial(remote.call, PING, Nothing()))[1])
        request = IntakeRequest(checklist, applicant(int(machine), n), uid=new_key())
        run.uids.append(request.uid)
        n += 1
        run.preview_ms.append(_timed(run, partial(remote.call, PREVIEW_GROUNDS, GuideVersion(int(version))))[1])
        key = new_key()  # one intake, one key: every asking below is the same write
        outages = run.outages
        try:
            taken, ms = _timed(run, partial(remote.call, TAKE_INTAKE, TakeIntake(request), key=key))
        except Exception as err:  # an intake the server refused or failed: lost to the clerk, counted
            run.errors.append(f"{type(err).__name__}: {err}")
            continue
        run.cases.append(taken.case_no)
        (run.take_ms if run.outages == outages else run.waited_ms).append(ms)
    remote.sign_out()
    remote.close()
    run.resent = resent.count
    print(json.dumps(asdict(run)), flush=True)


def _timed(run: DeskRun, ask: Callable[[], T]) -> tuple[T, float]:
    """``ask``'s answer and its time in ms, asked again while the server cannot be reached."""
    start = time.perf_counter()
    while True:
        try:
            answer = ask()
        except ServerUnreachable:
            run.outages += 1
            time.sleep(AGAIN_S)
            continue
        return answer, (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    main()
