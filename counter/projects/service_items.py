"""The reference list of agent-service items (附件1 “帮您办”代办帮办服务事项参考目录), read and checked.

The list is catalog data, shipped as ``resources/projects/agent-items.tsv`` and replaceable as a bundle's guide is:
the annex says each level publishes its own list and adjusts it (方案 二(二): 实行动态调整).  Each line is the annex's
序号, 承办部门, 事项名称 and 事项类型, with the stage of an investment project where the item is met (方案 二(六)
names the stages), which is what a plan is ordered by.  A broken list is refused whole, with every problem found,
so no desk plans a project against half a list.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from counter.projects.model import Stage
from counter.resources import resources_dir

ITEMS_FILE = "agent-items.tsv"
ITEMS_SETTING = "projects.items"  # a site's own list, as the file's text (setting key; synced to townships)
COLUMNS = 5
ITEM_KINDS = ("行政许可", "行政确认", "行政给付", "行政裁决", "其他行政权力", "公共服务")  # 事项类型 (domain §10)


class Regime(StrEnum):
    """Under which law a project's own approval (its 立项) is given: an enterprise's investment is 核准 or 备案
    (企业投资项目核准和备案管理条例, 国务院令第673号, 第三条: 核准 for the projects of the 政府核准的投资项目目录,
    备案 for all others, never both); a government's investment is approved as 政府投资 (政府投资条例, 国务院令第712号,
    第九条至第十一条: 项目建议书, 可行性研究报告, 初步设计), and only a project using budget funds is one (第二条)."""

    ENTERPRISE = "enterprise"
    GOVERNMENT = "government"


#: the items' names begin with the kind of investment they are for, as the annex and the national lists name them
_REGIME_OF_NAME = {"企业投资项目": Regime.ENTERPRISE, "政府投资项目": Regime.GOVERNMENT}


@dataclass(frozen=True, slots=True)
class ServiceItem:
    """One line of the list: the annex's number, the department that handles it, the item, its kind and stage."""

    no: int
    department: str
    name: str
    kind: str
    stage: Stage

    @property
    def regime(self) -> Regime | None:
        """The kind of investment the item is for, read from its name (a site's own list keeps the annex's names);
        None for an item any project may need (用地, 规划, 施工, 竣工)."""
        return next((r for prefix, r in _REGIME_OF_NAME.items() if self.name.startswith(prefix)), None)


class ListProblem(StrEnum):
    """Why a line of the list is refused; the faces word them."""

    COLUMNS = "columns"  # not five columns separated by tabs
    NUMBER = "number"  # 序号 not a positive whole number
    DUPLICATE_NUMBER = "duplicate_number"
    DUPLICATE_NAME = "duplicate_name"
    EMPTY = "empty"  # a department or item name missing
    KIND = "kind"  # not one of the 事项类型
    STAGE = "stage"  # not one of 立项 用地 规划 施工 竣工
    NO_ITEMS = "no_items"


@dataclass(frozen=True, slots=True)
class ListFault:
    line: int  # 1-based line of the file; 0 for the whole list
    problem: ListProblem
    text: str = ""


class BadServiceList(ValueError):
    """The list cannot be used; every fault is named."""

    def __init__(self, faults: tuple[ListFault, ...]) -> None:
        super().__init__("; ".join(f"line {f.line}: {f.problem.value} {f.text}".strip() for f in faults))
        self.faults = faults


@dataclass(frozen=True, slots=True)
class ServiceList:
    items: tuple[ServiceItem, ...]
    fingerprint: str  # sha256 of the file's text: what a synced desk compares

    def item(self, no: int) -> ServiceItem | None:
        return next((i for i in self.items if i.no == no), None)

    def departments(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i.department for i in self.items))


_STAGE_BY_WORD = {"立项": Stage.INITIATION, "用地": Stage.LAND, "规划": Stage.PLANNING, "施工": Stage.CONSTRUCTION,
                  "竣工": Stage.COMPLETION}  # fmt: skip
STAGE_WORD = {stage: word for word, stage in _STAGE_BY_WORD.items()}


def parse_service_list(text: str) -> ServiceList:
    """The list in ``text`` (the TSV above), or :class:`BadServiceList` with every fault."""
    faults: list[ListFault] = []
    items: list[ServiceItem] = []
    numbers: set[int] = set()
    names: set[str] = set()
    for line_no, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != COLUMNS:
            faults.append(ListFault(line_no, ListProblem.COLUMNS, line[:40]))
            continue
        number, department, name, kind, stage_word = cells
        line_faults = _line_faults(line_no, cells, numbers, names)
        faults.extend(line_faults)
        if not line_faults:
            items.append(ServiceItem(int(number), department, name, kind, _STAGE_BY_WORD[stage_word]))
        if number.isdigit():
            numbers.add(int(number))
        names.add(name)
    if not items and not faults:
        faults.append(ListFault(0, ListProblem.NO_ITEMS))
    if faults:
        raise BadServiceList(tuple(faults))
    return ServiceList(tuple(sorted(items, key=lambda i: i.no)), hashlib.sha256(text.encode("utf-8")).hexdigest())


def _line_faults(line_no: int, cells: list[str], numbers: set[int], names: set[str]) -> list[ListFault]:
    number, department, name, kind, stage_word = cells
    faults = []
    if not number.isdigit() or int(number) < 1:
        faults.append(ListFault(line_no, ListProblem.NUMBER, number))
    elif int(number) in numbers:
        faults.append(ListFault(line_no, ListProblem.DUPLICATE_NUMBER, number))
    if not department or not name:
        faults.append(ListFault(line_no, ListProblem.EMPTY))
    elif name in names:
        faults.append(ListFault(line_no, ListProblem.DUPLICATE_NAME, name))
    if kind not in ITEM_KINDS:
        faults.append(ListFault(line_no, ListProblem.KIND, kind))
    if stage_word not in _STAGE_BY_WORD:
        faults.append(ListFault(line_no, ListProblem.STAGE, stage_word))
    return faults


def shipped_service_list() -> ServiceList:
    """The list shipped with the app."""
    return parse_service_list(shipped_list_path().read_text(encoding="utf-8"))


def shipped_list_path() -> Path:
    return resources_dir() / "projects" / ITEMS_FILE


def list_text(items: Iterable[ServiceItem]) -> str:
    """The TSV of ``items``, as the shipped file writes them (a site's own list is kept in this form)."""
    lines = [f"{i.no}\t{i.department}\t{i.name}\t{i.kind}\t{STAGE_WORD[i.stage]}" for i in items]
    return "\n".join(lines) + "\n"
