"""第一项 on the 不予受理通知书, item by item: the licences found to need none are refused, the rest not decided.

行政许可法 第三十二条第一款第一项 is a finding about a licence (:mod:`counter.intake.no_licence`): the notice refuses
the licences the clerk named, and of every other item — a licence not named, an item that is no 行政许可 — says that
it decides nothing of it, as 第七十八条's notice does (:func:`counter.documents.item_law.false_materials_intro`).
A refusal stored before the finding was per item names none and reads as it was decided: of the whole bundle.
"""

from __future__ import annotations

from collections.abc import Iterable

from counter.catalog.model import Item, ItemType
from counter.documents import law_words as law
from counter.intake.no_licence import no_licence_codes


def no_licence_items(text: str, items: Iterable[Item]) -> tuple[Item, ...]:
    """The licences a stored 第一项 refusal names, in the guide's order; () for one stored before it named any."""
    items = tuple(items)
    codes = no_licence_codes(text, [item.code for item in items])
    return tuple(item for item in items if item.code in codes)


def refuses_part(found: tuple[Item, ...], items: Iterable[Item]) -> bool:
    """Whether the 第一项 refusal leaves items undecided: it names licences, and not every item."""
    return bool(found) and len(found) < len(tuple(items))


def no_licence_intro(found: tuple[Item, ...], items: Iterable[Item], you: str, received: str, bundle: str) -> str:
    """The opening of a 第一项 refusal of some items: which it refuses, which it does not decide."""
    others = [item for item in items if item not in found]
    return law.NO_LICENCE_INTRO_PART.format(
        you=you,
        received=received,
        bundle=bundle,
        licences=law.LIST_JOIN.join(item.name for item in found),
        others=law.LIST_JOIN.join(item.name for item in others),
    )


def no_licence_basis(item: Item, found: tuple[Item, ...]) -> str:
    """The basis line of one item: the article for a licence refused, why the notice decides nothing otherwise."""
    if item in found:
        return law.NO_LICENCE_ARTICLE
    if item.item_type is ItemType.LICENSING:
        return law.NO_LICENCE_NOT_FOUND
    return law.NO_LICENCE_NOT_LICENCE


def no_licence_basis_lines(found: tuple[Item, ...], items: Iterable[Item]) -> tuple[str, ...]:
    """The basis of a 第一项 refusal as its notice gives it: the one article where it refuses every item, else each
    group of items with its line of the notice's table; what the desk repeats before the notice is issued."""
    items = tuple(items)
    if not refuses_part(found, items):
        return (law.NO_LICENCE_ARTICLE,)
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(no_licence_basis(item, found), []).append(item.name)
    return tuple(law.ITEMS_BASIS.format(items=law.LIST_JOIN.join(its), basis=text) for text, its in groups.items())


def received_finding(text: str, items: Iterable[Item]) -> str:
    """What a 收件 window that decides nothing says it found under 第一项: of the licences named, as a finding; ""
    for a refusal that names none (the finding of the whole application, as before)."""
    found = no_licence_items(text, items)
    return law.NO_LICENCE_RECEIVED.format(licences=law.LIST_JOIN.join(i.name for i in found)) if found else ""
