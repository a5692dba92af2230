"""The ground of a department's 不予受理 of an item the hall only received, kept at the head of its reasons.

行政许可法 第三十二条第一款 gives the body that receives an application three answers other than 受理 and 补正:
第一项 (申请事项依法不需要取得行政许可: 即时告知申请人不受理), 第二项 (申请事项依法不属于本行政机关职权范围: 即时作出
不予受理的决定，并告知申请人向有关行政机关申请) and, outside that article, a ground the department states itself (a
补正 not completed, another law).  The ground decides what the 不予受理通知书 says: which 项 it cites, and for
第二项 the body with power over the matter, named as the applicant will find it (a name, never a catalog code), and
what becomes of the materials.

The ground is kept in the refusal's history note, as a 准予's validity is (:mod:`counter.case.decisions`): a mark at
the head of the reasons (``〔第一项〕``, ``〔第二项：有权机关〕``), so that sync carries it and a note written before
the mark existed reads as "another ground", its reasons as they were.  The marks are a stored format, not words.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.intake.outcome import RefusalGround

#: the grounds a department may name for its 不予受理 (None beside them: another ground, in its reasons)
DEPARTMENT_GROUNDS = (RefusalGround.NO_LICENCE_NEEDED, RefusalGround.NOT_IN_REMIT)
_MARK = {RefusalGround.NO_LICENCE_NEEDED: "第一项", RefusalGround.NOT_IN_REMIT: "第二项"}
_GROUNDS = {mark: ground for ground, mark in _MARK.items()}
OPEN, SPLIT, CLOSE = "〔", "：", "〕"


@dataclass(frozen=True, slots=True)
class RefusalBasis:
    """Why a department refused to accept an item: 第一项, 第二项 with the body with power (``authority``), or
    another ground (``ground`` None), its reasons in the refusal's own text."""

    ground: RefusalGround | None = None
    authority: str = ""  # 第二项: the 有权机关 by name


#: another ground, or none recorded: the reasons say it all
NO_BASIS = RefusalBasis()


def basis_mark(basis: RefusalBasis) -> str:
    """The mark the note keeps at the head of the reasons; "" for another ground."""
    if basis.ground is None:
        return ""
    mark = _MARK[basis.ground]
    if basis.ground is RefusalGround.NOT_IN_REMIT:
        mark += SPLIT + basis.authority.strip()
    return OPEN + mark + CLOSE


def split_basis(text: str) -> tuple[RefusalBasis, str]:
    """The ground a refusal's text carries at its head, and its reasons; a text without a mark read as another
    ground, whole."""
    if not text.startswith(OPEN) or CLOSE not in text:
        return NO_BASIS, text
    head, _, reasons = text[len(OPEN) :].partition(CLOSE)
    mark, _, authority = head.partition(SPLIT)
    ground = _GROUNDS.get(mark)
    if ground is None or (ground is RefusalGround.NOT_IN_REMIT) != bool(authority.strip()):
        return NO_BASIS, text
    return RefusalBasis(ground, authority.strip()), reasons
