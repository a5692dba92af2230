"""第一项 不予受理, item by item: the licences the clerk found need none.

行政许可法 第三十二条第一款第一项: "申请事项依法不需要取得行政许可的，应当即时告知申请人不受理".  The finding is
about a licence: it is made of the 行政许可 items one by one, never of a bundle whose other items (a tax office's
registration, a 公共服务) no 行政许可法 reaches, nor of a licence the clerk did not examine.  So the clerk names each
licence the finding is made of; the notice refuses those and says of every other item that it decides nothing
of it, as 第七十八条's refusal does (:mod:`counter.documents.no_licence`).

Stored in the case's per-item refusal text (``turn_to``, what sync carries; :mod:`counter.intake.turn_to`): a line
per licence, its 实施编码, :data:`~counter.intake.turn_to.SPLIT`, and :data:`MARK`.  A case stored before the
finding was per item holds no such line and is read as it was decided then: of the whole bundle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from counter.intake.turn_to import JOIN, SPLIT, item_bodies, turn_to_text

MARK = "no_licence_needed"  # the line's body: the ground's own code, never a body to turn to


def no_licence_text(codes: Iterable[str]) -> str:
    """The stored text naming the licences found to need none."""
    return turn_to_text((code, MARK) for code in dict.fromkeys(codes))


def no_licence_codes(text: str, item_codes: Sequence[str]) -> tuple[str, ...]:
    """The licences a stored 第一项 refusal names, in the guide's order; () for a refusal stored before it did."""
    found = item_bodies(text, item_codes)
    return tuple(code for code in item_codes if found.get(code) == MARK)


def named_licences(text: str) -> tuple[str, ...]:
    """The 实施编码 a stored 第一项 refusal names, in its order, where the guide is not at hand (the case page)."""
    found = (line.partition(SPLIT) for line in text.split(JOIN))
    return tuple(code.strip() for code, split, body in found if split and body.strip() == MARK)


def names_no_licence(text: str) -> bool:
    """Whether a stored refusal text is 第一项's list of licences rather than 第二项's bodies to turn to."""
    return bool(named_licences(text))
