"""What a township's case record may carry, checked one field at a time (the flows are in test_sender_records)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from counter.case.decisions import Validity, item_note
from counter.case.hand_over import HandedItem, HandOver, HandOverWay, hand_over_note
from counter.case.item_path import ItemEvent
from counter.case.numbers import FIRST_SUPPORTED_DAY
from counter.case.status import CaseEvent
from counter.catalog.departments import AdminLevel
from counter.sync.record_json import parse_records, to_dict
from counter.sync.record_limits import LINES_MAX, NAME_MAX
from counter.sync.records import CaseRecord, HistoryEntry
from counter.sync.sender_checks import (
    EARLIEST,
    STATUS_AFTER,
    TOWNSHIP_EVENTS,
    TOWNSHIP_ITEM_EVENTS,
    TOWNSHIP_STATUSES,
    GuideItems,
    Refusal,
    Sender,
    check_case,
)
from tests.parties.test_skeleton import QIQIGE_VARIANTS
from tests.sync.test_records import AT, case_record

HALL = Sender("ARS01", frozenset({"王芳", "wangfang"}), frozenset({"100"}), AT)
#: a hall whose clerk 其其格 a township must not rate (the township's own clerk here is 乌云)
QIQIGE_HALL = Sender("ARS01", frozenset({"其其格", "王芳"}), frozenset(), AT)


def refusal(record: CaseRecord, *here: HistoryEntry) -> Refusal | None:
    """Why ``record`` is refused where the case already has the lines ``here`` (none: a case new here)."""
    found = check_case(record, HALL, {x.key: x for x in here})
    return None if found is None else found.reason


def test_a_township_case_as_the_township_wrote_it_goes_in() -> None:
    assert check_case(case_record(), HALL) is None


@pytest.mark.parametrize(
    ("case_no", "desk_no"),
    [("XAM01-20261120-01-0001", "1"), ("ARS01-20261120-02-0001", "1"), ("ARS011-20261120-01-0001", "1"),
     ("ARS01-0001", "1"), ("ARS01-20261120-01-0001", "x")],
)  # fmt: skip
def test_a_number_outside_the_senders_series_or_desk_is_refused(case_no: str, desk_no: str) -> None:
    assert refusal(dataclasses.replace(case_record(), case_no=case_no, desk_no=desk_no)) is Refusal.NOT_OWN_NUMBER


def test_a_notice_or_rating_of_another_site_is_refused() -> None:
    record = case_record()
    doc = dataclasses.replace(record.documents[0], doc_no="XAM01-261120-S-010001")
    assert refusal(dataclasses.replace(record, documents=(doc,))) is Refusal.NOT_OWN_PART
    doc = dataclasses.replace(record.documents[0], site_code="XAM01")
    assert refusal(dataclasses.replace(record, documents=(doc,))) is Refusal.NOT_OWN_PART
    round_ = record.ratings[0]
    assert round_.rating is not None
    hall_rating = dataclasses.replace(round_, rating=dataclasses.replace(round_.rating, site_code="XAM01"))
    assert refusal(dataclasses.replace(record, ratings=(hall_rating,))) is Refusal.NOT_OWN_PART
    assert refusal(dataclasses.replace(record, ratings=(dataclasses.replace(round_, desk_no=""),))) is (
        Refusal.NOT_OWN_PART
    )


@pytest.mark.parametrize("who", ["王芳", " wangfang ", "staff:100"])
def test_a_rating_of_one_of_this_sites_own_people_is_refused(who: str) -> None:
    record = case_record()
    round_ = record.ratings[0]
    assert round_.rating is not None
    if who.startswith("staff:"):
        rated = dataclasses.replace(round_, rating=dataclasses.replace(round_.rating, staff_no=who[6:]))
    else:
        rated = dataclasses.replace(round_, rating=dataclasses.replace(round_.rating, clerk=who))
    assert refusal(dataclasses.replace(record, ratings=(rated,))) is Refusal.HALL_CLERK


def rated_by(record: CaseRecord, clerk: str) -> CaseRecord:
    """The record as the township's 乌云 sent it, its rating naming ``clerk``."""
    round_ = record.ratings[0]
    assert round_.rating is not None
    rating = dataclasses.replace(round_.rating, clerk=clerk)
    return dataclasses.replace(record, ratings=(dataclasses.replace(round_, clerk="乌云", rating=rating),))


