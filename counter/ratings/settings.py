"""The office's rating settings: shared by every desk, kept in the database.

A stored value that cannot be used (edited by hand, written by a newer
program) never stops the pad: the default is used in its place and the
problem is reported, so the supervisor can see why the pad behaves as it does.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from counter.catalog.model import TimeLimit, TimeUnit
from counter.ratings.reasons import MAX_REASON_LENGTH, MAX_REASONS
from counter.ratings.rectification import DEFAULT_PERIOD

KEY_TIMEOUT = "ratings.timeout_seconds"
KEY_REASONS = "ratings.reasons"  # JSON list of labels
KEY_IDLE_TEXT = "ratings.idle_text"
KEY_PERIOD = "ratings.rectification_period"  # "7 calendar_day", "5 working_day"
KEY_MODE = "ratings.mode"  # RatingMode
KEY_DEFAULT = "ratings.default_rating"  # JSON {"days": 7, "basis": "…"}: DefaultRule
KEY_REQUIRE_PAD = "ratings.require_pad_device"  # "1": a hall desk with no paired pad device sends no request
KEYS = (KEY_TIMEOUT, KEY_REASONS, KEY_IDLE_TEXT, KEY_PERIOD, KEY_MODE, KEY_DEFAULT, KEY_REQUIRE_PAD)

DEFAULT_TIMEOUT = 60
TIMEOUT_RANGE = (15, 600)
PERIOD_RANGE = (1, 60)
MAX_IDLE_TEXT = 400
DEFAULT_DAYS_RANGE = (1, 60)
MAX_BASIS = 200


class RatingMode(StrEnum):
    """How the site's applicants rate at the window (内政服发〔2022〕15号: one 自治区 system, "各级各部门接入使用").

    ``pad``: the desk's own pad takes the rating and the desk reports it.  ``region_page``: the pad shows the 自治区
    system's evaluation page for the 办件编号 (its address as a QR code and in text,
    :mod:`counter.platform.rating_page`); the applicant rates there, the desk records only that a rating was asked,
    and no rating enters the desk's file.
    """

    PAD = "pad"
    REGION_PAGE = "region_page"


@dataclass(frozen=True, slots=True)
class DefaultRule:
    """A default rating for a service still unrated ``days`` natural days after it was given: only where the site's
    own rule says so, cited in ``basis`` (广东: 办结后 7 个自然日内未评价的，系统默认“基本满意”).  Off (``days`` 0) by
    default: 国办发〔2019〕51号 and the region's rule (内政服发〔2022〕15号) name no default, and an unrated service is
    never counted as 基本满意 otherwise (:mod:`counter.ratings.figures`).  Applied by the hall's own work, after the
    region's ratings are pulled (:mod:`counter.actions.ratings.region_pull`), as 基本满意 by channel 系统默认评价."""

    days: int = 0
    basis: str = ""

    @property
    def on(self) -> bool:
        return self.days > 0


@dataclass(frozen=True, slots=True)
class RatingSettings:
    timeout_seconds: int = DEFAULT_TIMEOUT  # no rating within this time: recorded as unrated
    reasons: tuple[str, ...] = ()  # empty: the default list (reasons.DEFAULT_REASONS)
    idle_text: str = ""  # the hall's notice on the idle pad; empty: the default welcome
    period: TimeLimit = DEFAULT_PERIOD  # time to verify and rectify a bad rating
    mode: RatingMode = RatingMode.PAD
    default_rule: DefaultRule = DefaultRule()
    # a hall desk's request refused while no pad device is paired to it: its pad window is the clerk's own machine,
    # whose answers the rated clerk could give (:data:`counter.ratings.levels.SECOND_SCREEN`); a township's and a
    # desk not registered at a hall server keep their pad window
    require_pad_device: bool = False


class SettingProblemCode(StrEnum):
    UNREADABLE = "unreadable"  # a stored value that is not in the expected form
    TIMEOUT_RANGE = "timeout_range"
    PERIOD_RANGE = "period_range"
    TOO_MANY_REASONS = "too_many_reasons"
    REASON_EMPTY = "reason_empty"
    REASON_TOO_LONG = "reason_too_long"
    REASON_REPEATED = "reason_repeated"
    IDLE_TEXT_TOO_LONG = "idle_text_too_long"
    DEFAULT_DAYS_RANGE = "default_days_range"
    DEFAULT_BASIS_REQUIRED = "default_basis_required"  # a default rating with no rule cited
    DEFAULT_BASIS_TOO_LONG = "default_basis_too_long"


@dataclass(frozen=True, slots=True)
class SettingProblem:
    code: SettingProblemCode
    key: str
    detail: str = ""


