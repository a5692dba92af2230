"""Where an item's statutory limit (法定办结时限) comes from.

The league's 24-point table (兴署办发〔2021〕8 号, 附件, item 12) asks that each item's statutory limit be marked
"按照《中华人民共和国行政许可法》等规定，准确标注": a limit is a fact of law, and a guide that states one the law
does not set promises the applicant a period nobody owes them, and makes the promise look shortened (the table's
item 1 measures the promise against it) where nothing was shortened.  So an item either names the article that
sets its limit (``limit_basis``) or says that no law sets one (``no_legal_limit``: "法律法规未规定"), and its promise
is then the only time the applicant is given.

Three findings:

- :attr:`Rule.LIMIT_BORROWED`, an error: an item that is not a 行政许可 given 行政许可法 第四十二条's twenty days.
  That law governs 行政许可 only (第二条, 第十二条); a filing (备案), a registration or a public service does not
  fall under it, and applying its period "参照" invents a limit the law does not set.
- :attr:`Rule.LIMIT_AND_NONE`, an error: a statutory limit and "法律法规未规定" together, one of which is false.
- :attr:`Rule.LIMIT_WITHOUT_SOURCE`, a warning (:data:`counter.catalog.problems.WARNINGS`): a limit stated without the
  article that sets it.  A warning and not an error, because the limit may well be right and only the department
  can say: an error would skip a shipped guide at start-up (the window would lose the whole bundle for one
  unconfirmed fact) and refuse an official workbook whose 法定办结时限 column the platform fills without articles.
  ``counter catalog validate`` counts these and ``counter catalog review`` lists them per 待核 guide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from counter.catalog.model import Bundle, Item, ItemType, TimeLimit, TimeUnit
from counter.catalog.problems import Problem, Rule

#: 行政许可法 第四十二条, however the guide spells the law's name: the licence law's general twenty days
LICENCE_LAW_LIMIT = re.compile(r"(?:中华人民共和国)?行政许可法》?\s*第四十二条")


def limit_code(limit: TimeLimit) -> str:
    """A limit as plain codes (``"3 working_day"``), for a problem's detail and extras."""
    return f"{limit.value} {limit.unit.value}"


def limit_of_code(code: str) -> TimeLimit | None:
    """The limit :func:`limit_code` wrote; None for a text that names none (empty, or not a limit's codes)."""
    value, _, unit = code.partition(" ")
    try:
        return TimeLimit(int(value), TimeUnit(unit))
    except ValueError:
        return None


def item_label(item: Item, index: int) -> str:
    return item.code or item.name or f"#{index}"


def borrowed_limit(item: Item) -> str:
    """The text of a non-licence item that applies 行政许可法 第四十二条 to it, or "" (a licence may cite it)."""
    if item.item_type in (None, ItemType.LICENSING):
        return ""
    return next((text for text in _limit_texts(item) if LICENCE_LAW_LIMIT.search(text)), "")


def _limit_texts(item: Item) -> Iterable[str]:
    """Where a guide says what its limit rests on: the limit's own source, the basis, and the conditions."""
    yield item.limit_basis
    yield item.legal_basis
    yield from item.conditions


def limit_problems(file: str, bundle: Bundle) -> list[Problem]:
    """The errors of a guide's statutory limits: a borrowed licence period, a limit and "none" together."""
    found: list[Problem] = []
    for index, item in enumerate(bundle.items, 1):
        label = item_label(item, index)
        if text := borrowed_limit(item):
            found.append(Problem(Rule.LIMIT_BORROWED, file, bundle.code, label, field="items.limit_basis", detail=text))
        if item.no_legal_limit and item.legal_limit is not None:
            limit = limit_code(item.legal_limit)
            found.append(
                Problem(Rule.LIMIT_AND_NONE, file, bundle.code, label, field="items.legal_limit", detail=limit)
            )
    return found


def limit_warnings(file: str, bundle: Bundle) -> list[Problem]:
    """The statutory limits of a guide (published or 待核) that name no article: the department's to confirm."""
    if not bundle.has_guide:
        return []
    return [
        Problem(
            Rule.LIMIT_WITHOUT_SOURCE,
            file,
            bundle.code,
            item_label(item, index),
            field="items.limit_basis",
            detail=limit_code(item.legal_limit),
            extra=(("limit", limit_code(item.legal_limit)),),
        )
        for index, item in enumerate(bundle.items, 1)
        if item.legal_limit is not None and not item.limit_basis and not item.no_legal_limit
    ]


def catalog_warnings(bundles: Sequence[tuple[str, Bundle]]) -> list[Problem]:
    """Every warning of a catalog read, file by file."""
    return [problem for file, bundle in bundles for problem in limit_warnings(file, bundle)]
