"""A review pad as a device of its own, against a real ``counter serve``: registered with ``counter serve add-pad``
(its key shown once, kept as its hash), paired to a desk by a supervisor (recorded), and the one that answers the
requests of its desk: the desk's session, any account's and another pad's key are refused."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import String, cast, literal, select

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.pads import PadFound, PadProblem, PadRefused
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.cli.pads import pad_start_settings
from counter.db import models
from counter.host.keys.pad_key import pad_key_path
from counter.ratings.choice import RatingChoice
from counter.ratings.figures import Grouping
from counter.ratings.levels import Channel, Level
from counter.ratings.refusals import RatingRefused
from counter.ratings.status import DeskStatus, RequestState, SendRefusal
from counter.ratings.views import PadCase
from counter.server.secrets_hash import digest
from counter.service.admin import ADD_ACCOUNT
from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, TakeIntake
from counter.service.local import new_key, serve
from counter.service.pad_remote import PadRemote
from counter.service.pads import (
    FIND_PAD,
    LIST_PADS,
    PAIR_PAD,
    RETIRE_PAD,
    SHOWN_HEARD_S,
    PadKeyShown,
    PadName,
    PairPad,
)
from counter.service.ratings import (
    EXPORT_RECORDS,
    RATING_FIGURES,
    RECORD_RATING,
    RECORD_UNRATED,
    REQUEST_STATE,
    SEND_TO_PAD,
    Period,
    RatingFiguresAsked,
    RecordRating,
    RequestId,
)
from counter.service.remote import Remote
from counter.service.requests import BundleCode, CaseNo, Nothing
from counter.ui.door.runner import Runner
from counter.ui.pad.controller import PadController
from counter.ui.pad.device import PadDevice
from counter.ui.pad.pad_window import PadPage
from counter.ui.pad.words import DESK_RATING_PAD_AWAY, PAD_DEVICE_AWAY
from tests.conftest import made_database
from tests.pg_server import free_port
from tests.server.hall_server import HALL_PASSWORD, HallServer, add_pad, counter, hall_server
from tests.server.pad_client import pad_post

ADMIN = Desk(DeskIdentity("XAM01", "1"), "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))


@pytest.fixture(scope="module")
def pad_hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HallServer, str, dict[str, str]]]:
    """The server on a hall's file with desks 1 and 2, the clerks clerk1 and clerk2, the supervisor sup1, and the
    pads pad-1 and pad-2 registered (their keys in the env as PAD_KEY_<name>)."""
    folder = tmp_path_factory.mktemp("pads")
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(COUNTER_HOME=str(folder / "home"), COUNTER_STATE=str(folder / "state"))
    url = made_database(folder / "hall.sqlite3")
    service = serve(url)
    first = NewAccount("admin", "管理员", frozenset({Role.ADMIN}), HALL_PASSWORD)
    assert service.call(ADD_ACCOUNT, first, Desk(DeskIdentity("XAM01", "1"), "管理员")) == ()
    for login, name, role in (("clerk1", "巴特尔", Role.CLERK), ("clerk2", "乌兰", Role.CLERK),
                              ("sup1", "其其格", Role.SUPERVISOR)):  # fmt: skip
        roles = frozenset({role, Role.CLERK})
        assert service.call(ADD_ACCOUNT, NewAccount(login, name, roles, HALL_PASSWORD), ADMIN) == ()
    service.close()
    keys = {f"PAD_KEY_{name}": add_pad(url, name, env) for name in ("pad-1", "pad-2")}
    with hall_server(folder, url, ("1", "2"), env) as server:
        # the supervisor pairs pad-1 to desk 1 at the command line
        paired = counter("--user", "sup1", "pad", "pair", "pad-1", "--desk", "1", "--db", url,
                         env=env | {"COUNTER_PASSWORD": HALL_PASSWORD})  # fmt: skip
        assert paired.returncode == 0, paired.stderr
        assert "评价器 pad-1 已配对到1号窗口" in paired.stdout
        yield server, url, keys


def _found(url: str, key: str) -> PadFound | None:
    service = serve(url)
    try:
        return service.call(FIND_PAD, PadKeyShown(digest(key)))
    finally:
        service.close()


def test_add_pad_shows_its_key_once_and_keeps_only_its_hash(tmp_path: Path) -> None:
    url = made_database(tmp_path / "hall.sqlite3")
    env = dict(os.environ, COUNTER_HOME=str(tmp_path / "home"), COUNTER_STATE=str(tmp_path / "state"))
    key = add_pad(url, "pad-8", env)
    assert _found(url, key) == PadFound("pad-8", "")
    service = serve(url)
    with service.store.sessions().begin() as session:
        kept = session.scalars(select(models.HallPad.key_hash)).all()
    service.close()
    assert kept == [digest(key)]
    assert key not in kept
    again = add_pad(url, "pad-8", env)  # the device replaced under its name: the old key opens nothing
    assert again != key
    assert _found(url, key) is None
    assert _found(url, again) == PadFound("pad-8", "")
    refused = counter("serve", "add-pad", "--db", url, "pad 8", env=env)
    assert refused.returncode == 2
    assert "评价器名称" in refused.stderr
    assert refused.stdout == ""


def _pad_trail(url: str) -> list[tuple[str, str, dict[str, object]]]:
    service = serve(url)
    try:
        with service.store.sessions().begin() as session:
            entry = models.AuditEntry
            rows = session.execute(
                select(entry.actor, entry.subject, entry.detail).where(entry.subject.like("pad:%")).order_by(entry.id)
            ).all()
            return [(actor, subject, json.loads(detail)) for actor, subject, detail in rows]
    finally:
        service.close()


def test_pairing_replacing_and_retiring_a_pad_are_a_supervisors_recorded_acts(
    pad_hall: tuple[HallServer, str, dict[str, str]],
) -> None:
    server, url, keys = pad_hall
    clerk = server.desk("2", "clerk2", HALL_PASSWORD)
    with pytest.raises(NotPermitted):  # the clerk whose ratings the pad gives pairs none
        clerk.call(PAIR_PAD, PairPad("pad-2", "2"))
    supervisor = server.desk("2", "sup1", HALL_PASSWORD)
    with pytest.raises(PadRefused) as refused:
        supervisor.call(PAIR_PAD, PairPad("pad-9", "2"))
    assert refused.value.code is PadProblem.NO_PAD
    with pytest.raises(PadRefused) as refused:
        supervisor.call(PAIR_PAD, PairPad("pad-2", "7"))  # a desk the hall never registered
    assert refused.value.code is PadProblem.NO_DESK
    supervisor.call(PAIR_PAD, PairPad("pad-2", "2"))
    assert _found(url, keys["PAD_KEY_pad-2"]) == PadFound("pad-2", "2")
    spare = add_pad(url, "pad-spare", dict(os.environ, COUNTER_HOME=str(server.log.parent / "home")))
    supervisor.call(PAIR_PAD, PairPad("pad-spare", "2"))  # the desk's pad replaced
    assert _found(url, keys["PAD_KEY_pad-2"]) == PadFound("pad-2", "")
    assert _found(url, spare) == PadFound("pad-spare", "2")
    supervisor.call(RETIRE_PAD, PadName("pad-spare"))
    assert _found(url, spare) is None
    listed = counter("--user", "sup1", "pad", "list", "--json", "--db", url,
                     env=dict(os.environ, COUNTER_PASSWORD=HALL_PASSWORD))  # fmt: skip
    assert {"name": "pad-1", "desk_no": "1", "retired": False} in json.loads(listed.stdout), listed.stderr
    assert ("pad-spare", "", True) in [(p.name, p.desk_no, p.retired) for p in supervisor.call(LIST_PADS, Nothing())]
    with pytest.raises(PadRefused) as refused:
        supervisor.call(PAIR_PAD, PairPad("pad-spare", "2"))
    assert refused.value.code is PadProblem.RETIRED
    assert _pad_trail(url) == [
        ("sup1", "pad:pad-1", {"pad": "paired", "desk": "1", "from_desk": ""}),
        ("sup1", "pad:pad-2", {"pad": "paired", "desk": "2", "from_desk": ""}),
        ("sup1", "pad:pad-spare", {"pad": "paired", "desk": "2", "from_desk": "", "replaces": "pad-2"}),
        ("sup1", "pad:pad-spare", {"pad": "retired", "desk": "2"}),
    ]


def _taken(clerk: Remote) -> str:
    """An intake taken through the server as the window takes it: the case's number."""
    from counter.actions.site.demo import complete_checklist, fresh_checklist
    from counter.case.intake_request import IntakeRequest
    from tests.db.hall_worker import applicant

    stored = clerk.call(READ_CURRENT_GUIDE, BundleCode("XAM-YJS-008"))
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    request = IntakeRequest(checklist, applicant(7, int(new_key()[:6], 16)), uid=new_key())
    return str(clerk.call(TAKE_INTAKE, TakeIntake(request)).case_no)


