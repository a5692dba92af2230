"""The licences a case's items issue, reported upward as 电子证照 data: queued with the 准予, sent once under one key
through kills, in the mapped file's elements; nothing for an item refused, an item that issues none, a voided case;
withdrawn (电子证照作废) when its case is voided after it was sent.

On both databases, against a real HTTPS server playing the platform with its own CA (:mod:`tests.platform_stub`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.decisions import case_and_bundle, record_decision
from counter.actions.cases.item_authority import check_item
from counter.actions.intake.take import move_case
from counter.actions.outbox.platform import mapping_named
from counter.case.moments import office_day
from counter.case.status import CaseEvent
from counter.host.outward.platform_client import Report, ReportRequest
from counter.platform.events import PlatformKind
from tests.actions.conftest import TODAY
from tests.actions.senders import post_report
from tests.actions.test_intake_actions import ID, full_request, take
from tests.actions.test_item_steps import ITEMS, MARKET, at
from tests.actions.test_platform import configure, events
from tests.actions.test_platform_case import GRANTS, Sender, step
from tests.platform_stub import Platform, running_platform
from tests.signed_in import signed_in

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)
LICENCE = PlatformKind.LICENCE_ISSUED.value
LICENCE_VOIDED = PlatformKind.LICENCE_VOIDED.value
FOOD_REFUSAL = "经营场所与食品经营许可审查细则要求不符"


def decide(sessions: sessionmaker[Session], desk: Desk, number: str, code: str, *, approve: bool = True) -> None:
    def record(s: Session) -> None:
        case, bundle = case_and_bundle(s, number)
        acting = check_item(s, desk, case.case_no, bundle, case.site_code, code)
        text = GRANTS[code] if approve else FOOD_REFUSAL
        record_decision(s, desk, number, code, approve=approve, text=text, at=at(TODAY), acting=acting)

    step(sessions, record)


def licences_held(requests: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in requests if r["event_type"] == "电子证照"]


@contextmanager
def a_case_reported(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> Iterator[tuple[Platform, Sender, str]]:
    """The stub platform running, the hall reporting to it, its sender, and a 小餐馆 case taken."""
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        yield platform, Sender(sessions, keys), take(sessions, desk, full_request(sessions))


def held_of_kind(platform: Platform, kind: PlatformKind) -> dict[str, str]:
    """The one event of ``kind`` the platform holds, by the shipped file's name of the kind."""
    (held,) = (r for r in platform.events() if r["event_type"] == mapping_named("nmg").kinds[kind.value])
    return held