@pytest.mark.parametrize("clerk", [*QIQIGE_VARIANTS, "王芳\ufe00", "王\u2060芳"])
def test_a_rating_of_a_hall_clerk_under_a_look_alike_name_is_refused(clerk: str) -> None:
    """ "其\u200b其格" reads as the hall's 其其格 on every list and would count in her figures: it is her."""
    found = check_case(rated_by(case_record(), clerk), QIQIGE_HALL)
    assert found is not None
    assert (found.reason, found.detail) == (Refusal.HALL_CLERK, "ratings[0].rating.clerk")


@pytest.mark.parametrize("clerk", ["Ｗａｎｇｆａｎｇ", "wаngfang", "WANGFANG"])
def test_a_login_in_full_width_or_cyrillic_is_the_login(clerk: str) -> None:
    assert refusal(rated_by(case_record(), clerk)) is Refusal.HALL_CLERK


def test_a_look_alike_staff_number_is_the_number() -> None:
    round_ = case_record().ratings[0]
    assert round_.rating is not None
    rated = dataclasses.replace(round_, rating=dataclasses.replace(round_.rating, staff_no="１００"))
    assert refusal(dataclasses.replace(case_record(), ratings=(rated,))) is Refusal.HALL_CLERK


def test_a_township_clerk_of_another_name_rates_as_before() -> None:
    assert check_case(rated_by(case_record(), "其木格"), QIQIGE_HALL) is None


def test_a_history_line_under_a_hall_clerks_name_is_not_refused_for_it() -> None:
    """Names of lines only show who wrote them; a township clerk may share a common one."""
    record = case_record()
    line = dataclasses.replace(record.history[0], clerk="王芳")
    assert refusal(dataclasses.replace(record, history=(line,), clerk="王芳")) is None


@pytest.mark.parametrize(
    "event", ["approved", CaseEvent.ITEM_APPROVED.value, CaseEvent.COMPLETED.value, CaseEvent.SENT_TO_APPROVAL.value]
)
def test_a_line_only_the_hall_writes_is_refused_unless_the_hall_has_it(event: str) -> None:
    record = case_record()
    line = HistoryEntry(AT + dt.timedelta(hours=1), "其其格", "1", event, "ready", "")
    added = dataclasses.replace(record, history=(*record.history, line))
    assert refusal(added) is Refusal.NOT_TOWNSHIP_EVENT
    assert refusal(added, *added.history) is None  # the hall's own line, carried back


def test_no_hall_step_is_a_township_event() -> None:
    hall_steps = {CaseEvent.SENT_TO_APPROVAL, CaseEvent.COMPLETED}
    # an item's path runs through its deciding body: the hall's departments for theirs, a township body for its own
    # (counter.sync.sender_checks.TOWNSHIP_ITEM_EVENTS, held to the item's level).  Handing the results over (送达, a
    # part handed over) is the township's window's for its own case, held to the hall's decisions below.
    item_steps = {CaseEvent(e.value) for e in ItemEvent} | {CaseEvent.ITEM_REVOKED}  # 告知承诺 found false
    township_steps = {e.value for e in CaseEvent} - {e.value for e in hall_steps | item_steps}
    assert township_steps == TOWNSHIP_EVENTS
    assert {e.value for e in item_steps} == TOWNSHIP_ITEM_EVENTS


@pytest.mark.parametrize(
    "change",
    [
        {"received_on": dt.date(2099, 1, 1)},
        {"received_on": EARLIEST - dt.timedelta(days=1)},
        {"received_on": AT.date() + dt.timedelta(days=3)},  # ahead of the hall's clock by more than a slow day
        {"created_at": dt.datetime(2099, 1, 1, tzinfo=dt.UTC)},
        {"promised_on": dt.date(2099, 1, 1)},
    ],
)
def test_a_date_outside_the_supported_range_is_refused(change: dict[str, Any]) -> None:
    assert refusal(dataclasses.replace(case_record(), **change)) is Refusal.BAD_DATE


