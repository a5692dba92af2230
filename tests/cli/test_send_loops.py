"""The senders as a service runs them: ``counter messages send`` without ``--once``, a process of its own passing
every half second until SIGTERM, against a local gateway playing the hall's; ``counter platform send`` the same
against a local platform.

Each pass sends what is due; the day's 容缺 reminders are queued at the day's first pass only (a deferral taken later
that day is reminded the next day); SIGTERM stops the loop between passes, and the command says it stopped, counts
what it sent in all and ends 0.  The database is made as the window makes it: the bundled catalog, the gateway set
by ``counter site sms``, the cases taken by the intake's own action.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.db.engine import make_engine, make_sessions
from counter.words.messages import MESSAGES_SENT, MESSAGES_STOPPING
from counter.words.platform import PLATFORM_SENT, PLATFORM_STOPPING
from tests.codings import CHOSEN, confirm_guides_at
from tests.conftest import made_database
from tests.deferrals_due import due_of, intake_day_reminded_on, outbox, take_deferral
from tests.platform_stub import SECRET as PLATFORM_SECRET
from tests.platform_stub import running_platform
from tests.sms_gateway import SECRET, Gateway, running_gateway
from tests.test_cli import run
from tests.test_cli_items import accepted_case

pytestmark = pytest.mark.program

WAIT_S = 60.0  # the longest a loaded machine may take to start the sender and send; a hang fails here


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    with running_gateway() as gateway:
        yield gateway


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, gateway: Gateway) -> str:
    """A hall's database with the gateway set, as ``counter site sms`` sets it."""
    url = made_database(tmp_path / "hall.sqlite3")
    monkeypatch.setenv("COUNTER_SMS_SECRET", SECRET)
    code, _, err = run(capsys, "site", "sms", "--endpoint", gateway.url, "--account", "hall", "--secret-from-env",
                       "--db", url)  # fmt: skip
    assert code == 0, err
    return url


