"""A 小餐馆 case reported to the platform from 受理 to the 回访 of its 不满意, through a kill at every step and a day
offline: the platform holds every event exactly once, in the mapped elements.

On both databases, against a real HTTPS server playing the platform with its own CA (:mod:`tests.platform_stub`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import case_and_bundle, record_decision
from counter.actions.cases.hand_over import hand_over_results
from counter.actions.cases.item_authority import check_item
from counter.actions.outbox.platform import retry_event, send_due
from counter.actions.ratings.follow_up import move_rectification
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.db.rating_store import rectification_of_rating
from counter.host.keys.data_key import sm4_key_path
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig
from counter.host.machine.paths import site_key_path
from counter.host.outward.platform_client import Report, ReportRequest
from counter.outbox.rules import SendRound
from counter.parties.identifiers import make_id_number
from counter.platform.events import WITHHELD_PREFIX, WithheldWhy
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.rectification import RectEvent
from counter.words.platform import WITHHELD, report_problem
from tests.actions.conftest import TODAY
from tests.actions.senders import Clock, Writes, post_report
from tests.actions.test_intake_actions import ID, full_request, take
from tests.actions.test_item_steps import ITEMS, at
from tests.actions.test_platform import configure, events
from tests.db.test_personal_sealing import damaged, put_back
from tests.platform_stub import running_platform
from tests.signed_in import signed_in

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)

PAD = desk_at(DeskConfig(site_code="XAM01", desk_no="8", clerk="乌兰", staff_no="XA0815", area_code="152201000000"))
COLLECTOR = make_id_number("152201", dt.date(1980, 3, 4), 12)
GRANTS = {ITEMS[0]: "92152201MA0K123456", ITEMS[1]: "JY11522010012345", ITEMS[2]: "招牌2026-07",
          ITEMS[3]: "环备2026-0042"}  # fmt: skip


class Sender:
    """The hall's sender, run after each step: first killed after its first request leaves, before the mark; then,
    once its lease ran out, again to the end."""

    def __init__(self, sessions: sessionmaker[Session], keys: Path) -> None:
        self.sessions, self.keys, self.clock = sessions, keys, Clock()
        self.kills = 0

    def run(self, post: Callable[[ReportRequest], Report] = post_report) -> SendRound:
        return send_due(Writes(self.sessions), clock=self.clock, post=post, folder=self.keys)

    def due_now(self) -> SendRound:
        """A run once the step's own moment has passed: its event is due."""
        self.clock.past_now()
        return self.run()

    def killed_then_resumed(self) -> SendRound:
        def killed(request: ReportRequest) -> Report:
            post_report(request)
            raise SystemExit("killed between the send and the mark")

        self.clock.past_now()  # past the step's own moment: its event is due
        with pytest.raises(SystemExit):
            self.run(killed)
        self.kills += 1
        self.clock.advance(minutes=10)  # the claim's lease runs out
        return self.run()


def step(sessions: sessionmaker[Session], action: Callable[[Session], object]) -> None:
    with sessions.begin() as s:
        action(s)