def test_a_time_counts_by_its_day_to_the_last_instant_of_the_range() -> None:
    """Times are held to the range by the day they fall on: its last microsecond is in, the next day's first is not,
    and a time in another zone by its own day there (as the refusal names it)."""
    last = HALL.latest_happened
    edges = [
        (dt.datetime.combine(last, dt.time.max, dt.UTC), None),
        (dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), dt.UTC), Refusal.BAD_DATE),
        (dt.datetime.combine(EARLIEST, dt.time(), dt.UTC), None),
        (dt.datetime.combine(EARLIEST, dt.time(), dt.UTC) - dt.timedelta(microseconds=1), Refusal.BAD_DATE),
        (dt.datetime.combine(last, dt.time(23), dt.timezone(dt.timedelta(hours=-8))), None),  # the next day in UTC
        (dt.datetime.combine(EARLIEST, dt.time(1), dt.timezone(dt.timedelta(hours=8))), None),  # the day before
        (dt.datetime.combine(last + dt.timedelta(days=1), dt.time(1), dt.timezone(dt.timedelta(hours=8))),
         Refusal.BAD_DATE),  # within the range in UTC, not on its own day
        (dt.datetime.combine(EARLIEST - dt.timedelta(days=1), dt.time(23), dt.timezone(dt.timedelta(hours=-8))),
         Refusal.BAD_DATE),
    ]  # fmt: skip
    for at, expected in edges:
        assert refusal(dataclasses.replace(case_record(), created_at=at)) is expected, at


def test_a_case_dated_as_early_as_a_desk_may_date_one_goes_in() -> None:
    """A township desk takes a case on any day the command line's ``--today`` accepts; the hall takes it in."""
    record = dataclasses.replace(case_record(), received_on=FIRST_SUPPORTED_DAY)
    assert refusal(record) is None


def test_a_clock_a_day_fast_and_a_deadline_a_year_ahead_are_fine() -> None:
    record = dataclasses.replace(
        case_record(), received_on=AT.date() + dt.timedelta(days=1), promised_on=AT.date() + dt.timedelta(days=365)
    )
    assert refusal(record) is None


@pytest.mark.parametrize("name", ["王\u202e强志", "王\x00芳", "王\n芳", "王\u2066芳", "王\u200f芳"])
def test_a_name_with_control_or_direction_characters_is_refused(name: str) -> None:
    assert refusal(dataclasses.replace(case_record(), applicant_name=name)) is Refusal.BAD_CHARACTERS


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"applicant_name": "其\u200b其格"}, "applicant_name: invisible 2 U+200B"),
        ({"applicant_name": "王" * 51}, "applicant_name: too_long 50 51"),
        ({"applicant_address": "路" * 121}, "applicant_address: too_long 120 121"),
        ({"agent_authorisation": "授\U000e0041权"}, "agent_authorisation: invisible 2 U+E0041"),
        ({"turn_to": "局" * 501}, "turn_to: too_long 500 501"),
        ({"clerk": "乌\ufe0f云"}, "clerk: invisible 2 U+FE0F"),
    ],
)
def test_a_text_the_desk_would_not_take_holds_the_record_with_its_field(change: dict[str, Any], detail: str) -> None:
    """Within the package's own limits, but not a text a desk takes: the record waits, named, the package goes in."""
    found = check_case(dataclasses.replace(case_record(), **change), HALL)
    assert found is not None
    assert (found.reason, found.detail) == (Refusal.BAD_CHARACTERS, detail)


def test_a_company_name_has_a_company_names_room() -> None:
    company = dataclasses.replace(case_record(), applicant_kind="company", applicant_name="兴" * 100)
    assert refusal(company) is None


def test_mongolian_script_and_rare_characters_are_names() -> None:
    """Joiners and the Mongolian vowel separator shape Mongolian script: they are no direction change."""
    record = dataclasses.replace(case_record(), applicant_name="ᠮᠣᠩᠭᠣᠯ\u180eᠠ\u200d 李𬭚 王䶮")
    assert refusal(record) is None


def test_a_name_or_a_list_beyond_any_real_case_is_malformed() -> None:
    raw = to_dict(case_record())
    long_name = raw | {"applicant_name": "王" * (NAME_MAX + 1)}
    many = raw | {"materials": raw["materials"] * (LINES_MAX + 1)}
    _records, problems = parse_records([long_name, many], "cases")
    assert [(p.index, p.field, p.code) for p in problems] == [(0, "applicant_name", "too_long"),
                                                              (1, "materials", "too_many")]  # fmt: skip
    records, problems = parse_records([raw | {"applicant_name": "王" * NAME_MAX}], "cases")
    assert (len(records), problems) == (1, [])


