"""第二项 不予受理: the body each item is to be applied for at, item by item.

行政许可法 第三十二条第一款第二项: "申请事项依法不属于本行政机关职权范围的，应当即时作出不予受理的决定，并告知申请人
向有关行政机关申请".  A bundle is several items of several departments: the 设立登记 goes to one body, the 涉税事项
to a 税务局, the 户外招牌 to a 城管局.  So the clerk names a body for every item, and the notice says which item goes
where; one text for the whole bundle would send the tax item to a market regulator.

Stored as one text (the case's ``turn_to``, what sync carries): a line per item, its 实施编码, :data:`SPLIT`, the
body.  A case stored before the bodies were per item holds one plain text, read as the body of every item.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

SPLIT = "："  # between an item's code and its body; item codes never hold it
JOIN = "\n"


def turn_to_text(bodies: Iterable[tuple[str, str]]) -> str:
    """The stored text of (item code, body) pairs; an item without a body is left out."""
    return JOIN.join(f"{code}{SPLIT}{body.strip()}" for code, body in bodies if body.strip())


def item_bodies(text: str, item_codes: Sequence[str]) -> dict[str, str]:
    """The body named for each item, by code, as the clerk gave them; an item not named is absent."""
    found: dict[str, str] = {}
    for line in text.split(JOIN):
        code, split, body = line.partition(SPLIT)
        if split and code.strip() in item_codes and body.strip():
            found[code.strip()] = body.strip()
    return found


def bodies_as_read(text: str, item_codes: Sequence[str]) -> dict[str, str]:
    """The bodies of a stored refusal: per item, or a text stored before they were, the body of every item."""
    found = item_bodies(text, item_codes)
    if found or not text.strip():
        return found
    return dict.fromkeys(item_codes, text.strip())


def grouped(bodies: Mapping[str, str], item_codes: Sequence[str]) -> dict[str, list[str]]:
    """The items by the body they go to, each in the guide's order: what the notice says in one line per body."""
    groups: dict[str, list[str]] = {}
    for code in item_codes:
        if code in bodies:
            groups.setdefault(bodies[code], []).append(code)
    return groups