def test_the_rated_clerks_session_any_account_and_another_pad_cannot_answer_a_pad_devices_request(
    pad_hall: tuple[HallServer, str, dict[str, str]],
) -> None:
    """Desk 1 has pad-1: clerk1's own session there, the supervisor's, and pad-2's key are each refused by name on
    the request clerk1 asked; none of them records a rating nor takes the applicant's one chance."""
    server, url, keys = pad_hall
    clerk = server.desk("1", "clerk1", HALL_PASSWORD)
    case_no = _taken(clerk)
    asked = clerk.call(SEND_TO_PAD, CaseNo(case_no))
    assert asked.pad_device == "pad-1"
    very = RatingChoice(Level.VERY_SATISFIED)
    supervisor = server.desk("1", "sup1", HALL_PASSWORD)
    for session in (clerk, supervisor):
        with pytest.raises(RatingRefused) as forged:
            session.call(RECORD_RATING, RecordRating(asked.request_id, very))
        assert forged.value.code is SendRefusal.PAD_DEVICE
        with pytest.raises(RatingRefused) as lapsed:
            session.call(RECORD_UNRATED, RequestId(asked.request_id))
        assert lapsed.value.code is SendRefusal.PAD_DEVICE
    other = keys["PAD_KEY_pad-2"]
    answer = {"request_id": asked.request_id, "choice": {"level": "very_satisfied"}}
    status, refused = pad_post(server, "/v1/pad/answer", other, answer)
    assert (status, refused["fault"], refused["values"]["code"]) == (422, "RatingRefused", "other_pad")
    status, refused = pad_post(server, "/v1/pad/unrated", other, {"request_id": asked.request_id})
    assert (status, refused["values"]["code"]) == (422, "other_pad")
    assert pad_post(server, "/v1/pad/next", other) == (204, None)  # nor is it shown there
    assert pad_post(server, "/v1/pad/answer", "not-a-pad-key", answer) == (401, {"refused": "unknown"})
    assert _ratings_of(url, case_no) == []
    with pytest.raises(RatingRefused) as busy:  # the pad shows one request at a time
        clerk.call(SEND_TO_PAD, CaseNo(_taken(clerk)))
    assert (busy.value.code, busy.value.case_no) == (SendRefusal.PENDING, case_no)
    # the applicant walked away: the pad's own time ran out, under its key
    assert pad_post(server, "/v1/pad/unrated", keys["PAD_KEY_pad-1"], {"request_id": asked.request_id}) == (
        200, case_no)  # fmt: skip