@pytest.mark.parametrize(
    ("event", "after"), [("withdrawn", "ready"), ("taken", "delivered"), ("deferred_arrived", "in_approval")]
)
def test_a_township_line_leaving_a_status_its_event_cannot_is_refused(event: str, after: str) -> None:
    """The hall takes a case's status from its newest line: a township event must not leave the hall's status."""
    record = case_record()
    line = HistoryEntry(AT + dt.timedelta(hours=1), "其其格", "1", event, after, "")
    assert refusal(dataclasses.replace(record, history=(*record.history, line))) is Refusal.NOT_TOWNSHIP_EVENT


def test_a_case_new_here_in_a_status_only_the_hall_gives_is_refused() -> None:
    record = dataclasses.replace(case_record(), status="ready")
    assert refusal(record) is Refusal.NOT_TOWNSHIP_EVENT
    assert refusal(record, record.history[0]) is None  # here already: its lines set its status


# --- a township's window hands over the results the hall decided ------------------------------

GRANT_NO = "JY11522010012345"
DENIAL_NO = "ARS01-261120-N-010001"  # the 不予批准决定书 made at the township's window


def hall_case() -> tuple[CaseRecord, tuple[HistoryEntry, ...]]:
    """A township's case as the hall holds it once decided: ITEM1 granted, ITEM2 denied, 办结."""
    record = case_record()
    at = [AT + dt.timedelta(hours=h) for h in range(1, 5)]
    lines = (
        record.history[0],
        HistoryEntry(at[0], "乌兰", "1", CaseEvent.SENT_TO_APPROVAL.value, "in_approval", ""),
        HistoryEntry(at[1], "乌兰", "1", CaseEvent.ITEM_APPROVED.value, "in_approval", item_note("ITEM1", GRANT_NO)),
        HistoryEntry(at[2], "乌兰", "1", CaseEvent.ITEM_DENIED.value, "in_approval", item_note("ITEM2", "场所不符")),
        HistoryEntry(at[3], "乌兰", "1", CaseEvent.COMPLETED.value, "ready", ""),
    )
    return dataclasses.replace(record, history=lines, status="ready"), lines


def handed(*items: HandedItem, partial: bool = False) -> str:
    """The note of a hand-over at the township's window, as counter.actions.cases.hand_over writes it."""
    return hand_over_note(HandOver(HandOverWay.PICKUP, items, "王䶮", "152201********001X", partial=partial))


WHOLE = (HandedItem("ITEM1", True, GRANT_NO), HandedItem("ITEM2", False, DENIAL_NO))


def with_line(record: CaseRecord, event: CaseEvent, after: str, note: str, hours: float = 6) -> CaseRecord:
    line = HistoryEntry(AT + dt.timedelta(hours=hours), "其其格", "1", event.value, after, note)
    return dataclasses.replace(record, history=(*record.history, line))


def test_a_township_hands_over_the_results_the_hall_decided_at_its_own_window() -> None:
    record, here = hall_case()
    assert refusal(with_line(record, CaseEvent.DELIVERED, "delivered", handed(*WHOLE)), *here) is None
    part = with_line(record, CaseEvent.ITEMS_HANDED, "ready", handed(WHOLE[0], partial=True))
    assert refusal(part, *here) is None  # a part the applicant asked for, the status as the hall left it
    assert refusal(with_line(part, CaseEvent.DELIVERED, "delivered", handed(WHOLE[1]), hours=7), *here) is None


def test_a_licence_granted_with_its_validity_is_handed_over_by_its_number() -> None:
    """The hall's 准予 kept the licence's 有效期限 at its note's tail; the township hands it over by its number."""
    record, here = hall_case()
    dated = item_note("ITEM1", GRANT_NO, validity=Validity(dt.date(2031, 5, 1)))
    here = (*here[:2], dataclasses.replace(here[2], note=dated), *here[3:])
    record = dataclasses.replace(record, history=here)
    assert refusal(with_line(record, CaseEvent.DELIVERED, "delivered", handed(*WHOLE)), *here) is None


