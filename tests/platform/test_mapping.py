"""The mapping of events to the platform's elements is data: the shipped file is whole, a broken one is refused with
every problem named, and what a required element lacks keeps an event from being sent as it is."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from counter.intake.parties import ApplicantKind, Delivery
from counter.platform.code_lists import NoCode, Unchosen
from counter.platform.events import PlatformKind, Told, kind_of_rectification, told_as, told_of_line
from counter.platform.mapping import SOURCES, MappingError, MissingElement, load_mapping, mapping_from
from counter.ratings.export import export_row
from counter.ratings.levels import Channel, Level
from counter.ratings.rectification import RectEvent
from counter.resources import resources_dir
from counter.words.platform import PLATFORM_KIND
from tests.codings import CHOSEN
from tests.ratings.test_figures_and_export import RECORD

SHIPPED = resources_dir() / "platform" / "nmg.toml"
#: every result a case's end is reported with: 办结 (准予, 部分准予, 不予批准), 不予受理, 作废, 补正逾期, 撤回
RESULTS = {"granted", "partly_granted", "denied", "refused", "voided", "lapsed", "withdrawn"}


def test_the_shipped_mapping_names_every_kind_and_every_code_the_app_has() -> None:
    mapping = load_mapping(SHIPPED)
    assert set(mapping.kinds) == {k.value for k in PlatformKind}
    lists = mapping.lists
    for preset in lists["level"].presets.values():
        assert set(preset.codes) == {level.value for level in Level}
    # 书面评价 (the region's channel) and 系统默认评价 (a site's default) are not among 表 9's seven
    table_9 = {c.value for c in Channel} - {Channel.WRITTEN.value, Channel.SYSTEM_DEFAULT.value}
    assert set(lists["channel"].presets["hcp"].codes) == table_9
    # sent by name, 书面评价 is the region's channel's (内政服发〔2022〕15号 书面评价表格); no number is public for it
    assert set(lists["channel"].presets["gbt39046_names"].codes) == table_9 | {Channel.WRITTEN.value}
    assert lists["channel"].presets["gbt39046_names"].codes["written"] == "书面评价"
    # the client that codes 系统默认评价 7 has no 电话
    sms6 = table_9 - {Channel.PHONE.value} | {Channel.SYSTEM_DEFAULT.value}
    assert set(lists["channel"].presets["hcp_sms6"].codes) == sms6
    assert set(lists["delivery"].presets["local"].codes) == {d.value for d in Delivery}
    assert set(lists["express"].presets["gbt39046"].codes) == {d.value for d in Delivery}
    for name in ("applicant_kind",):
        assert set(lists[name].only.codes) == {k.value for k in ApplicantKind}  # type: ignore[union-attr]
    told = {e.value for e in RectEvent if kind_of_rectification(e.value) is not None}
    assert set(lists["rect_event"].only.codes) == told  # type: ignore[union-attr]
    for preset in lists["result"].presets.values():
        assert set(preset.codes) == RESULTS
    for kind in PlatformKind:  # every report names itself, its case, its key and the codings it used
        fields = {e.field for e in mapping.elements if kind in e.kinds}
        assert {"request_id", "event_type", "event_time", "projid", "code_lists"} <= fields, kind
    assert not any(e.confirmed for e in mapping.elements)  # field names not checked against the region's interface
    assert all(e.basis for e in mapping.elements)


def test_every_code_list_and_every_preset_names_its_source() -> None:
    """The lists the field codes in two ways wait for the integrator's choice; each is cited."""
    lists = load_mapping(SHIPPED).lists
    assert all(cl.title and cl.source for cl in lists.values())
    assert all(p.source for cl in lists.values() for p in cl.presets.values())
    assert {n for n, cl in lists.items() if cl.needs_choice} == {"level", "channel", "item_kind", "result"}
    assert "A.8" in lists["level"].presets["gbt39046"].source
    assert "A.6" in lists["item_kind"].presets["gbt39046"].source
    assert "A.7" in lists["special_procedure"].only.source  # type: ignore[union-attr]
    assert "表 9" in lists["channel"].source
    assert "GB/T 36903" in lists["holder_type"].source
    assert "GA/T 2000.156" in lists["id_type"].source
    assert lists["result"].presets["bjjgdm"].codes["voided"] == "3"  # 删除办结: an entry made in error
    assert lists["result"].presets["bjjgdm"].codes["lapsed"] == "5"  # 补正不来办结
    assert lists["result"].presets["bjjgdm"].codes["withdrawn"] == "5"  # the applicant pursues it no further
    assert lists["result"].presets["bjjgdm_variant"].codes["refused"] == "6"  # 不予受理
    for preset in ("bjjgdm", "bjjgdm_variant"):  # 不予受理 and 不予许可 are two acts, reported apart in either coding
        codes = lists["result"].presets[preset].codes
        assert codes["refused"] != codes["denied"], preset
    assert lists["result"].presets["bjjgdm_variant"].codes["withdrawn"] == "5"  # 退件, 申请人主动放弃