def settings_problems(settings: RatingSettings) -> list[SettingProblem]:
    """Every problem of the settings at once; empty when they can be saved."""
    problems: list[SettingProblem] = []
    low, high = TIMEOUT_RANGE
    if not low <= settings.timeout_seconds <= high:
        problems.append(SettingProblem(SettingProblemCode.TIMEOUT_RANGE, KEY_TIMEOUT, str(settings.timeout_seconds)))
    low, high = PERIOD_RANGE
    if not low <= settings.period.value <= high:
        problems.append(SettingProblem(SettingProblemCode.PERIOD_RANGE, KEY_PERIOD, str(settings.period.value)))
    if len(settings.reasons) > MAX_REASONS:
        problems.append(SettingProblem(SettingProblemCode.TOO_MANY_REASONS, KEY_REASONS, str(len(settings.reasons))))
    seen: set[str] = set()
    for reason in settings.reasons:
        label = reason.strip()
        if not label:
            problems.append(SettingProblem(SettingProblemCode.REASON_EMPTY, KEY_REASONS))
        elif len(label) > MAX_REASON_LENGTH:
            problems.append(SettingProblem(SettingProblemCode.REASON_TOO_LONG, KEY_REASONS, label))
        elif label in seen:
            problems.append(SettingProblem(SettingProblemCode.REASON_REPEATED, KEY_REASONS, label))
        seen.add(label)
    if len(settings.idle_text) > MAX_IDLE_TEXT:
        problems.append(SettingProblem(SettingProblemCode.IDLE_TEXT_TOO_LONG, KEY_IDLE_TEXT))
    rule = settings.default_rule
    low, high = DEFAULT_DAYS_RANGE
    if rule.days and not low <= rule.days <= high:
        problems.append(SettingProblem(SettingProblemCode.DEFAULT_DAYS_RANGE, KEY_DEFAULT, str(rule.days)))
    if rule.on and not rule.basis.strip():
        problems.append(SettingProblem(SettingProblemCode.DEFAULT_BASIS_REQUIRED, KEY_DEFAULT))
    if len(rule.basis.strip()) > MAX_BASIS:
        problems.append(SettingProblem(SettingProblemCode.DEFAULT_BASIS_TOO_LONG, KEY_DEFAULT))
    return problems


def settings_values(settings: RatingSettings) -> dict[str, str]:
    """The settings as the stored strings, one per key."""
    return {
        KEY_TIMEOUT: str(settings.timeout_seconds),
        KEY_REASONS: json.dumps([r.strip() for r in settings.reasons], ensure_ascii=False),
        KEY_IDLE_TEXT: settings.idle_text,
        KEY_PERIOD: f"{settings.period.value} {settings.period.unit.value}",
        KEY_MODE: settings.mode.value,
        KEY_DEFAULT: json.dumps(
            {"days": settings.default_rule.days, "basis": settings.default_rule.basis.strip()}, ensure_ascii=False
        ),
        KEY_REQUIRE_PAD: "1" if settings.require_pad_device else "0",
    }


def _unreadable(key: str, raw: str) -> SettingProblem:
    return SettingProblem(SettingProblemCode.UNREADABLE, key, raw[:60])


def _read_rating_way(
    raw: Mapping[str, str | None], problems: list[SettingProblem]
) -> tuple[RatingMode, DefaultRule, bool]:
    """The mode, the default rule and whether a hall desk needs a pad device, as stored; each unreadable one its
    default, reported in ``problems``."""
    mode, rule, require_pad = RatingMode.PAD, DefaultRule(), False
    if (text := raw.get(KEY_REQUIRE_PAD)) is not None:
        if text in ("0", "1"):
            require_pad = text == "1"
        else:
            problems.append(_unreadable(KEY_REQUIRE_PAD, text))
    if (text := raw.get(KEY_MODE)) is not None:
        try:
            mode = RatingMode(text)
        except ValueError:
            problems.append(_unreadable(KEY_MODE, text))
    if (text := raw.get(KEY_DEFAULT)) is not None:
        try:
            stored = json.loads(text)
            rule = DefaultRule(int(stored["days"]), str(stored["basis"]))
        except (ValueError, TypeError, KeyError):
            problems.append(_unreadable(KEY_DEFAULT, text))
    return mode, rule, require_pad


def read_settings(raw: Mapping[str, str | None]) -> tuple[RatingSettings, list[SettingProblem]]:
    """The settings from their stored strings; a missing key is its default, a bad one too (reported)."""
    problems: list[SettingProblem] = []
    default = RatingSettings()
    timeout = default.timeout_seconds
    if (text := raw.get(KEY_TIMEOUT)) is not None:
        try:
            timeout = int(text)
        except ValueError:
            problems.append(_unreadable(KEY_TIMEOUT, text))
    reasons: tuple[str, ...] = ()
    if (text := raw.get(KEY_REASONS)) is not None:
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            reasons = tuple(value)
        else:
            problems.append(_unreadable(KEY_REASONS, text))
    period = default.period
    if (text := raw.get(KEY_PERIOD)) is not None:
        try:
            number, unit = text.split()
            period = TimeLimit(int(number), TimeUnit(unit))
        except ValueError:
            problems.append(_unreadable(KEY_PERIOD, text))
    mode, rule, require_pad = _read_rating_way(raw, problems)
    settings = RatingSettings(timeout, reasons, raw.get(KEY_IDLE_TEXT) or "", period, mode, rule, require_pad)
    found = settings_problems(settings)
    if not found:
        return settings, problems
    # keep what is usable: each broken part falls back to its default
    broken = {p.key for p in found}
    settings = RatingSettings(
        default.timeout_seconds if KEY_TIMEOUT in broken else settings.timeout_seconds,
        () if KEY_REASONS in broken else settings.reasons,
        "" if KEY_IDLE_TEXT in broken else settings.idle_text,
        default.period if KEY_PERIOD in broken else settings.period,
        settings.mode,
        default.default_rule if KEY_DEFAULT in broken else settings.default_rule,  # a rule not whole is off
        settings.require_pad_device,
    )
    return settings, problems + found