def test_a_forged_delivered_on_a_case_the_hall_has_not_decided_is_refused() -> None:
    """The township cannot decide: a 送达 of what no department decided is held, whatever its record says."""
    record, here = hall_case()
    undecided = dataclasses.replace(record, history=here[:3], status="in_approval")  # ITEM2 still with its department
    assert refusal(with_line(undecided, CaseEvent.DELIVERED, "delivered", handed(*WHOLE)), *here[:3]) is (
        Refusal.NOT_DECIDED_HERE
    )
    only_decided = with_line(undecided, CaseEvent.DELIVERED, "delivered", handed(WHOLE[0]))
    assert refusal(only_decided, *here[:3]) is Refusal.NOT_DECIDED_HERE  # what is decided, but the case is not ready
    misstated = [
        (HandedItem("ITEM1", True, GRANT_NO), HandedItem("ITEM2", True, "JY999")),  # a denial handed as a grant
        (HandedItem("ITEM1", True, "JY000"), WHOLE[1]),  # another number than the department's
        (*WHOLE, HandedItem("ITEM3", True, "X1")),  # an item nobody decided
    ]
    for items in misstated:
        assert refusal(with_line(record, CaseEvent.DELIVERED, "delivered", handed(*items)), *here) is (
            Refusal.NOT_DECIDED_HERE
        ), items
    left = with_line(record, CaseEvent.DELIVERED, "delivered", handed(WHOLE[0]))  # 送达 with a denial not handed
    assert refusal(left, *here) is Refusal.NOT_DECIDED_HERE
    early = with_line(record, CaseEvent.DELIVERED, "delivered", handed(*WHOLE), hours=3.5)  # before the hall's 办结
    assert refusal(early, *here) is Refusal.NOT_DECIDED_HERE
    twice = with_line(record, CaseEvent.ITEMS_HANDED, "ready", handed(WHOLE[0], partial=True))
    twice = with_line(twice, CaseEvent.DELIVERED, "delivered", handed(*WHOLE), hours=7)  # ITEM1 a second time
    assert refusal(twice, *here) is Refusal.NOT_DECIDED_HERE


@pytest.mark.parametrize("event", [CaseEvent.DELIVERED, CaseEvent.ITEMS_HANDED])
@pytest.mark.parametrize("note", ["", "送达", '{"way": "pickup", "items": []}'])
def test_a_hand_over_line_without_its_record_is_refused(event: CaseEvent, note: str) -> None:
    """A bare 送达 would mark the case done at the hall with nothing to say what the applicant was given."""
    record, here = hall_case()
    after = "delivered" if event is CaseEvent.DELIVERED else "ready"
    assert refusal(with_line(record, event, after, note), *here) is Refusal.BARE_HAND_OVER


def test_a_part_handed_over_leaves_the_status_the_hall_holds() -> None:
    record, here = hall_case()
    undecided = dataclasses.replace(record, history=here[:3], status="in_approval")
    ready = with_line(undecided, CaseEvent.ITEMS_HANDED, "ready", handed(WHOLE[0], partial=True))
    assert refusal(ready, *here[:3]) is Refusal.NOT_TOWNSHIP_EVENT  # it would mark the case 办结 at the hall
    kept = with_line(undecided, CaseEvent.ITEMS_HANDED, "in_approval", handed(WHOLE[0], partial=True))
    assert refusal(kept, *here[:3]) is None


@pytest.mark.parametrize("status", ["delivered", "ready"])
def test_a_case_new_here_cannot_arrive_handed_over(status: str) -> None:
    """Only the hall's 办结 makes a case ready: a case the hall never saw arrives neither ready nor delivered."""
    assert "delivered" in STATUS_AFTER[CaseEvent.DELIVERED.value]
    assert not {"ready", "delivered"} & TOWNSHIP_STATUSES
    record, here = hall_case()
    new = dataclasses.replace(record, history=here[:1], status=status)
    assert refusal(new) is Refusal.NOT_TOWNSHIP_EVENT
    claimed = with_line(dataclasses.replace(new, status="accepted"), CaseEvent.DELIVERED, "delivered", handed(*WHOLE))
    assert refusal(claimed) is Refusal.NOT_DECIDED_HERE


