"""The window's step for an 电子证照 by its trust level (国办函〔2016〕108号), and what a 证照库 look-up carries.

108号 (《"互联网+政务服务"技术体系建设指南》) grades electronic materials: **A** 实施机构产生的证照批文, carrying the
issuer's 电子印章 and a 水印注明 — used directly; **B** 窗口核验通过的, uploaded with "此件经与原件核对无误" —
re-used; **C** 用户自行上传的 — 须窗口人员核验原件后使用; **D** 用户自制材料 — used directly on the applicant's
pledge, which the intake does not record, so the window refuses it (``LicenceProblem.SELF_MADE``).
So a C-level licence goes on the checklist as 须核验原件 and counts as received only once the clerk records that
the original was checked (:func:`counter.intake.checklist.original_checked`): the copy kept is then B, with the 108号
wording (on paper :data:`counter.documents.words.DOC_LICENCE_CHECKED`), and the next window re-uses it.  A
material's floor (the catalog's :attr:`counter.catalog.model.Material.licence_floor`) bars the levels it does not
take.

A look-up carries what public library clients require: the holder's 持证主体代码类型 (GB/T 36903-2018: **111**
公民身份证号码, **001** 统一社会信用代码), the 证照类型代码 of each type asked (the library format's table), and a
用证事由 (必填, ≤ 200 字) built from the case: 办理《…》一件事，办件编号 ….
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from counter.intake.licences import Licence, TrustLevel
from counter.parties.identifiers import check_credit_code

__all__ = ["TrustStep", "checked_copy", "holder_type_code", "trust_step", "use_reason"]

REASON_MAX = 200  # 用证事由: at most 200 characters
ID_CARD, CREDIT_CODE = "111", "001"  # 持证主体代码类型, GB/T 36903-2018


class TrustStep(StrEnum):
    """What the window does with a licence of a level."""

    USE = "use"  # A: the issuer's own: taken as it is (D, 108号's "direct use" on a pledge, is refused before)
    REUSE = "reuse"  # B: checked against its original at a window before: taken as it is
    CHECK_ORIGINAL = "check_original"  # C: the applicant's upload: 须核验原件, taken once the clerk checked it


def trust_step(licence: Licence) -> TrustStep:
    """The window's step for ``licence`` (one already checked here is B)."""
    if licence.trust is TrustLevel.C and not licence.checked_original:
        return TrustStep.CHECK_ORIGINAL
    if licence.trust is TrustLevel.B or licence.checked_original:
        return TrustStep.REUSE
    return TrustStep.USE


def checked_copy(licence: Licence) -> Licence:
    """The licence once the clerk checked its original: B, kept with 108号's wording, re-used by the next window."""
    return replace(licence, trust=TrustLevel.B, checked_original=True)


def holder_type_code(holder_id: str) -> str:
    """持证主体代码类型 of a holder's code: 001 for a 统一社会信用代码 (its GB 32100 check character right), else 111
    for a 居民身份证号."""
    return CREDIT_CODE if check_credit_code(holder_id).ok else ID_CARD


def use_reason(bundle_name: str, case_no: str = "") -> str:
    """The 用证事由 of a use for a case: 办理《一件事》一件事，办件编号 …, cut to :data:`REASON_MAX` characters.  Asked
    before the case has its number (at the intake), the reason says so."""
    name = bundle_name.strip().removeprefix("我要").removeprefix("办理")  # 我要办理X: 办理《X》一件事
    number = f"办件编号 {case_no}" if case_no else "受理前核验"
    tail = f"一件事，{number}"
    room = REASON_MAX - len("办理《》") - len(tail)
    return f"办理《{name[:room]}》{tail}"
