"""测评内容: the national list loaded as data, shown per level, stored and reported as codes with its version."""

from __future__ import annotations

import json

import pytest

from counter.ratings.eval_content import EvalContent, EvalContentError, Indicator, load_eval_content, parse_eval_content
from counter.ratings.levels import Level
from counter.ratings.pad_reasons import level_reasons, offered_reasons
from counter.ratings.reasons import MAX_REASONS
from counter.ratings.settings import RatingSettings
from counter.ratings.stored_reasons import local_labels, national_codes, reason_labels, stored_reasons

BAD = frozenset({Level.DISSATISFIED, Level.VERY_DISSATISFIED})
CONTENT = EvalContent(
    "v9",
    (
        Indicator("501", "服务效率", BAD, confirmed=False),
        Indicator("509", "态度恶劣", frozenset({Level.VERY_DISSATISFIED}), confirmed=False),
    ),
)


def test_the_shipped_list_names_its_version_and_its_codes() -> None:
    content = load_eval_content()
    assert content.version == "national-offline-1"
    assert [(i.code, i.label) for i in content.indicators] == [
        ("501", "服务效率"),
        ("502", "服务水平"),
        ("503", "服务态度"),
    ]
    assert all(i.levels == BAD for i in content.indicators)
    assert not any(i.confirmed for i in content.indicators)  # the codes are not read in a public text yet
    assert "评价内容标准" in content.source


def test_the_pad_shows_each_level_its_own_indicators_then_the_halls_own() -> None:
    settings = RatingSettings(reasons=("排队时间长", "服务效率"))
    assert level_reasons(settings, Level.DISSATISFIED, CONTENT) == ("服务效率", "排队时间长")
    assert level_reasons(settings, Level.VERY_DISSATISFIED, CONTENT) == ("服务效率", "态度恶劣", "排队时间长")
    assert level_reasons(settings, Level.SATISFIED, CONTENT) == ("排队时间长", "服务效率")
    assert offered_reasons(settings, CONTENT) == ("服务效率", "排队时间长", "态度恶劣")


def test_the_pad_never_offers_more_buttons_than_it_has_room_for() -> None:
    settings = RatingSettings(reasons=tuple(f"原因{n}" for n in range(MAX_REASONS)))
    shown = level_reasons(settings, Level.VERY_DISSATISFIED, CONTENT)
    assert len(shown) == MAX_REASONS
    assert shown[:2] == ("服务效率", "态度恶劣")


def test_a_national_reason_is_stored_as_its_code_and_version_a_halls_own_as_its_label() -> None:
    raw = json.dumps(stored_reasons(("态度恶劣", "排队时间长"), Level.VERY_DISSATISFIED, CONTENT), ensure_ascii=False)
    assert national_codes(raw) == (("509",), "v9")
    assert local_labels(raw) == ("排队时间长",)
    assert reason_labels(raw) == ("态度恶劣", "排队时间长")
    # a label of the list given after a level it does not apply to is the hall's own, never sent as 509
    other = json.dumps(stored_reasons(("态度恶劣",), Level.DISSATISFIED, CONTENT), ensure_ascii=False)
    assert national_codes(other) == ((), "")


def test_ratings_stored_before_the_list_read_as_they_always_did() -> None:
    assert reason_labels('["等待时间长"]') == ("等待时间长",)
    assert national_codes('["等待时间长"]') == ((), "")
    assert reason_labels("") == ()


@pytest.mark.parametrize(
    "data",
    [
        {"entries": [{"code": "501", "label": "服务效率", "levels": ["dissatisfied"]}]},  # no version
        {"version": "1", "entries": [{"code": "501", "label": "服务效率", "levels": []}]},  # no level
        {"version": "1", "entries": [{"code": "501", "label": "服务效率", "levels": ["bad"]}]},
        {
            "version": "1",
            "entries": [
                {"code": "501", "label": "甲", "levels": ["dissatisfied"]},
                {"code": "501", "label": "乙", "levels": ["dissatisfied"]},
            ],
        },  # one code twice
    ],
)
def test_a_list_the_pad_cannot_use_is_refused(data: dict[str, object]) -> None:
    with pytest.raises(EvalContentError):
        parse_eval_content(data)
