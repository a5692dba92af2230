"""The code lists the platform's elements are coded by, each with its source, and the coding a site chose of each.

The lists are data, in the platform's mapping file (``[lists.<name>]``, :mod:`counter.platform.mapping`): each names
its source (GB/T 39046-2020 附录 A, the 好差评 interfaces in the field, BJJGDM as window systems send it, GB/T
36903-2018 …) and holds one or more *presets*, the codings met in the field, each with its own source.  Where the
field codes a list in more than one way (满意度 counts up in GB/T 39046 A.8 and down in the 好差评 interfaces; 办结结果
has a common variant), nothing says which one a region's platform reads: the integrator chooses, and a site reports
nothing until every such list is chosen (:meth:`Codings.unchosen`).  A list with one preset is chosen by itself.

One question is asked of them everywhere, by the platform's sender, the ratings export and the front-store writer
alike: :meth:`Codings.code` — "the code of X in the chosen preset" — so that two consumers never send two codes for
one channel.  A value the chosen preset has no code for is :class:`NoCode`: the event is not sent as something else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Preset:
    """One coding of a list: the app's value → the code, and where that coding is written."""

    name: str
    source: str
    codes: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class CodeList:
    """A code list: its name in the standard (``title``), its source, and the codings met in the field."""

    name: str
    title: str
    source: str
    presets: Mapping[str, Preset]

    @property
    def needs_choice(self) -> bool:
        """More than one coding is in use: the integrator says which one the platform reads."""
        return len(self.presets) > 1

    @property
    def only(self) -> Preset | None:
        """The one preset of a list that needs no choice."""
        return next(iter(self.presets.values())) if len(self.presets) == 1 else None


_UNCHOSEN = "code lists without a chosen coding: "
_NO_CODE = re.compile(r"code list (?P<list>\S+) \((?P<preset>[^)]*)\) has no code for (?P<value>.*)", re.DOTALL)


class Unchosen(LookupError):
    """Lists whose coding the integrator has not chosen: nothing is reported until each is.  Its text is a failed
    event's stored reason, read back by :func:`unchosen_of`."""

    def __init__(self, lists: tuple[CodeList, ...]) -> None:
        super().__init__(_UNCHOSEN + ", ".join(cl.name for cl in lists))
        self.lists = lists

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(cl.title for cl in self.lists)


class NoCode(LookupError):
    """A value the chosen preset of a list has no code for.  Its text is a failed event's stored reason, read back
    by :func:`no_code_of`."""

    def __init__(self, list_name: str, preset: str, value: str) -> None:
        super().__init__(f"code list {list_name} ({preset}) has no code for {value}")
        self.list_name, self.preset, self.value = list_name, preset, value


def unchosen_of(text: str) -> tuple[str, ...] | None:
    """The lists an :class:`Unchosen`'s stored text names; None for any other text."""
    return tuple(text.removeprefix(_UNCHOSEN).split(", ")) if text.startswith(_UNCHOSEN) else None


def no_code_of(text: str) -> tuple[str, str, str] | None:
    """The list, the preset and the value a :class:`NoCode`'s stored text names; None for any other text."""
    found = _NO_CODE.fullmatch(text)
    return None if found is None else (found["list"], found["preset"], found["value"])


@dataclass(frozen=True, slots=True)
class Codings:
    """The lists of a mapping file and the preset a site chose of each (list name → preset name)."""

    lists: Mapping[str, CodeList]
    chosen: Mapping[str, str] = field(default_factory=dict)

    def unchosen(self) -> tuple[CodeList, ...]:
        """The lists that need a choice and have none (or one that names no preset of theirs), in the file's order."""
        return tuple(cl for cl in self.lists.values() if cl.needs_choice and self.chosen.get(cl.name) not in cl.presets)

    def preset(self, list_name: str) -> Preset:
        """The preset in use for a list: the one chosen, or its only one.  :class:`Unchosen` for one not chosen;
        KeyError for a list the file does not have."""
        code_list = self.lists[list_name]
        if code_list.only is not None:
            return code_list.only
        chosen = self.chosen.get(list_name)
        if chosen not in code_list.presets:
            raise Unchosen((code_list,))
        return code_list.presets[str(chosen)]

    def code(self, list_name: str, value: str) -> str:
        """The code of ``value`` (the app's value: ``very_satisfied``, ``hall_tablet``, ``voided`` …) in the chosen
        preset of ``list_name``.  :class:`Unchosen`, :class:`NoCode`, or KeyError for a list not in the file."""
        preset = self.preset(list_name)
        try:
            return preset.codes[value]
        except KeyError:
            raise NoCode(list_name, preset.name, value) from None

    def used(self) -> dict[str, str]:
        """The coding used of each list (list → preset), as every report and export names it."""
        found: dict[str, str] = {}
        for name, code_list in self.lists.items():
            only = code_list.only
            if only is not None:
                found[name] = only.name
            elif self.chosen.get(name) in code_list.presets:
                found[name] = str(self.chosen[name])
        return found

    def used_text(self, *names: str) -> str:
        """The codings used, as one line: ``level=gbt39046;channel=hcp``, of ``names`` (all lists when none)."""
        used = self.used()
        return ";".join(f"{n}={used[n]}" for n in (names or tuple(used)) if n in used)


def code_lists_from(data: Mapping[str, Any], where: str, problems: list[str]) -> dict[str, CodeList]:
    """The ``[lists]`` of a mapping file, every problem added to ``problems`` with where it is.

    ::

        [lists.level]
        title = "满意度代码"
        source = "GB/T 39046-2020 表 9、附录 A.8"
        [lists.level.presets.gbt39046]
        source = "GB/T 39046-2020 附录 A.8：1 非常满意 … 5 非常不满意"
        codes = { very_satisfied = "1", … }
    """
    found: dict[str, CodeList] = {}
    if not isinstance(data, Mapping):  # lists = "…" in the file: named, as every other table not a table
        problems.append(f"{where}: [lists]: not a table")
        return found
    for name, raw in data.items():
        at = f"{where}: [lists.{name}]"
        if not isinstance(raw, Mapping):
            problems.append(f"{at}: not a table")
            continue
        title, source = str(raw.get("title", "")).strip(), str(raw.get("source", "")).strip()
        if not title:
            problems.append(f"{at}: no title")
        if not source:
            problems.append(f"{at}: no source")
        presets: dict[str, Preset] = {}
        given = raw.get("presets", {})
        if not isinstance(given, Mapping):
            problems.append(f"{at}: presets not a table")
            given = {}
        for preset_name, preset in given.items():
            p_at = f"{at} preset {preset_name}"
            if not isinstance(preset, Mapping) or not isinstance(preset.get("codes"), Mapping):
                problems.append(f"{p_at}: no codes")
                continue
            p_source = str(preset.get("source", "")).strip()
            if not p_source:
                problems.append(f"{p_at}: no source")
            codes = {str(k): str(v) for k, v in preset["codes"].items()}
            presets[str(preset_name)] = Preset(str(preset_name), p_source, codes)
        if not presets:
            problems.append(f"{at}: no presets")
        found[str(name)] = CodeList(str(name), title, source, presets)
    return found