def test_a_coding_is_asked_of_the_chosen_preset_and_refused_until_chosen() -> None:
    codings = load_mapping(SHIPPED).codings({"level": "gbt39046"})
    assert [cl.name for cl in codings.unchosen()] == ["channel", "item_kind", "result"]
    assert codings.code("level", "very_satisfied") == "1"
    assert codings.code("special_procedure", "extension") == "1"  # a list of one coding needs no choice
    with pytest.raises(Unchosen) as unchosen:
        codings.code("channel", "hall_tablet")
    assert unchosen.value.titles == ("评价渠道",)
    chosen = load_mapping(SHIPPED).codings({"level": "hcp", "channel": "hcp_sms6", "item_kind": "zero_one",
                                            "result": "bjjgdm"})  # fmt: skip
    assert chosen.unchosen() == ()
    assert chosen.code("level", "very_satisfied") == "5"
    with pytest.raises(NoCode):  # that client has no 电话: never sent as another channel's code
        chosen.code("channel", "phone")
    assert chosen.used_text("level", "channel") == "level=hcp;channel=hcp_sms6"


def test_a_broken_mapping_is_refused_with_every_problem_named() -> None:
    with pytest.raises(MappingError) as refused:
        mapping_from(
            {
                "kinds": {"accepted": "1", "birthday": "9"},
                "elements": [
                    {"element": "办件编号", "field": "projid", "source": "case.number"},
                    {"element": "事项", "field": "item", "source": "item.code", "kinds": ["wedding"]},
                    {"element": "等级", "field": "level", "source": "rating.level", "code": "stars"},
                    {"element": "办件编号", "field": "level", "source": "case.case_no"},
                    {"field": "x", "source": "case.case_no"},
                ],
            },
            "broken.toml",
        )
    assert refused.value.problems == [
        "broken.toml: [kinds] birthday: no such event",
        "broken.toml: elements[0]: unknown source case.number",
        "broken.toml: elements[1]: unknown kind wedding",
        "broken.toml: elements[2]: no code list stars",
        "broken.toml: elements[3]: field level twice",
        "broken.toml: elements[4]: no element",
    ]