def test_a_granted_licence_is_held_once_after_kills_between_queue_send_and_mark_in_the_mapped_elements(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with a_case_reported(sessions, desk, tmp_path) as (platform, sender, number):
        sender.clock.advance(seconds=1)
        assert sender.run().sent == 1  # 受理
        decide(sessions, desk, number, ITEMS[0])  # 设立登记 准予: its 营业执照 queued with the decision
        queued = [e for e in events(sessions) if e.kind == LICENCE]
        assert [(e.item_code, e.state) for e in queued] == [(ITEMS[0], "waiting")]

        def killed_before_sending(request: ReportRequest) -> Report:
            if request.fields["event_type"] == "电子证照":
                raise SystemExit("killed after the claim, before the licence left")
            return post_report(request)

        def killed_before_the_mark(request: ReportRequest) -> Report:
            answer = post_report(request)
            if request.fields["event_type"] == "电子证照":
                raise SystemExit("killed after the platform took the licence, before the mark")
            return answer

        sender.clock.advance(seconds=1)
        for kill in (killed_before_sending, killed_before_the_mark):
            with pytest.raises(SystemExit):
                sender.run(kill)
            sender.clock.advance(minutes=10)  # the claim's lease runs out
        # the decision's event and the licence, claimed together: their marks lost with each kill; the platform
        # answers a repeat as one (409 with its id)
        assert sender.run().sent == 2
        assert {e.state for e in events(sessions)} == {"sent"}

    (held,) = licences_held(platform.events())
    sent = licences_held(platform.requests)
    assert len(sent) == 2  # sent twice, the kill lost the first answer
    assert {r["idempotency_key"] for r in sent} == {held["request_id"]}  # under one key
    mapping = mapping_named("nmg")
    assert set(held) == {e.field for e in mapping.elements if PlatformKind.LICENCE_ISSUED in e.kinds}
    assert {k: held[k] for k in ("event_type", "projid", "licence_type", "licence_no", "holder_name",
                                 "holder_cert_type", "holder_cert_no", "issue_org", "issue_date",
                                 "licence_item_code")} == {
        "event_type": mapping.kinds[LICENCE],
        "projid": number,
        "licence_type": "营业执照",
        "licence_no": GRANTS[ITEMS[0]],
        "holder_name": "巴特尔",
        "holder_cert_type": "111",  # GB/T 36903-2018: 公民身份证号码
        "holder_cert_no": ID,
        "issue_org": MARKET,
        "issue_date": TODAY.isoformat(),
        "licence_item_code": ITEMS[0],
    }  # fmt: skip


def test_a_licence_is_reported_only_for_an_item_granted_that_issues_one(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with a_case_reported(sessions, desk, tmp_path) as (platform, sender, number):
        decide(sessions, desk, number, ITEMS[0])  # 营业执照
        decide(sessions, desk, number, ITEMS[1], approve=False)  # 食品经营许可 不予批准: no 食品经营许可证
        decide(sessions, desk, number, ITEMS[2])  # 户外招牌设置 准予: an opinion, no licence
        assert sender.due_now().failed == 0
    assert [e.item_code for e in events(sessions) if e.kind == LICENCE] == [ITEMS[0]]
    assert [e["licence_type"] for e in licences_held(platform.events())] == ["营业执照"]


def test_a_voided_case_reports_no_licence(sessions: sessionmaker[Session], desk: Desk, tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        kept, wrong = (take(sessions, desk, full_request(sessions)) for _ in range(2))
        for number in (kept, wrong):
            decide(sessions, desk, number, ITEMS[0])
        supervisor = signed_in(sessions, desk)  # a void is a supervisor's
        step(sessions, lambda s: move_case(s, supervisor, wrong, CaseEvent.VOIDED, "重复录入"))  # before it left
        Sender(sessions, keys).due_now()
    assert [e["projid"] for e in licences_held(platform.requests)] == [kept]  # the voided case's never left
    assert not [e for e in events(sessions) if e.kind == LICENCE_VOIDED]  # nothing to withdraw
    (withheld,) = (e for e in events(sessions) if e.kind == LICENCE and e.state != "sent")
    assert withheld.state == "failed"
    assert "voided" in withheld.last_error
    assert json.loads(withheld.detail)["note"].endswith(GRANTS[ITEMS[0]])


def test_a_licence_sent_before_its_case_was_voided_is_withdrawn_once_with_the_voidings_reason(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with a_case_reported(sessions, desk, tmp_path) as (platform, sender, number):
        decide(sessions, desk, number, ITEMS[0])  # 营业执照
        decide(sessions, desk, number, ITEMS[2])  # 户外招牌设置: an opinion, no licence
        assert sender.due_now().failed == 0  # the licence is on the platform
        supervisor = signed_in(sessions, desk)  # a void is a supervisor's
        step(sessions, lambda s: move_case(s, supervisor, number, CaseEvent.VOIDED, "重复录入，以 2 号件为准"))
        withdrawn = [e for e in events(sessions) if e.kind == LICENCE_VOIDED]
        assert [(e.item_code, e.state) for e in withdrawn] == [(ITEMS[0], "waiting")]
        assert sender.due_now().failed == 0
    voided_on = office_day(withdrawn[0].at)  # the day the office voided it, whatever zone the machine keeps
    voided = held_of_kind(platform, PlatformKind.VOIDED)
    assert (voided["projid"], voided["end_reason"]) == (number, "重复录入，以 2 号件为准")
    held = held_of_kind(platform, PlatformKind.LICENCE_VOIDED)
    assert set(held) == {e.field for e in mapping_named("nmg").elements if PlatformKind.LICENCE_VOIDED in e.kinds}
    assert {k: held[k] for k in ("projid", "licence_type", "licence_no", "holder_cert_no", "issue_date",
                                 "licence_item_code", "void_date", "void_reason")} == {
        "projid": number,
        "licence_type": "营业执照",
        "licence_no": GRANTS[ITEMS[0]],
        "holder_cert_no": ID,
        "issue_date": TODAY.isoformat(),
        "licence_item_code": ITEMS[0],
        "void_date": voided_on.isoformat(),
        "void_reason": "重复录入，以 2 号件为准",
    }  # fmt: skip


def test_a_withdrawn_case_is_reported_with_its_note(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with a_case_reported(sessions, desk, tmp_path) as (platform, sender, number):
        step(sessions, lambda s: move_case(s, desk, number, CaseEvent.WITHDRAWN, "申请人书面申请撤回"))
        assert sender.due_now().failed == 0
    held = held_of_kind(platform, PlatformKind.WITHDRAWN)
    assert (held["projid"], held["end_reason"]) == (number, "申请人书面申请撤回")
