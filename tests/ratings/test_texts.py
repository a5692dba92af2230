"""Every code of the ratings has its Chinese words, and the ratings domain stays free of Qt and SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
from enum import StrEnum

import pytest

from counter.catalog.model import TimeUnit
from counter.ratings.figures import Grouping
from counter.ratings.levels import Level
from counter.ratings.reasons import DEFAULT_LABELS, DEFAULT_REASONS, MAX_REASON_LENGTH, ReasonCode
from counter.ratings.rectification import AppealGround, AppealProblem, AppealStatus, MoveProblem, RectEvent, RectState
from counter.ratings.settings import SettingProblemCode
from counter.ratings.status import DeskStatus, SendRefusal
from counter.ui.pad.words import RATING_SETTINGS_UNIT
from counter.words.ratings import (
    APPEAL_GROUND,
    APPEAL_PROBLEM,
    APPEAL_STATUS,
    RATING_DESK_STATUS,
    RATING_GROUPING,
    RATING_LEVEL,
    RATING_REFUSAL,
    RATING_SETTING_PROBLEM,
    RECT_EVENT,
    RECT_MOVE_PROBLEM,
    RECT_STATE,
    percent_text,
)


@pytest.mark.parametrize(
    ("words", "codes"),
    [
        (RATING_LEVEL, Level),
        (DEFAULT_LABELS, ReasonCode),
        (RATING_DESK_STATUS, DeskStatus),
        (RATING_REFUSAL, SendRefusal),
        (RECT_STATE, RectState),
        (RECT_EVENT, RectEvent),
        (RECT_MOVE_PROBLEM, MoveProblem),
        (APPEAL_GROUND, AppealGround),
        (APPEAL_PROBLEM, AppealProblem),
        (APPEAL_STATUS, AppealStatus),
        (RATING_SETTING_PROBLEM, SettingProblemCode),
        (RATING_GROUPING, Grouping),
        (RATING_SETTINGS_UNIT, TimeUnit),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_every_code_has_its_words(words: dict[str, str], codes: type[StrEnum]) -> None:
    assert set(words) == {code.value for code in codes}
    assert all(text.strip() for text in words.values())
    for code in codes:
        assert words[code]  # the enum member finds its words by value


def test_the_default_reasons_are_those_of_a_real_pad_and_fit_a_button() -> None:
    labels = [DEFAULT_LABELS[code] for code in DEFAULT_REASONS]
    assert labels == ["办理时间长", "服务态度差", "办理环境差", "流程太复杂", "等待时间长", "其他"]
    assert all(len(label) <= MAX_REASON_LENGTH for label in labels)


def test_the_levels_read_as_the_standard_names_them() -> None:
    assert [RATING_LEVEL[level] for level in Level] == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]


def test_a_rate_reads_as_a_percentage() -> None:
    assert percent_text(None) == "—"
    assert percent_text(2 / 3) == "66.7%"
    assert percent_text(1.0) == "100.0%"


def test_the_ratings_domain_imports_neither_qt_nor_sqlalchemy() -> None:
    code = (
        "import json, sys\n"
        "import counter.ratings.levels, counter.ratings.choice, counter.ratings.figures\n"
        "import counter.ratings.rectification, counter.ratings.settings, counter.ratings.export\n"
        "import counter.ratings.views, counter.ratings.status, counter.ratings.reasons\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