def test_the_pads_own_answer_is_recorded_with_the_pad_named_and_counted_for_the_cases_clerk(
    pad_hall: tuple[HallServer, str, dict[str, str]],
) -> None:
    server, url, keys = pad_hall
    clerk = server.desk("1", "clerk1", HALL_PASSWORD)
    case_no = _taken(clerk)
    asked = clerk.call(SEND_TO_PAD, CaseNo(case_no))
    status, shown = pad_post(server, "/v1/pad/next?wait=5", keys["PAD_KEY_pad-1"])
    assert status == 200
    assert (shown["request_id"], shown["case_no"], shown["clerk"]) == (asked.request_id, case_no, "巴特尔")
    answer = {"request_id": asked.request_id, "choice": {"level": "very_satisfied"}}
    status, recorded = pad_post(server, "/v1/pad/answer", keys["PAD_KEY_pad-1"], answer)
    assert (status, recorded["case_no"]) == (200, case_no)
    assert _ratings_of(url, case_no) == [("very_satisfied", "hall_tablet", "巴特尔", "1", "pad-1", "pad:pad-1")]
    again = pad_post(server, "/v1/pad/answer", keys["PAD_KEY_pad-1"], answer)  # one service, one rating
    assert (again[0], again[1]["values"]["code"]) == (422, "request_closed")
    supervisor = server.desk("2", "sup1", HALL_PASSWORD)
    today = dt.date.today()
    figures = supervisor.call(RATING_FIGURES, RatingFiguresAsked(today, today, Grouping.CLERK))
    assert (Channel.HALL_TABLET, 1) in [(c.channel, c.ratings) for c in figures.channels]
    (line,) = [line for line in figures.lines if line.label == "巴特尔"]
    assert (line.rated, line.good) == (1, 1)
    # the share of the pad's requests answered crosses the wire with the figures, counted for the clerk who asked
    (share,) = [s for s in figures.requests if s.clerk == "巴特尔"]
    assert share.answered >= 1
    (record,) = [r for r in supervisor.call(EXPORT_RECORDS, Period(today, today)) if r.case_no == case_no]
    assert (record.channel, record.pad, record.clerk) == (Channel.HALL_TABLET, "pad-1", "巴特尔")