@pytest.mark.slow
def test_a_restaurant_reported_from_intake_to_revisit_is_held_once_through_kills_and_a_day_offline(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        sender = Sender(sessions, keys)
        number = take(sessions, desk, full_request(sessions))  # 受理
        assert sender.killed_then_resumed().sent == 1
        for code in ITEMS:  # each item decided, the last closes the case (办结)

            def decide(s: Session, code: str = code) -> None:
                case, bundle = case_and_bundle(s, number)
                acting = check_item(s, desk, case.case_no, bundle, case.site_code, code)
                record_decision(s, desk, number, code, approve=True, text=GRANTS[code], at=at(TODAY), acting=acting)

            step(sessions, decide)
            sender.killed_then_resumed()
        pickup = HandOverRequest(HandOverWay.PICKUP, recipient="其木格", id_no=COLLECTOR)
        step(sessions, lambda s: hand_over_results(s, desk, number, pickup, at(TODAY, 15)))  # 送达
        sender.killed_then_resumed()

        platform.refusing = True  # the platform is down for a day: the rating and its rectification wait
        rated_at = at(TODAY, 16)
        rect: list[int] = []

        def rate(s: Session) -> None:
            pad = send_to_pad(s, number, PAD, rated_at)
            bad = RatingChoice(Level.DISSATISFIED, ("服务态度", "等待时间长"), "等了很久")
            recorded = record_rating(s, pad.request_id, bad, PAD, rated_at, office_calendar(s))
            found = rectification_of_rating(s, recorded.rating_id)
            assert found is not None
            rect.append(found)

        step(sessions, rate)
        sender.clock.past_now()
        assert sender.run() == SendRound(waiting=1)
        supervisor = signed_in(sessions, desk)  # a rectification's steps are a supervisor's
        step(
            sessions,
            lambda s: move_rectification(
                s, rect[0], RectEvent.REVISITED, "巴特尔", "申请人说排队太久", rated_at, desk=supervisor
            ),
        )
        step(sessions, lambda s: move_rectification(s, rect[0], RectEvent.FIX_AT_ONCE, "巴特尔", "增开窗口", rated_at,
                                                    desk=supervisor))  # fmt: skip
        step(
            sessions,
            lambda s: move_rectification(
                s, rect[0], RectEvent.FED_BACK, "巴特尔", "已电话告知", rated_at, desk=supervisor
            ),
        )
        for _hour in range(24):
            sender.clock.advance(hours=1)
            assert sender.run().sent == 0
        assert {e.state for e in events(sessions) if e.round} == {"waiting"}  # offline: never failed for good
        platform.refusing = False
        sender.clock.advance(hours=1)
        sender.killed_then_resumed()

    queued = events(sessions)
    assert {e.state for e in queued} == {"sent"}
    assert sender.kills == 7
    held = platform.events()
    assert len(held) == len(queued) == 13
    assert len({e["request_id"] for e in held}) == 13  # each event under one key
    assert len({r["idempotency_key"] for r in platform.requests}) == 13  # never sent under another key
    assert platform.bad_signatures == 0
    kinds = [e["event_type"] for e in held]
    decisions = ["事项办理决定", "电子证照", "事项办理决定", "电子证照", "事项办理决定", "事项办理决定"]  # two licences
    assert kinds == ["受理", *decisions, "办结", "送达", "评价", "回访", "整改", "整改反馈"]
    licences = [(e["licence_type"], e["licence_no"]) for e in held if e["event_type"] == "电子证照"]
    assert licences == [("营业执照", GRANTS[ITEMS[0]]), ("食品经营许可证", GRANTS[ITEMS[1]])]
    assert {e["projid"] for e in held} == {number}
    decided = [e for e in held if e["event_type"] == "事项办理决定"]
    assert [(e["decided_item_code"], e["item_result"], e["item_result_note"]) for e in decided] == [
        (code, "1", GRANTS[code]) for code in ITEMS
    ]
    assert all(e["applicant_cert_no"] == ID for e in held[:9])
    (done,) = (e for e in held if e["event_type"] == "办结")
    assert (done["result"], done["finish_time"][:10]) == ("0", TODAY.isoformat())  # BJJGDM 0 出证办结
    (handed,) = (e for e in held if e["event_type"] == "送达")
    assert handed["delivered_by"] == "1"  # 窗口领取
    (rated,) = (e for e in held if e["event_type"] == "评价")
    # the 好差评 interfaces' coding, chosen: 2 不满意, 5 政务大厅其他终端 (the desk's own pad window, as the ratings
    # export sends it; 4 政务大厅平板电脑 is a pad device's)
    assert (rated["rate_level"], rated["rate_channel"]) == ("2", "5")
    # 测评内容 as the national list's code and version; the hall's own 等待时间长 stays at home
    assert (rated["rate_reason_codes"], rated["rate_reason_list"]) == ("503", "national-offline-1")
    assert "等待时间长" not in str(rated)
    assert rated["rate_round"] == "1"
    assert rated["rater_cert_no"] == ID
    assert [e["rect_step"] for e in held[10:]] == ["回访", "立行立改", "反馈"]
    assert held[10]["rect_note"] == "申请人说排队太久"


def test_a_report_whose_applicants_number_cannot_be_opened_is_withheld_until_the_key_is_back(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """The hall's data key damaged after an intake: its report carried （已加密） to the platform as the applicant's ID
    number and phone.  It is held in the failed list, worded for the supervisor, nothing sent; retried once the key
    is put back, it goes with the number."""
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        sender = Sender(sessions, keys)
        take(sessions, desk, full_request(sessions))
        key_file = sm4_key_path(site_key_path(), 1)
        kept = key_file.read_bytes()
        damaged(key_file, "a folder")
        assert sender.due_now() == SendRound(failed=1)
        (event,) = events(sessions)
        assert event.last_error == f"{WITHHELD_PREFIX}{WithheldWhy.DATA_KEY.value}"
        assert report_problem(event.last_error) == WITHHELD[WithheldWhy.DATA_KEY]
        assert platform.requests == []
        put_back(key_file, kept)
        with sessions.begin() as s:
            assert retry_event(s, desk, event.id)
        assert sender.due_now() == SendRound(sent=1)
        assert ID in json.dumps(platform.requests, ensure_ascii=False)
