"""How an applicant contests an item's decision, and before whom: the catalog's remedy (权利救济) of each item.

The 事项类型 does not say it.  A 公共服务 of 社会保险 (转移接续, 参保登记) is open to 复议 and 诉讼 by
《中华人民共和国社会保险法》第八十三条第二款; a 纳税 decision is open to 诉讼 only after 复议
(《中华人民共和国税收征收管理法》第八十八条第一款); a utility's connection is a service with a complaint channel
only.  So the catalog states the remedy of every item, with its source, and the validator refuses an item without one.

Nor does the department.  复议前置 is the 征税行为's alone (税务行政复议规则 第十四条第（一）项, 第三十三条): a tax
office's refusal of a registration or a declaration is open to 复议 or 诉讼 as the applicant chooses (第三十四条).  So a
``review_first`` remedy names the 征税行为 it is (:class:`Levy`), and the validator refuses one without it.

Nor the item alone: the act the paper makes.  A ``review_first`` remedy is the item's decision's (准予, 不予批准,
撤销: what its :class:`Levy` names); a 不予受理 of the same item decides no tax — it does not take the filing — and is
open to 复议 or 诉讼 as the applicant chooses (第三十四条).  So the papers ask :func:`way_against` with the
:class:`Act` they make, never the item's kind alone.

Before whom (《中华人民共和国行政复议法》, 2023 revision):

- :attr:`ReviewBody.GOVERNMENT`: the people's government at the department's level (第二十四条第一款第一项; an
  organisation authorised by law and managed by that government or its departments, 第四项).
- :attr:`ReviewBody.SUPERIOR`: the department one level up (第二十七条: 海关、金融、外汇管理等实行垂直领导的行政机关、
  税务和国家安全机关), named by the catalog at its real level: the league's 税务局 is 国家税务总局兴安盟税务局,
  the 自治区邮政管理局's superior is 国家邮政局.  A superior is not the department's own name with another place:
  a 旗县 消防救援大队 answers to the league's 消防救援支队.
- :attr:`ReviewBody.SITE`: the law does not settle it for this department here (消防救援机构 are led vertically yet
  《中华人民共和国消防法》第四条 calls them 本级人民政府消防救援机构): the site's administrator names the body
  (the office settings' exceptions), and until then no paper prints this item's rights.

Plain data: the papers feed :func:`review_rights` the site's :class:`~counter.catalog.departments.Places`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from counter.catalog.departments import PLACE, AdminLevel, Places, Rights, department_name, rights_for


class RemedyKind(StrEnum):
    """The applicant's way against the item's decision."""

    REVIEW_OR_SUIT = "review_or_suit"  # 行政复议 or 行政诉讼, as the applicant chooses
    REVIEW_FIRST = "review_first"  # 复议前置: 行政复议 first, 行政诉讼 only against the 复议 decision
    COMPLAINT = "complaint"  # no administrative act is made: a complaint to the department (监督投诉) only


class Levy(StrEnum):
    """The 征税行为 of 税务行政复议规则 第十四条第（一）项: the acts whose 纳税争议 goes to 复议 first."""

    ASSESS = "assess"  # 确认纳税主体、征税对象、征税范围、减税、免税、退税、抵扣税款、适用税率、计税依据、纳税环节…
    COLLECT = "collect"  # 征收税款、加收滞纳金
    WITHHOLD = "withhold"  # 扣缴义务人、受税务机关委托的单位和个人作出的代扣代缴、代收代缴、代征行为


class Act(StrEnum):
    """What a paper decides of an item: the remedy that fits is that act's (see above)."""

    DECISION = "decision"  # the deciding body's decision on the item: 准予, 不予批准, 撤销
    REFUSAL = "refusal"  # 不予受理: the application is not taken, nothing of the matter is decided


class ReviewBody(StrEnum):
    """Who hears the 行政复议 (行政复议法 第二十四条, 第二十七条)."""

    GOVERNMENT = "government"  # the people's government at the department's level
    SUPERIOR = "superior"  # the department one level up, named by the catalog (``Remedy.superior``)
    SITE = "site"  # left to the site's administrator to name before a paper prints it


@dataclass(frozen=True, slots=True)
class Remedy:
    """权利救济 of an item: the way, the 复议 body, and the source the catalog editor answers for."""

    kind: RemedyKind
    basis: str  # the articles that give the remedy and its body
    review: ReviewBody | None = None  # None for a complaint only
    # the superior department as the catalog names departments ("{place}消防救援支队"): filled with the place of
    # ``superior_level`` (the level above the department's when not given); a name without "{place}" stands as it is
    superior: str = ""
    superior_level: AdminLevel | None = None
    levy: Levy | None = None  # the 征税行为 a ``review_first`` remedy stands on; None for every other act

    @property
    def contested(self) -> bool:
        """Whether the decision is open to 复议 (and 诉讼): an administrative act, not a service."""
        return self.kind is not RemedyKind.COMPLAINT


def way_against(remedy: Remedy, act: Act) -> RemedyKind:
    """The applicant's way against ``act`` on the item: 复议前置 only where the act is the 征税行为 the remedy names
    (its decision); a refusal to take the filing is 复议 or 诉讼 (税务行政复议规则 第三十四条)."""
    if remedy.kind is RemedyKind.REVIEW_FIRST and act is not Act.DECISION:
        return RemedyKind.REVIEW_OR_SUIT
    return remedy.kind


def superior_name(remedy: Remedy, level: AdminLevel | None, places: Places) -> str | None:
    """The superior department's name at this site; None when its level's place is not known here."""
    if PLACE not in remedy.superior:
        return remedy.superior or None
    upper = remedy.superior_level or (level.parent if level is not None else None)
    known = places.level(upper)
    return None if known is None else remedy.superior.replace(PLACE, known.place)


def leaves_to_site(remedy: Remedy | None) -> bool:
    return remedy is not None and remedy.contested and remedy.review is ReviewBody.SITE


def site_named(department: str, level: AdminLevel | None, places: Places) -> bool:
    """Whether the site's administrator named the 复议 body of this department (an exception line)."""
    return department_name(department, level, places) in places.overrides


def review_rights(
    department: str, level: AdminLevel | None, vertical: bool, remedy: Remedy | None, places: Places
) -> Rights | None:
    """The 复议 body and court for the department's decision; None when the site lacks what the rule needs.

    The administrator's exception for the department comes first, as it always did; an item without a remedy (a
    guide version stored before the catalog had them) keeps the rule it was printed under
    (:func:`~counter.catalog.departments.rights_for`).  A body left to the site and not yet named is None here:
    the papers check :func:`site_named` first and refuse to print.
    """
    if remedy is None:
        return rights_for(department, level, vertical, places)
    name = department_name(department, level, places)
    if name in places.overrides:
        return places.overrides[name]
    own = places.level(level)
    if own is None or remedy.review is None or remedy.review is ReviewBody.SITE:
        return None
    if remedy.review is ReviewBody.SUPERIOR:
        superior = superior_name(remedy, level, places)
        return None if superior is None else Rights(superior, own.court)
    return Rights(own.government, own.court)


def candidate_bodies(level: AdminLevel | None, remedy: Remedy, places: Places) -> tuple[str, ...]:
    """The bodies the law may mean for a department left to the site: its superior as the catalog names it, and
    the government at its level; what the administrator chooses between."""
    own = places.level(level)
    found = (superior_name(remedy, level, places) if remedy.superior else None, own.government if own else None)
    return tuple(dict.fromkeys(body for body in found if body))