def test_an_unreadable_file_is_a_mapping_error(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("[platform\n", encoding="utf-8")
    with pytest.raises(MappingError):
        load_mapping(tmp_path / "bad.toml")
    with pytest.raises(MappingError):
        load_mapping(tmp_path / "missing.toml")


def test_codes_are_applied_a_value_no_code_is_refused_and_a_required_element_must_have_a_value() -> None:
    mapping = mapping_from(
        {
            "kinds": {"rated": "评价"},
            "lists": {"level": {"title": "满意度代码", "source": "GB/T 39046-2020 A.8",
                                "presets": {"p": {"source": "x", "codes": {"dissatisfied": "2"}}}}},
            "elements": [
                {"element": "事件类型", "field": "type", "source": "event.kind"},
                {"element": "评价等级", "field": "level", "source": "rating.level", "code": "level",
                 "kinds": ["rating"], "required": True},
                {"element": "受理时间", "field": "accepted", "source": "case.accepted_on", "kinds": ["accepted"]},
            ],
        }
    )  # fmt: skip
    facts = dict.fromkeys(SOURCES, "") | {"event.kind": "rated", "rating.level": "dissatisfied"}
    codings = mapping.codings()
    assert mapping.render(PlatformKind.RATED, facts, codings) == {"type": "评价", "level": "2"}
    with pytest.raises(NoCode):
        mapping.render(PlatformKind.RATED, facts | {"rating.level": "satisfied"}, codings)
    with pytest.raises(MissingElement) as missing:
        mapping.render(PlatformKind.RATED, facts | {"rating.level": ""}, codings)
    assert missing.value.elements == ["评价等级"]


def test_a_received_intake_is_told_as_a_receipt_with_no_acceptance_and_the_agents_papers_typed() -> None:
    """The hall's 收件 carries no 受理 date or promise; a 不予受理 of a hall that only receives is the applicant's
    withdrawal; the agent's 证件类型 goes with the agent's number."""
    assert told_as(PlatformKind.ACCEPTED, True) is PlatformKind.RECEIVED
    assert told_as(PlatformKind.DEFERRED, True) is PlatformKind.RECEIVED
    assert told_as(PlatformKind.REFUSED, True) is PlatformKind.WITHDRAWN
    assert told_as(PlatformKind.ACCEPTED, False) is PlatformKind.ACCEPTED
    mapping = load_mapping(SHIPPED)
    codings = mapping.codings(CHOSEN)
    facts = dict.fromkeys(SOURCES, "x") | {"event.kind": "received", "case.agent_id_type": "id_card",
                                           "case.applicant_id_type": "id_card", "case.applicant_kind": "person",
                                           "case.delivery": "pickup", "case.item_kind": "immediate",
                                           "step.action": "pass", "case.materials": ""}  # fmt: skip
    sent = mapping.render(PlatformKind.RECEIVED, facts, codings)
    assert sent["event_type"] == "收件"
    assert "accept_date" not in sent
    assert "promise_date" not in sent
    assert sent["agent_cert_type"] == "111"


def test_which_lines_the_platform_is_told_of() -> None:
    assert told_of_line("taken", "accept") is not None
    assert told_of_line("taken", "refuse").kind is PlatformKind.REFUSED  # type: ignore[union-attr]
    assert told_of_line("item_denied", "152201-YJS008-03：不符合").item_code == "152201-YJS008-03"  # type: ignore[union-attr]
    assert told_of_line("denied", "").kind is PlatformKind.COMPLETED  # type: ignore[union-attr]
    for inner in ("item_routed", "item_signed", "item_review", "dates_moved", "deferred_arrived"):
        assert told_of_line(inner, "") is None
    # 特别程序 (GB/T 39046 表 7): an item's 延期, 暂停 and its resumption, a 容缺 deadline extended; a lapsed 补正
    paused = told_of_line("item_paused", '152201-YJS008-02：{"pause": "hearing", "detail": "听证"}')
    assert paused == Told(PlatformKind.SPECIAL_PROCEDURE, "152201-YJS008-02")
    assert told_of_line("deferral_extended", "2026-12-01：医院停诊") == Told(PlatformKind.SPECIAL_PROCEDURE)
    assert told_of_line("correction_lapsed", "") == Told(PlatformKind.LAPSED)
    assert kind_of_rectification("opened") is None  # told with the rating
    assert kind_of_rectification("note") is None


def test_the_docs_list_every_element_of_the_shipped_mapping_with_its_source() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "platform.md").read_text(encoding="utf-8")
    rows = {line.split(" | ")[0].removeprefix("| ") for line in docs.splitlines() if line.startswith("| ")}
    for element in load_mapping(SHIPPED).elements:
        assert element.element in rows, element.element
        assert f"| `{element.field}` | `{element.source}` |" in docs, element.field


def test_every_kind_of_event_has_its_words() -> None:
    """The failed list (F8 平台上报, ``counter platform list``) names each event's kind: a kind without words would
    stop the list at the first such event (a voided case's licence, withheld, is one)."""
    assert set(PLATFORM_KIND) == set(PlatformKind)


