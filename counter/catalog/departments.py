"""Who decides an item, and where the applicant turns against that decision.

A bundle is several items, each decided by its own department in its own name
(seed 001 第十七条(二): "加盖审批业务专用章或部门公章").  The catalog names the
department by its role and its administrative level — ``"{place}市场监督管理局"`` at
the county level — and the site fills in the place: the same guide serves the hall
of 乌兰浩特市 and the centre of 科尔沁右翼前旗, each with its own departments.  A name
without ``{place}`` is printed as it stands (a utility company, a league body that
the catalog names in full).

The rights printed on a decision follow from that department, not from the office
that printed the paper:

- 行政复议 (《中华人民共和国行政复议法》, 2023 revision): against a department of a
  local government, the government at that department's level (第二十四条第一款第一项);
  against 海关、金融、外汇管理等实行垂直领导的行政机关、税务和国家安全机关, the
  department one level up (第二十七条).
- 行政诉讼 (《中华人民共和国行政诉讼法》): the basic people's court (第十四条) where the
  department that first acted sits (第十八条第一款).  A region may assign 行政案件 to
  other courts (集中管辖), which is why every court is a site setting and the
  administrator may name a body per department (:attr:`Places.overrides`).

Everything here is plain data: the faces fill :class:`Places` from the site's
settings, and a test can check every rule without a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

PLACE = "{place}"


class AdminLevel(StrEnum):
    """The administrative level a department belongs to (its government's level)."""

    REGION = "region"  # 自治区
    LEAGUE = "league"  # 盟、市
    COUNTY = "county"  # 旗、县、市、区
    TOWNSHIP = "township"  # 苏木、乡、镇、街道

    @property
    def parent(self) -> AdminLevel | None:
        """The level above, where a vertically managed department's superior sits."""
        return _PARENT[self]


_PARENT: dict[AdminLevel, AdminLevel | None] = {
    AdminLevel.TOWNSHIP: AdminLevel.COUNTY,
    AdminLevel.COUNTY: AdminLevel.LEAGUE,
    AdminLevel.LEAGUE: AdminLevel.REGION,
    AdminLevel.REGION: None,
}

# 行政复议法 第二十七条 names these as vertically led (and 税务、国家安全 beside them); a catalog line may also
# say `vertical = true` for a body the words do not catch (烟草专卖 within the region, say).
VERTICAL_MARKS = ("税务", "海关", "金融监督管理", "金融监管", "外汇管理", "国家安全")


@dataclass(frozen=True, slots=True)
class Level:
    """What a site knows of one level: the place's name, its government, and its court of first instance."""

    place: str
    government: str
    court: str


@dataclass(frozen=True, slots=True)
class Rights:
    """Where an applicant may turn against a decision: 行政复议 and 行政诉讼."""

    review_body: str
    court: str


@dataclass(frozen=True, slots=True)
class Places:
    """The site's places by level, and the administrator's exceptions by department name.

    ``overrides`` maps a department's full name to the rights to print for it, when
    the rules above do not fit (a court assigned by 集中管辖, a body the rules do not
    know).  A level the site did not set is missing from ``levels``: its departments'
    names keep the placeholder visible rather than guessing a place.
    """

    levels: Mapping[AdminLevel, Level]
    overrides: Mapping[str, Rights] = field(default_factory=dict)

    def level(self, level: AdminLevel | None) -> Level | None:
        return None if level is None else self.levels.get(level)


def department_name(template: str, level: AdminLevel | None, places: Places) -> str:
    """The department's full name at this site: the level's place put in for ``{place}``."""
    if PLACE not in template:
        return template
    known = places.level(level)
    return template.replace(PLACE, known.place) if known is not None else template


def is_vertical(template: str, declared: bool) -> bool:
    """Whether the department is vertically led (行政复议法 第二十七条), by the catalog's word or its name."""
    return declared or any(mark in template for mark in VERTICAL_MARKS)


def rights_for(template: str, level: AdminLevel | None, vertical: bool, places: Places) -> Rights | None:
    """The 复议 body and court for a decision of this department; None when the site lacks the data.

    A vertically led department's superior is the same role one level up: the
    catalog's template filled with the upper level's place (国家税务总局{place}税务局 at
    the county → 国家税务总局兴安盟税务局).  Its court is still where it sits.
    """
    name = department_name(template, level, places)
    if name in places.overrides:
        return places.overrides[name]
    own = places.level(level)
    if own is None:
        return None
    if is_vertical(template, vertical):
        upper_level = level.parent if level is not None else None
        upper = places.level(upper_level)
        if upper is None or PLACE not in template:
            return None
        return Rights(template.replace(PLACE, upper.place), own.court)
    return Rights(own.government, own.court)