@pytest.fixture
def sessions(db: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(db)
    yield make_sessions(engine)
    engine.dispose()


def wait_for(what: Callable[[], bool], sender: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not what():
        if sender.poll() is not None:
            raise AssertionError(f"the sender ended on its own: {sender.communicate()}")
        if time.monotonic() > deadline:
            sender.kill()
            raise AssertionError(f"the sender did not get there in {WAIT_S:.0f} s: {sender.communicate()}")
        time.sleep(0.05)


def start_sender(
    db: str, *before: str, channel: str = "messages", env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    """``counter CHANNEL send --interval 0.5`` on ``db``, in a process of its own, with this test's data folders and
    its trust in the gateway's CA (``SSL_CERT_FILE``); ``before``: options given before the command."""
    command = [sys.executable, "-m", "counter", *before, channel, "send", "--interval", "0.5", "--db", db]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or dict(os.environ)
    )


def stop(sender: subprocess.Popen[str]) -> tuple[int, list[str], str]:
    """SIGTERM, as systemd stops a service: its status, the lines it printed, what it wrote to stderr."""
    sender.send_signal(signal.SIGTERM)
    try:
        out, err = sender.communicate(timeout=WAIT_S)
    except subprocess.TimeoutExpired:
        sender.kill()
        raise
    return sender.returncode, out.splitlines(), err


def test_each_pass_sends_what_is_due_the_days_reminders_once_and_sigterm_ends_it_0(
    db: str, sessions: sessionmaker[Session], gateway: Gateway, tmp_path: Path
) -> None:
    today = dt.date.today()
    taken_on = intake_day_reminded_on(today, tmp_path / "trial.sqlite3")
    first = take_deferral(sessions, taken_on)
    sender = start_sender(db)
    try:
        # its first pass: the acceptance, and the reminder it queued of the deferral due within two working days
        wait_for(lambda: len(gateway.delivered) >= 2, sender)
        second = take_deferral(sessions, taken_on)  # due as soon, taken after the day's reminders were queued
        wait_for(lambda: len(gateway.delivered) >= 3, sender)  # a later pass: its acceptance
        time.sleep(1.2)  # two more passes at least: the reminders are not asked again the same day
    finally:
        status, lines, err = stop(sender)
    assert (status, lines) == (0, [MESSAGES_STOPPING, MESSAGES_SENT.format(sent=3, waiting=0, failed=0)]), err
    assert "Traceback" not in err
    assert outbox(sessions) == [
        (first, "accepted", "sent"),
        (first, "deferral_due", "sent"),
        (second, "accepted", "sent"),
    ]  # the second deferral's reminder waits for the next day's first pass
    contents = [request["content"] for request in gateway.requests]
    due = due_of(sessions, first)
    assert [first in text for text in contents] == [True, True, False]
    assert f"{due.month}月{due.day}日前补交" in contents[1]
    assert second in contents[2]
    assert gateway.bad_signatures == 0


#: from the sender's start to its machine's midnight: its start, a first pass and a case taken (under a second here,
#: alone), with room for a loaded machine
MIDNIGHT_LEAD_S = 5


def zone_to_midnight(now: dt.datetime, lead_s: int) -> str:
    """A time zone (``TZ``, POSIX: the sign is the opposite of the offset's) in which the UTC moment ``now`` is
    ``lead_s`` seconds before the midnight that ends ``now``'s UTC day: a process started with it sees its machine's
    date turn over that soon after, as a sender running for days does every night."""
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    offset = round((midnight - now).total_seconds()) - lead_s  # local time = UTC + offset
    hours, rest = divmod(abs(offset), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"XMN{'-' if offset >= 0 else '+'}{hours:02d}:{minutes:02d}:{seconds:02d}"


def test_the_reminders_are_queued_again_when_the_services_day_turns_over_and_only_then(
    db: str, sessions: sessionmaker[Session], gateway: Gateway, tmp_path: Path
) -> None:
    """The machine's date turns over while the sender runs: its first pass of the new day queues the new day's
    reminders, and the deferral taken after the old day's first pass is reminded."""
    now = dt.datetime.now(dt.UTC)
    day = now.date()  # the sender's day until its midnight
    taken_on = intake_day_reminded_on(day, tmp_path / "trial.sqlite3")
    first = take_deferral(sessions, taken_on)
    env = dict(os.environ, TZ=zone_to_midnight(now, MIDNIGHT_LEAD_S))
    midnight = time.monotonic() + MIDNIGHT_LEAD_S - (dt.datetime.now(dt.UTC) - now).total_seconds()
    sender = start_sender(db, env=env)
    try:
        wait_for(lambda: len(gateway.delivered) >= 2, sender)  # the first pass: the acceptance and the reminder
        second = take_deferral(sessions, taken_on)
        assert time.monotonic() < midnight - 0.5, "the sender's start took the whole day: a longer lead is needed"
        wait_for(lambda: len(gateway.delivered) >= 4 and time.monotonic() > midnight + 1.2, sender)
    finally:
        status, lines, err = stop(sender)
    assert (status, lines) == (0, [MESSAGES_STOPPING, MESSAGES_SENT.format(sent=4, waiting=0, failed=0)]), err
    reminders = [case_no for case_no, kind, state in outbox(sessions) if kind == "deferral_due" and state == "sent"]
    assert reminders == [first, second]


@pytest.mark.parametrize(
    "command",
    [("messages", "send", "--once"), ("messages", "remind"), ("platform", "send", "--once"),
     ("front-store", "send", "--once")],
    ids=" ".join,
)  # fmt: skip
def test_a_sender_given_a_pretend_day_is_refused_before_anything_is_queued_or_sent(
    db: str, sessions: sessionmaker[Session], gateway: Gateway, capsys: pytest.CaptureFixture[str],
    command: tuple[str, ...],
) -> None:  # fmt: skip
    """``--today`` on a database with a gateway (a training database has none): the reminders would be those of a
    pretend day, texted to real applicants.  Refused in Chinese, exit 1, nothing queued, nothing sent."""
    take_deferral(sessions, dt.date.today())
    queued = outbox(sessions)
    code, out, err = run(capsys, "--today", (dt.date.today() + dt.timedelta(days=3)).isoformat(), *command, "--db", db)
    assert (code, out) == (1, "")
    assert "短信和上报只在真实的日期发送，不能带 --today" in err
    assert outbox(sessions) == queued
    assert not gateway.delivered


def test_the_platforms_sender_reports_at_each_pass_what_is_due_until_sigterm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "hall.sqlite3")
    confirm_guides_at(db, "XAM-YJS-008")
    codings = [arg for name, preset in CHOSEN.items() for arg in ("--coding", f"{name}={preset}")]
    with running_platform() as platform:
        monkeypatch.setenv("COUNTER_PLATFORM_SECRET", PLATFORM_SECRET)
        code, _, err = run(
            capsys, "platform", "settings", "--on", "--endpoint", platform.url, "--account", "hall",
            "--secret-from-env", "--ca-file", platform.ca_file, *codings, "--db", db,
        )  # fmt: skip
        assert code == 0, err
        first = accepted_case(db)
        sender = start_sender(db, channel="platform")
        try:
            wait_for(lambda: len(platform.held) >= 1, sender)
            second = accepted_case(db)  # reported by a later pass
            wait_for(lambda: len(platform.held) >= 2, sender)
        finally:
            status, lines, err = stop(sender)
        assert (status, lines) == (0, [PLATFORM_STOPPING, PLATFORM_SENT.format(sent=2, waiting=0, failed=0)]), err
        assert [event["projid"] for event in platform.events()] == [first, second]
        assert platform.bad_signatures == 0
