"""The mapping of events to the platform's elements is data: the shipped file is whole, a broken one is refused with
every problem named, and what a required element lacks keeps an event from being sent as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.intake.parties import ApplicantKind, Delivery
from counter.platform.events import PlatformKind, kind_of_rectification, told_of_line
from counter.platform.mapping import SOURCES, MappingError, MissingElement, load_mapping, mapping_from
from counter.ratings.levels import Channel, Level
from counter.ratings.rectification import RectEvent
from counter.resources import resources_dir
from counter.words.platform import PLATFORM_KIND

SHIPPED = resources_dir() / "platform" / "nmg.toml"


def test_the_shipped_mapping_names_every_kind_and_every_code_the_app_has() -> None:
    mapping = load_mapping(SHIPPED)
    assert set(mapping.kinds) == {k.value for k in PlatformKind}
    assert set(mapping.codes["level"]) == {level.value for level in Level}
    assert set(mapping.codes["channel"]) == {c.value for c in Channel}
    assert set(mapping.codes["delivery"]) == {d.value for d in Delivery}
    assert set(mapping.codes["applicant_kind"]) == {k.value for k in ApplicantKind}
    told = {e.value for e in RectEvent if kind_of_rectification(e.value) is not None}
    assert set(mapping.codes["rect_event"]) == told
    assert mapping.codes["channel"][Channel.HALL_TABLET.value] == "pad"  # 现场评价器
    for kind in PlatformKind:  # every report names itself, its case and its key
        fields = {e.field for e in mapping.elements if kind in e.kinds}
        assert {"request_id", "event_type", "event_time", "projid"} <= fields, kind
    assert not any(e.confirmed for e in mapping.elements)  # nothing checked against the region's interface yet
    assert all(e.basis for e in mapping.elements)


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


def test_codes_are_applied_a_value_no_list_names_passes_and_a_required_element_must_have_a_value() -> None:
    mapping = mapping_from(
        {
            "kinds": {"rated": "评价"},
            "codes": {"level": {"dissatisfied": "2"}},
            "elements": [
                {"element": "事件类型", "field": "type", "source": "event.kind"},
                {"element": "评价等级", "field": "level", "source": "rating.level", "code": "level",
                 "kinds": ["rating"], "required": True},
                {"element": "受理时间", "field": "accepted", "source": "case.accepted_on", "kinds": ["accepted"]},
            ],
        }
    )  # fmt: skip
    facts = dict.fromkeys(SOURCES, "") | {"event.kind": "rated", "rating.level": "dissatisfied"}
    assert mapping.render(PlatformKind.RATED, facts) == {"type": "评价", "level": "2"}
    assert mapping.render(PlatformKind.RATED, facts | {"rating.level": "satisfied"})["level"] == "satisfied"
    with pytest.raises(MissingElement) as missing:
        mapping.render(PlatformKind.RATED, facts | {"rating.level": ""})
    assert missing.value.elements == ["评价等级"]


def test_which_lines_the_platform_is_told_of() -> None:
    assert told_of_line("taken", "accept") is not None
    assert told_of_line("taken", "refuse").kind is PlatformKind.REFUSED  # type: ignore[union-attr]
    assert told_of_line("item_denied", "152201-YJS008-03：不符合").item_code == "152201-YJS008-03"  # type: ignore[union-attr]
    assert told_of_line("denied", "").kind is PlatformKind.COMPLETED  # type: ignore[union-attr]
    for inner in ("item_routed", "item_signed", "item_paused", "dates_moved", "deferred_arrived"):
        assert told_of_line(inner, "") is None
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
