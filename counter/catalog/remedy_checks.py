"""What the validator asks of an item's department and remedy: who decides, and before whom it is contested.

Apart from :mod:`counter.catalog.validate`, since both read the item alone: the department's level gives the 复议
body and court (:mod:`counter.catalog.departments`), the remedy how and before whom (:mod:`counter.catalog.remedies`).
"""

from __future__ import annotations

from counter.catalog.departments import PLACE, is_vertical
from counter.catalog.model import Item, ItemType
from counter.catalog.problems import Rule
from counter.catalog.remedies import RemedyKind, ReviewBody


def decider_problems(item: Item) -> list[tuple[Rule, str, str]]:
    """The department's level fills in its place and gives the 复议 body and court, as (rule, field, detail).

    A name in full still needs its level: the court and the government that hears a 复议 are those of the level
    the department sits at (行政复议法 第二十四条, 行政诉讼法 第十八条).
    """
    department = item.department
    if not department:
        return []
    found: list[tuple[Rule, str, str]] = []
    if "{" in department.replace(PLACE, "") or "}" in department.replace(PLACE, ""):
        found.append((Rule.UNKNOWN_PLACEHOLDER, "items.department", department))
    if item.level is None:
        if PLACE in department:
            found.append((Rule.PLACE_WITHOUT_LEVEL, "items.level", department))
        else:
            found.append((Rule.MISSING_ELEMENT, "items.level", ""))
    return found


def remedy_problems(item: Item) -> list[tuple[Rule, str, str]]:
    """What is wrong with an item's remedy, as (rule, field, detail): the validator places them at the item.

    Every item states its remedy with its source; a 复议 names who hears it; a vertically led department is
    reviewed one level up (行政复议法 第二十七条), never by its own level's government; and a 行政许可 is an
    administrative act open to 复议 (行政复议法 第十一条), never a complaint only.  复议前置 follows the act: it is
    the 征税行为's (税务行政复议规则 第三十三条), which the remedy names, and a 征税行为 has no other way.
    """
    remedy, department, level = item.remedy, item.department, item.level
    if remedy is None:
        return [(Rule.MISSING_ELEMENT, "items.remedy", "")]
    found: list[tuple[Rule, str, str]] = []
    if not remedy.basis:
        found.append((Rule.MISSING_ELEMENT, "items.remedy.basis", ""))
    if remedy.kind is RemedyKind.REVIEW_FIRST and remedy.levy is None:
        found.append((Rule.REMEDY_REVIEW_FIRST_NOT_LEVY, "items.remedy.levy", ""))
    elif remedy.levy is not None and remedy.kind is not RemedyKind.REVIEW_FIRST:
        found.append((Rule.REMEDY_LEVY_NOT_REVIEW_FIRST, "items.remedy.kind", remedy.kind.value))
    if not remedy.contested:
        if item.item_type is ItemType.LICENSING:
            found.append((Rule.REMEDY_COMPLAINT_FOR_LICENCE, "items.remedy.kind", remedy.kind.value))
        return found
    if remedy.review is None:
        found.append((Rule.MISSING_ELEMENT, "items.remedy.review", ""))
    elif remedy.review is ReviewBody.SUPERIOR and not remedy.superior:
        found.append((Rule.MISSING_ELEMENT, "items.remedy.superior", ""))
    elif remedy.review is ReviewBody.GOVERNMENT and is_vertical(department, item.vertical):
        found.append((Rule.REMEDY_VERTICAL_OWN_LEVEL, "items.remedy.review", department))
    if PLACE in remedy.superior and remedy.superior_level is None and (level is None or level.parent is None):
        found.append((Rule.PLACE_WITHOUT_LEVEL, "items.remedy.superior_level", remedy.superior))
    rest = remedy.superior.replace(PLACE, "")
    if "{" in rest or "}" in rest:
        found.append((Rule.UNKNOWN_PLACEHOLDER, "items.remedy.superior", remedy.superior))
    return found


def pledge_problems(item: Item) -> list[tuple[Rule, str, str]]:
    """What a 告知承诺 item lacks (:class:`~counter.catalog.model.NoticePledge`): the promise the applicant signs, the
    period its 核查 runs in, and where both are set (国办发〔2020〕42号 asks each element in writing)."""
    pledge = item.pledge
    if pledge is None:
        return []
    given = {"promise": pledge.promise.strip(), "check": pledge.check_within, "basis": pledge.basis.strip()}
    return [(Rule.MISSING_ELEMENT, f"items.pledge.{key}", "") for key, value in given.items() if not value]