def test_a_case_new_here_hands_over_the_denials_of_its_own_lapsed_deferral() -> None:
    """A township body's denial of its own item (its lapsed 容缺's) may be handed over before the hall saw the case."""
    record, here = hall_case()
    denied = (
        here[0],
        HistoryEntry(AT + dt.timedelta(hours=1), "其其格", "1", CaseEvent.ITEM_DENIED.value, "accepted",
                     item_note("ITEM2", "逾期未补齐容缺材料")),
        HistoryEntry(AT + dt.timedelta(hours=1, microseconds=1), "其其格", "1", CaseEvent.DENIED.value, "denied", ""),
    )  # fmt: skip
    new = dataclasses.replace(record, history=denied, status="denied")
    own = GuideItems(frozenset({"ITEM2"}), frozenset({"ITEM2"}))  # the bundle's one item, a township body's
    found = check_case(with_line(new, CaseEvent.ITEMS_HANDED, "denied", handed(WHOLE[1])), HALL, items=own)
    assert found is None
    found = check_case(with_line(new, CaseEvent.DELIVERED, "delivered", handed(WHOLE[1])), HALL, items=own)
    assert found is not None
    assert found.reason is Refusal.NOT_DECIDED_HERE


# --- whose decision a line is (counter.sync.sender_checks._whose) --------------------------------

OWN = GuideItems.of({"ITEM1": AdminLevel.TOWNSHIP, "ITEM2": AdminLevel.COUNTY, "ITEM3": None})


def test_only_an_item_whose_deciding_body_is_a_townships_is_the_townships() -> None:
    assert (OWN.codes, OWN.township, OWN.all_township) == (
        frozenset({"ITEM1", "ITEM2", "ITEM3"}),
        frozenset({"ITEM1"}),
        False,
    )
    assert GuideItems.of({"ITEM1": AdminLevel.TOWNSHIP}).all_township
    assert not GuideItems().all_township  # no items known: nothing is the township's


def path_of(code: str, *events: tuple[CaseEvent, str]) -> CaseRecord:
    record = case_record()
    for n, (event, text) in enumerate(events, start=1):
        record = with_line(record, event, "accepted", item_note(code, text), hours=n)
    return record


def test_a_township_bodys_own_item_may_run_its_whole_path_on_a_case_new_here() -> None:
    steps = ((CaseEvent.ITEM_ROUTED, ""), (CaseEvent.ITEM_SIGNED, ""), (CaseEvent.ITEM_APPROVED, "招牌2026-001"))
    assert check_case(path_of("ITEM1", *steps), HALL, items=OWN) is None
    for code in ("ITEM2", "ITEM3"):  # a county department's, and one the catalog does not place
        found = check_case(path_of(code, *steps), HALL, items=OWN)
        assert found is not None
        assert (found.reason, found.detail) == (Refusal.NOT_TOWNSHIP_ITEM, f"history[1] item_routed: item {code}")
    assert refusal(path_of("ITEM1", *steps)) is Refusal.NOT_TOWNSHIP_ITEM  # asked without the guide's items


def test_a_township_bodys_revocation_of_its_own_licence_goes_in_and_no_other() -> None:
    """A licence granted on a promise the check found false is revoked by the body that granted it (行政许可法
    第六十九条第二款): a township body's revocation of its own item travels to the hall; of a county's it does not."""
    steps = ((CaseEvent.ITEM_ROUTED, ""), (CaseEvent.ITEM_SIGNED, ""), (CaseEvent.ITEM_APPROVED, "告知承诺"))
    revoked = (*steps, (CaseEvent.ITEM_REVOKED, "核查发现疏散通道被封堵"))
    assert check_case(path_of("ITEM1", *revoked), HALL, items=OWN) is None
    only_revoked = path_of("ITEM2", (CaseEvent.ITEM_REVOKED, "核查发现疏散通道被封堵"))
    found = check_case(only_revoked, HALL, items=OWN)
    assert found is not None
    assert (found.reason, found.detail) == (Refusal.NOT_TOWNSHIP_ITEM, "history[1] item_revoked: item ITEM2")


def test_a_case_new_here_is_denied_whole_only_where_every_item_is_a_township_bodys() -> None:
    record = with_line(path_of("ITEM1", (CaseEvent.ITEM_DENIED, "位置不符")), CaseEvent.DENIED, "denied", "位置不符")
    only = GuideItems.of({"ITEM1": AdminLevel.TOWNSHIP})
    assert check_case(dataclasses.replace(record, status="denied"), HALL, items=only) is None
    found = check_case(dataclasses.replace(record, status="denied"), HALL, items=OWN)
    assert found is not None
    assert found.reason is Refusal.NOT_TOWNSHIP_ITEM


def test_a_second_intake_line_in_a_case_new_here_is_refused() -> None:
    record = with_line(case_record(), CaseEvent.TAKEN, "accepted", "accept")
    assert refusal(record) is Refusal.SECOND_TAKEN