def _ratings_of(url: str, case_no: str) -> list[tuple[str, str, str, str, str, str]]:
    """The case's ratings as stored: level, channel, clerk, desk, the pad its request belongs to, the audit's actor."""
    service = serve(url)
    try:
        with service.store.sessions().begin() as session:
            rating, entry = models.Rating, models.AuditEntry
            rows = session.execute(
                select(rating.level, rating.channel, rating.clerk, rating.desk_no, models.PadRequest.pad, entry.actor)
                .join(models.PadRequest, models.PadRequest.request_id == rating.request_id)
                .join(entry, entry.subject == literal("rating:").concat(cast(rating.id, String)))
                .where(rating.case_no == case_no)
            ).all()
            return [(a, b, c, d, e, f) for a, b, c, d, e, f in rows]
    finally:
        service.close()


def test_the_pad_program_shows_its_desks_request_at_once_and_sends_the_answer_under_its_key(
    pad_hall: tuple[HallServer, str, dict[str, str]], qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``counter pad start``'s window on pad-1's key, kept 0600 from add-pad's output: the clerk's F9 at desk 1 is on
    it within a second and a half (a held ask looked at every 0.25 s), the desk reads the pad there while the request
    stays on it, and the face tapped there is the rating."""
    server, url, keys = pad_hall
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "pad-home"))
    key_file = tmp_path / "pad-1.key"
    key_file.write_text(f"评价器 pad-1 已登记。评价器密钥（只显示这一次）：\n{keys['PAD_KEY_pad-1']}\n")
    start = pad_start_settings(["--server", server.root, "--ca", str(server.ca_file), "--key-file", str(key_file)])
    assert stat.S_IMODE(pad_key_path().stat().st_mode) == 0o600  # add-pad's whole output given: its key kept
    assert start.key == keys["PAD_KEY_pad-1"]
    assert pad_start_settings(["--server", server.root, "--ca", str(server.ca_file)]).key == start.key  # kept
    clerk = server.desk("1", "clerk1", HALL_PASSWORD)
    device = PadDevice(PadRemote(start.server, start.ca, start.key))
    qtbot.addWidget(device.pad)
    device.start()
    try:
        qtbot.waitUntil(lambda: device.pad.idle.desk_no == "1", timeout=15_000)
        assert device.pad.idle.clerk == "巴特尔"  # who serves at its desk
        case_no = _taken(clerk)
        asked = clerk.call(SEND_TO_PAD, CaseNo(case_no))
        sent_at = time.monotonic()
        qtbot.waitUntil(lambda: device.pad.case is not None, timeout=10_000)
        assert time.monotonic() - sent_at < 1.5
        assert device.pad.case is not None
        assert device.pad.case.request_id == asked.request_id
        # the applicant reads a while: the pad still heard, past its showing time and the grace (it says it is there)
        state, shown_at = RequestId(asked.request_id), time.monotonic()
        while time.monotonic() - shown_at < SHOWN_HEARD_S + 6:
            assert clerk.call(REQUEST_STATE, state) == RequestState(DeskStatus.PENDING, pad_away=False)
            time.sleep(0.5)
        device.pad.on_face_clicked(Level.SATISFIED)
        qtbot.waitUntil(lambda: device.pad.page() is PadPage.THANKS, timeout=10_000)
    finally:
        device.stop()
    assert _ratings_of(url, case_no) == [("satisfied", "hall_tablet", "巴特尔", "1", "pad-1", "pad:pad-1")]


def test_the_pad_program_says_a_server_it_cannot_reach(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.db.tls_server import make_authority

    ca_file = make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")
    device = PadDevice(PadRemote(f"https://127.0.0.1:{free_port()}", ca_file, "k" * 43))
    qtbot.addWidget(device.pad)
    device.start()
    try:
        qtbot.waitUntil(lambda: device.pad.idle.notice == PAD_DEVICE_AWAY, timeout=10_000)
    finally:
        device.stop()


def test_the_desk_reads_its_pad_gone_silent_and_the_answer_it_recorded_once(
    pad_hall: tuple[HallServer, str, dict[str, str]],
) -> None:
    """pad-3 at desk 2 holds an ask of one second and goes silent: desk 2's read of its request says the pad away
    once the ask's second and the grace have passed, and not before; the pad asks again and takes the request, and
    the read says it is back; its answer is read as rated, and a second answer is refused, one rating kept."""
    server, url, _keys = pad_hall
    key = add_pad(url, "pad-3", dict(os.environ, COUNTER_HOME=str(server.log.parent / "home")))
    server.desk("2", "sup1", HALL_PASSWORD).call(PAIR_PAD, PairPad("pad-3", "2"))
    assert pad_post(server, "/v1/pad/next?wait=1", key) == (204, None)
    heard = time.monotonic()  # its ask ended: it is due again by now, and the grace after
    clerk = server.desk("2", "clerk2", HALL_PASSWORD)
    case_no = _taken(clerk)
    asked = clerk.call(SEND_TO_PAD, CaseNo(case_no))
    assert asked.pad_device == "pad-3"
    state = RequestId(asked.request_id)
    assert clerk.call(REQUEST_STATE, state) == RequestState(DeskStatus.PENDING, pad_away=False)
    while clerk.call(REQUEST_STATE, state).pad_away is False:
        assert time.monotonic() - heard < 15, "the silent pad never read as away"
        time.sleep(0.25)
    assert time.monotonic() - heard >= 4  # the grace (5 s past the end of its ask) was waited, less the ask's own
    with pytest.raises(RatingRefused) as other:  # another desk reads nothing of it
        server.desk("1", "clerk1", HALL_PASSWORD).call(REQUEST_STATE, state)
    assert other.value.code is SendRefusal.OTHER_DESK
    status, shown = pad_post(server, "/v1/pad/next?wait=5", key)  # back: it takes the request at once
    assert (status, shown["request_id"]) == (200, asked.request_id)
    assert clerk.call(REQUEST_STATE, state) == RequestState(DeskStatus.PENDING, pad_away=False)
    answer = {"request_id": asked.request_id, "choice": {"level": "satisfied"}}
    assert pad_post(server, "/v1/pad/answer", key, answer)[0] == 200
    assert clerk.call(REQUEST_STATE, state) == RequestState(DeskStatus.RATED)
    again = pad_post(server, "/v1/pad/answer", key, answer)  # its reply lost, sent again: recorded once
    assert (again[0], again[1]["values"]["code"]) == (422, "request_closed")
    assert _ratings_of(url, case_no) == [("satisfied", "hall_tablet", "乌兰", "2", "pad-3", "pad:pad-3")]


def test_a_pad_gone_silent_with_its_request_on_it_is_read_away_long_before_the_requests_time_ends(
    pad_hall: tuple[HallServer, str, dict[str, str]],
) -> None:
    """pad-5 at desk 2 takes its request and goes silent (a tablet that died with the faces on it): desk 2's read of
    the request says the pad away once the pad's showing time and the grace have passed, 10 s, not when the
    request's 60 s on the pad end (it used to wait those out: the pad's last contact was kept until then)."""
    server, url, _keys = pad_hall
    key = add_pad(url, "pad-5", dict(os.environ, COUNTER_HOME=str(server.log.parent / "home")))
    server.desk("2", "sup1", HALL_PASSWORD).call(PAIR_PAD, PairPad("pad-5", "2"))
    clerk = server.desk("2", "clerk2", HALL_PASSWORD)
    asked = clerk.call(SEND_TO_PAD, CaseNo(_taken(clerk)))
    status, shown = pad_post(server, "/v1/pad/next?wait=5", key)
    assert (status, shown["request_id"], shown["timeout_seconds"]) == (200, asked.request_id, 60)
    heard = time.monotonic()
    state = RequestId(asked.request_id)
    assert clerk.call(REQUEST_STATE, state) == RequestState(DeskStatus.PENDING, pad_away=False)
    while clerk.call(REQUEST_STATE, state).pad_away is False:
        assert time.monotonic() - heard < 20, "the pad gone with its request on it not read as away in 20 s"
        time.sleep(0.25)
    print(f"pad gone with its request: read away {time.monotonic() - heard:.1f} s after its last ask")
    assert time.monotonic() - heard >= SHOWN_HEARD_S  # not before the pad was due to ask again
    assert pad_post(server, "/v1/pad/next?wait=0", key)[0] == 200  # back, its request still on it
    assert clerk.call(REQUEST_STATE, state) == RequestState(DeskStatus.PENDING, pad_away=False)


def test_the_desks_status_line_says_its_pad_away_and_the_rating_received(
    pad_hall: tuple[HallServer, str, dict[str, str]], qtbot: QtBot
) -> None:
    """Desk 2's F9 with pad-4 paired and never heard from: its status line says the pad is not connected; the pad
    asks and takes the request, and the line says the request again; the pad's answer is said as 已评价."""
    server, url, _keys = pad_hall
    key = add_pad(url, "pad-4", dict(os.environ, COUNTER_HOME=str(server.log.parent / "home")))
    server.desk("2", "sup1", HALL_PASSWORD).call(PAIR_PAD, PairPad("pad-4", "2"))
    clerk = server.desk("2", "clerk2", HALL_PASSWORD)
    case_no = _taken(clerk)
    desk = Desk(DeskIdentity("XAM01", "2"), "乌兰", Actor("clerk2", "乌兰", frozenset({Role.CLERK})))
    controller = PadController(Runner(clerk), desk)
    qtbot.addWidget(controller.pad)
    qtbot.addWidget(controller.status_label)
    controller.watch.setInterval(100)
    shown: list[PadCase] = []
    controller.asked.connect(shown.append)
    try:
        with qtbot.waitSignal(controller.pad_away, timeout=10_000) as away:
            controller.send_case(case_no)
        assert away.args == [case_no]
        assert DESK_RATING_PAD_AWAY.format(case_no=case_no) in controller.status_label.text()
        assert "评价器未连接" in controller.status_label.text()
        with qtbot.waitSignal(controller.asked, timeout=10_000):  # the pad back: the request named again
            assert pad_post(server, "/v1/pad/next?wait=5", key)[0] == 200
        assert "评价中" in controller.status_label.text()
        answer = {"request_id": shown[0].request_id, "choice": {"level": "very_satisfied"}}
        with qtbot.waitSignal(controller.status_changed, timeout=10_000) as rated:
            assert pad_post(server, "/v1/pad/answer", key, answer)[0] == 200
        assert rated.args == [case_no, DeskStatus.RATED]
        assert controller.status_label.text() == f"好差评：已评价（办件 {case_no}）"
        assert not controller.watch.isActive()  # nothing more read once it is answered
    finally:
        controller.stop()
    assert _ratings_of(url, case_no) == [("very_satisfied", "hall_tablet", "乌兰", "2", "pad-4", "pad:pad-4")]
