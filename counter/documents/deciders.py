"""The deciding department of an item as a paper names it, and the rights it prints.

:mod:`counter.catalog.departments` holds the rules; this module feeds them the
office settings the paper is made under (a snapshot, so a reprint names the same
bodies).  Where the site lacks what a rule needs, the office's own 复议 body and
court are not silently put in their place: the court becomes
:data:`~counter.documents.words.DOC_COURT_UNKNOWN` ("有管辖权的人民法院", true in law
whatever the court), and a missing 复议 body falls back to the office's setting
only for the office's own decisions.
"""

from __future__ import annotations

from collections.abc import Iterable

from counter.catalog.departments import AdminLevel, Level, Places, Rights, department_name
from counter.catalog.model import Item
from counter.catalog.remedies import candidate_bodies, leaves_to_site, review_rights, site_named
from counter.documents import words as paper
from counter.documents.data import OfficeSettings

OVERRIDE_SPLIT = "="
OVERRIDE_BODIES = "|"


def override_lines(text: str) -> list[str]:
    """The exception lines of the setting, blank ones dropped (``；`` separates them as a line break does)."""
    return [line.strip() for line in text.replace("；", "\n").splitlines() if line.strip()]


def _override(line: str) -> tuple[str, Rights] | None:
    name, sep, bodies = line.partition(OVERRIDE_SPLIT)
    review, bar, court = bodies.partition(OVERRIDE_BODIES)
    if sep and bar and name.strip() and review.strip():
        return name.strip(), Rights(review.strip(), court.strip())
    return None


def _overrides(text: str) -> dict[str, Rights]:
    """``部门全称=复议机关|法院`` per line (or per ``；``); a line that does not read so is skipped."""
    return dict(found for line in override_lines(text) if (found := _override(line)) is not None)


def unreadable_overrides(text: str) -> tuple[str, ...]:
    """The exception lines that do not read as ``部门全称=复议机关|法院``, for the settings form to name before saving.

    The court may be left empty (``部门=复议机关|``): the paper then names 有管辖权的人民法院.
    """
    return tuple(line for line in override_lines(text) if _override(line) is None)


def agreements(office: OfficeSettings) -> dict[str, str]:
    """The site's entrustment agreements by department: ``部门全称=协议名称及文号`` per line (or per ``；``)."""
    found: dict[str, str] = {}
    for line in override_lines(office.entrustments):
        name, sep, agreement = line.partition(OVERRIDE_SPLIT)
        if sep and name.strip() and agreement.strip():
            found[name.strip()] = agreement.strip()
    return found


def unreadable_agreements(text: str) -> tuple[str, ...]:
    """The agreement lines that do not read as ``部门全称=协议名称及文号``, for the settings form to name."""
    return tuple(line for line in override_lines(text) if not all(part.strip() for part in line.partition("=")))


def places_of(office: OfficeSettings) -> Places:
    """The site's places by level, from the office settings; a level without a place is left out."""
    levels: dict[AdminLevel, Level] = {}
    for level in AdminLevel:
        place = getattr(office, f"{level.value}_place").strip()
        if place:
            levels[level] = Level(
                place,
                getattr(office, f"{level.value}_government").strip(),
                getattr(office, f"{level.value}_court").strip(),
            )
    return Places(levels, _overrides(office.rights_overrides))


def decider_name(item: Item, office: OfficeSettings) -> str:
    """The item's deciding department, named for this site."""
    return department_name(item.department, item.level, places_of(office))


def item_rights(item: Item, office: OfficeSettings) -> Rights | None:
    """Where to turn against this item's decision, by its remedy; None when the site's settings cannot say."""
    return review_rights(item.department, item.level, item.vertical, item.remedy, places_of(office))


def unnamed_bodies(items: Iterable[Item], office: OfficeSettings) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The departments among these items whose 复议 body the catalog leaves to the site, not yet named there.

    Each with the bodies the law may mean (its superior as the catalog names it, the government at its level), for
    the administrator to choose between; a paper that would print their rights is refused until then.
    """
    places = places_of(office)
    found: dict[str, tuple[str, ...]] = {}
    for item in items:
        if leaves_to_site(item.remedy) and not site_named(item.department, item.level, places):
            assert item.remedy is not None  # leaves_to_site saw to it
            candidates = candidate_bodies(item.level, item.remedy, places)
            found.setdefault(decider_name(item, office), candidates)
    return tuple(found.items())


def _contact(line: str) -> tuple[str, tuple[str, str]] | None:
    name, sep, rest = line.partition(OVERRIDE_SPLIT)
    person, bar, phone = rest.partition(OVERRIDE_BODIES)
    if sep and bar and name.strip() and (person.strip() or phone.strip()):
        return name.strip(), (person.strip(), phone.strip())
    return None


def unreadable_contacts(text: str) -> tuple[str, ...]:
    """The contact lines that do not read as ``部门全称=承办人|电话``, for the settings form to name before saving."""
    return tuple(line for line in override_lines(text) if _contact(line) is None)


def department_contact(item: Item, office: OfficeSettings) -> tuple[str, str]:
    """The 承办人 and phone of the item's deciding department, as the site lists them; a blank to fill in by hand for
    what it does not list, never the hall's clerk or phone."""
    contacts = dict(found for line in override_lines(office.department_contacts) if (found := _contact(line)))
    clerk, phone = contacts.get(decider_name(item, office), ("", ""))
    return clerk or paper.DOC_FILL_IN, phone or paper.DOC_FILL_IN


def contact_line(item: Item, office: OfficeSettings) -> str:
    """The 联系方式 of a department's own paper of the item: the department, its 承办人 and its phone."""
    clerk, phone = department_contact(item, office)
    return paper.DOC_DEPARTMENT_CONTACT_VALUE.format(department=decider_name(item, office), clerk=clerk, phone=phone)
