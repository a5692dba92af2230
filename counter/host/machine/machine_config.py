"""This computer's desk settings, shared by everyone who signs in to it, read before each user's ``desk.json``.

A desk is a machine at a window: its site, desk number, printer and review-pad screen belong to the machine and are
set once by whoever installs it, while the clerk's name, staff number and photo belong to the person signed in to
the computer.  The machine's file is TOML, where each system keeps settings for all users; ``COUNTER_MACHINE_CONFIG``
names another file (a test, a trial installation).  A broken file never stops the desk: what cannot be used is left
out and logged, and ``counter desk`` names it.
"""

from __future__ import annotations

import enum
import logging
import os
import sys
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from counter.case.numbers import DESK_NO_GIVEN, SITE_CODE

log = logging.getLogger(__name__)

ENV_PATH = "COUNTER_MACHINE_CONFIG"
FILE_NAME = "desk.toml"
# the fields a case number is made of; the desk number as it is given (a file someone wrote), no leading zero
_CHECKED = {"site_code": SITE_CODE, "desk_no": DESK_NO_GIVEN}


class MachineFault(enum.Enum):
    UNREADABLE = "unreadable"  # the whole file is left out
    NOT_TOML = "not_toml"  # the whole file is left out
    UNKNOWN_FIELD = "unknown_field"
    NOT_TEXT = "not_text"  # a table, a list, true/false: not a setting's value
    BAD_SITE_CODE = "bad_site_code"
    BAD_DESK_NO = "bad_desk_no"
    NOT_A_CHOICE = "not_a_choice"  # a field with a few possible values (the pad's mode) given another


_BAD_VALUE = {"site_code": MachineFault.BAD_SITE_CODE, "desk_no": MachineFault.BAD_DESK_NO}


@dataclass(frozen=True, slots=True)
class MachineProblem:
    fault: MachineFault
    field: str = ""  # "" when the whole file is left out
    detail: str = ""  # the reader's own words, or the value that was left out


@dataclass(frozen=True, slots=True)
class MachineSettings:
    path: Path
    found: bool = False
    values: Mapping[str, str] = field(default_factory=dict)  # only the fields that can be used
    problems: tuple[MachineProblem, ...] = ()


def machine_config_path() -> Path:
    given = os.environ.get(ENV_PATH)
    if given:
        return Path(given)
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA", r"C:\ProgramData")  # Windows reads the name in any case
        return Path(program_data) / "counter" / FILE_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support/counter") / FILE_NAME
    return Path("/etc/counter") / FILE_NAME


def read_machine_settings(
    fields: Collection[str], choices: Mapping[str, Collection[str]] | None = None
) -> MachineSettings:
    """The machine file's usable values among ``fields``, and what was left out of it, and why.

    ``choices``: the values a field may take, for the fields that take one of a few.
    """
    path = machine_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return MachineSettings(path)
    except (OSError, UnicodeDecodeError) as err:
        return _logged(MachineSettings(path, True, {}, (MachineProblem(MachineFault.UNREADABLE, "", str(err)),)))
    import tomllib  # only where a machine file exists: most desks have none, and start without the TOML reader

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        return _logged(MachineSettings(path, True, {}, (MachineProblem(MachineFault.NOT_TOML, "", str(err)),)))
    values: dict[str, str] = {}
    problems: list[MachineProblem] = []
    for name, value in raw.items():
        fault = _fault(name, value, fields, choices or {})
        if fault is None:
            values[name] = str(value)
        else:
            problems.append(MachineProblem(fault, name, str(value)))
    return _logged(MachineSettings(path, True, values, tuple(problems)))


def _fault(
    name: str, value: object, fields: Collection[str], choices: Mapping[str, Collection[str]]
) -> MachineFault | None:
    if name not in fields:
        return MachineFault.UNKNOWN_FIELD
    if isinstance(value, bool) or not isinstance(value, str | int):  # desk_no = 8 is as good as desk_no = "8"
        return MachineFault.NOT_TEXT
    pattern = _CHECKED.get(name)
    if pattern is not None and not pattern.match(str(value)):
        return _BAD_VALUE[name]
    if name in choices and str(value) not in choices[name]:
        return MachineFault.NOT_A_CHOICE
    return None


_logged_before: set[tuple[Path, MachineProblem]] = set()


def _logged(settings: MachineSettings) -> MachineSettings:
    """Log each problem once a process: the desk reads its settings at every action."""
    for problem in settings.problems:
        if (settings.path, problem) not in _logged_before:
            _logged_before.add((settings.path, problem))
            log.warning("machine desk settings %s: %s %s %s, left out", settings.path, problem.fault.value,
                        problem.field, problem.detail)  # fmt: skip
    return settings
