"""``counter catalog review``: one report of what the departments must confirm in the 待核 guides."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from counter.catalog.model import Bundle
from counter.catalog.publication import GuideToConfirm
from counter.catalog.review import Concern, Finding
from counter.words import catalog_review as words

_LIMITS = frozenset({Concern.LIMIT_UNSOURCED, Concern.PROMISE_WITHOUT_LAW, Concern.DEFERRABLE})


def finding_text(bundle: Bundle, finding: Finding) -> str:
    """One finding as the department reads it: its limits in words, its material by name."""
    detail = words.limit_words(finding.detail) if finding.concern in _LIMITS else finding.detail
    material = next((m.name for m in bundle.materials if m.code == finding.material), finding.material)
    return words.CONCERN_TEXT[finding.concern].format(detail=detail, material=material)


def review_lines(guides: Sequence[GuideToConfirm]) -> list[str]:
    """The report: a head line, then each guide, its items under their departments, then its materials."""
    if not guides:
        return [words.REVIEW_NONE]
    total = sum(len(guide.findings) for guide in guides)
    lines = [words.REVIEW_HEAD.format(guides=len(guides), findings=total)]
    for guide in guides:
        b = guide.bundle
        lines.append("")
        lines.append(
            words.REVIEW_GUIDE.format(
                number=b.number, name=b.name, code=b.code, version=guide.version, count=len(guide.findings)
            )
        )
        lines += [words.REVIEW_GUIDE_LINE.format(text=finding_text(b, f)) for f in guide.findings if _own(f)]
        for item in b.items:
            own = [f for f in guide.findings if f.item == item.code]
            if own:
                department = guide.deciders.get(item.code, item.department)
                lines.append(words.REVIEW_ITEM.format(item=item.name, code=item.code, department=department))
                lines += [words.REVIEW_LINE.format(text=finding_text(b, f)) for f in own]
        materials = [f for f in guide.findings if f.material]
        if materials:
            lines.append(words.REVIEW_MATERIALS)
            lines += [words.REVIEW_LINE.format(text=finding_text(b, f)) for f in materials]
    return lines


def _own(finding: Finding) -> bool:
    """A finding of the guide itself, neither an item's nor a material's."""
    return not finding.item and not finding.material


def review_json(guides: Sequence[GuideToConfirm]) -> list[dict[str, Any]]:
    return [
        {
            "code": g.bundle.code,
            "number": g.bundle.number,
            "name": g.bundle.name,
            "version": g.version,
            "findings": [
                {
                    "concern": f.concern.value,
                    "item": f.item,
                    "department": g.deciders.get(f.item, "") if f.item else "",
                    "material": f.material,
                    "detail": f.detail,
                    "text": finding_text(g.bundle, f),
                }
                for f in g.findings
            ],
        }
        for g in guides
    ]
