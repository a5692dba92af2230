"""The 子项 a case applies for, where an item's 子项名称 names one sub-item per answer.

Several guides carry 市场主体设立登记 once with 子项名称 "个体工商户设立登记；公司设立登记" and ask "以什么形式经营？"
(个体工商户 / 公司（企业）).  A case of a 个体工商户 applies for the first alone, and its papers must say so: the
department registers what was applied for, not both.  The guide already links the two: each sub-item begins with the
label of one option of one situation.  So where the parts of the 子项名称 (split at "；") answer one situation's
options one to one — each part begins with exactly one option's label, the label's note in brackets left out
("公司（企业）" → 公司) — the case's answer to that situation chooses its part; a case that has not answered it, or a
名称 of one part, keeps the whole.
"""

from __future__ import annotations

from collections.abc import Mapping

from counter.catalog.model import Bundle, Item, Situation

PARTS = "；"


def case_sub_item(bundle: Bundle, item: Item, answers: Mapping[str, str]) -> str:
    """The item's 子项名称 for a case with these answers: the part its answer chooses, else the whole."""
    parts = [part.strip() for part in item.sub_item.split(PARTS) if part.strip()]
    if len(parts) < 2:
        return item.sub_item
    for situation in bundle.situations:
        by_option = _parts_by_option(situation, parts)
        if by_option is not None:
            chosen = by_option.get(answers.get(situation.code, ""))
            return chosen if chosen is not None else item.sub_item
    return item.sub_item


def _parts_by_option(situation: Situation, parts: list[str]) -> dict[str, str] | None:
    """Each option's part, where the parts answer the situation's options one to one; None where they do not."""
    found: dict[str, str] = {}
    for part in parts:
        options = [o.code for o in situation.options if _core(o.label) and part.startswith(_core(o.label))]
        if len(options) != 1 or options[0] in found:
            return None
        found[options[0]] = part
    return found if len(found) == len(situation.options) else None


def _core(label: str) -> str:
    """An option's label without its note in brackets: 公司（企业） → 公司."""
    return label.split("（", 1)[0].strip()
