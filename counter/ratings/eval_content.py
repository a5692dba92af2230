"""测评内容: the national, versioned list of reasons, loaded as data and shown per level.

The national 好差评 system keeps one list of 评价指标 "根据不同的评价等级分级展示" and under version management, and
forbids adding to it ("未经允许不得…添加或删除评价指标"); its interfaces send the chosen ones as codes.  So the list
is a file (``counter/resources/platform/eval-content.toml``, its sources cited there), never a setting the hall
edits: the hall's own extra reasons stay plain labels, kept with the rating and never reported as a national code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from counter.ratings.levels import Level
from counter.resources import EVAL_CONTENT_FILE, PLATFORM, resources_dir

__all__ = ["EvalContent", "EvalContentError", "Indicator", "load_eval_content"]


@dataclass(frozen=True, slots=True)
class Indicator:
    """One 评价指标: its national code, its label as the pad shows it, and the levels it is offered for."""

    code: str
    label: str
    levels: frozenset[Level]
    confirmed: bool  # the code is read in a public text; False: the label is, its code is not


@dataclass(frozen=True, slots=True)
class EvalContent:
    version: str
    indicators: tuple[Indicator, ...]
    source: str = ""

    def for_level(self, level: Level) -> tuple[Indicator, ...]:
        """The indicators the pad shows after ``level``, in the list's order."""
        return tuple(i for i in self.indicators if level in i.levels)


class EvalContentError(ValueError):
    """The list's file is not one the pad and the reports can use."""


def eval_content_path() -> Path:
    return resources_dir() / PLATFORM / EVAL_CONTENT_FILE


def parse_eval_content(data: dict[str, object]) -> EvalContent:
    version = str(data.get("version") or "").strip()
    if not version:
        raise EvalContentError("version")
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise EvalContentError("entries")
    indicators: list[Indicator] = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise EvalContentError("entries")
        code, label = str(entry.get("code") or "").strip(), str(entry.get("label") or "").strip()
        if not code or not label or any(code == i.code or label == i.label for i in indicators):
            raise EvalContentError(code or label or "entries")
        try:
            levels = frozenset(Level(v) for v in entry.get("levels") or ())
        except ValueError as exc:
            raise EvalContentError(code) from exc
        if not levels:
            raise EvalContentError(code)
        indicators.append(Indicator(code, label, levels, bool(entry.get("confirmed", False))))
    return EvalContent(version, tuple(indicators), str(data.get("source") or ""))


def load_eval_content() -> EvalContent:
    """The shipped list; the TOML reader is loaded only here: the pad's start needs the types alone."""
    import tomllib

    with eval_content_path().open("rb") as f:
        return parse_eval_content(tomllib.load(f))