@pytest.mark.parametrize("channel_preset", ["hcp", "hcp_sms6", "gbt39046_names"])
def test_the_export_and_the_platform_send_one_code_for_one_channel(channel_preset: str) -> None:
    """Both ask the same question of the same list: a rating on the window's pad is one code in the file the
    supervisor exports and in the report the platform receives, whichever coding the integrator chose."""
    mapping = load_mapping(SHIPPED)
    codings = mapping.codings({"level": "hcp", "channel": channel_preset, "item_kind": "gbt39046",
                               "result": "bjjgdm"})  # fmt: skip
    for channel in Channel:
        if channel.value not in mapping.lists["channel"].presets[channel_preset].codes:
            continue  # a client without 电话: neither sends it (NoCode), tested above
        record = dataclasses.replace(RECORD, channel=channel)
        facts = dict.fromkeys(SOURCES, "x") | {"event.kind": "rated", "rating.level": record.level.value,
                                               "rating.channel": channel.value, "rating.round": "1"}  # fmt: skip
        sent = mapping.render(PlatformKind.RATED, facts, codings)
        assert sent["rate_channel"] == export_row(record, codings)["channel"], channel
        assert sent["rate_level"] == export_row(record, codings)["level"]


@pytest.mark.parametrize(
    ("elements", "problem"),
    [
        (5, "m.toml: elements: not an array of tables"),
        ("projid", "m.toml: elements: not an array of tables"),
        ([{"element": "办件编号", "field": "projid", "source": "case.case_no", "kinds": 5}],
         "m.toml: elements[0]: kinds not an array"),
        ([{"element": "办件编号", "field": "projid", "source": "case.case_no", "kinds": "accepted"}],
         "m.toml: elements[0]: kinds not an array"),
    ],
)  # fmt: skip
def test_elements_or_their_kinds_not_an_array_are_named_not_a_crash(elements: object, problem: str) -> None:
    """Written as a number they stopped the program with a TypeError; as text, each letter was an unknown kind."""
    with pytest.raises(MappingError) as refused:
        mapping_from({"elements": elements}, "m.toml")
    assert refused.value.problems[0] == problem
    assert not any("unknown kind" in p for p in refused.value.problems)


@pytest.mark.parametrize("key", ["required", "confirmed"])
def test_a_yes_or_no_written_as_text_is_named_not_read_as_yes(key: str) -> None:
    """``confirmed = "false"`` was read with bool(): text is true, an element no one confirmed sent as confirmed."""
    element = {"element": "办件编号", "field": "projid", "source": "case.case_no", key: "false"}
    with pytest.raises(MappingError) as refused:
        mapping_from({"elements": [element]}, "m.toml")
    assert refused.value.problems[0] == f"m.toml: elements[0]: {key} not true or false"


@pytest.mark.parametrize(
    ("tables", "problem"),
    [
        ({"lists": "level"}, "m.toml: [lists]: not a table"),
        ({"lists": {"level": {"title": "满意度代码", "source": "GB/T 39046", "presets": "gbt39046"}}},
         "m.toml: [lists.level]: presets not a table"),
        ({"kinds": ["accepted"]}, "m.toml: [kinds]: not a table"),
        ({"platform": "一体化平台"}, "m.toml: [platform]: not a table"),
        ({"lists": {"level": {"presets": {"gbt39046": {"codes": {"very_satisfied": "1"}}}}}},
         "m.toml: [lists.level]: no title"),
        ({"lists": {"level": {"title": "满意度代码", "source": "GB/T 39046", "presets": {"gbt39046": "1 到 5"}}}},
         "m.toml: [lists.level] preset gbt39046: no codes"),
    ],
)  # fmt: skip
def test_a_table_of_the_mapping_that_is_no_table_is_named_not_a_crash(tables: dict[str, object], problem: str) -> None:
    """A mapping the integrator edits by hand: a list's presets, its lists or its kinds written as text stopped the
    program with a ValueError, where every other table not a table is a problem of the file named."""
    element = {"element": "办件编号", "field": "projid", "source": "case.case_no"}
    with pytest.raises(MappingError) as refused:
        mapping_from({**tables, "elements": [element]}, "m.toml")
    assert problem in refused.value.problems
