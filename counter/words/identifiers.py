"""The words of the identifier checks: sex, and why an ID number or a credit code is wrong."""

from __future__ import annotations

import datetime as dt

from counter.parties.identifiers import CreditCodeError, IdError
from counter.words.dates import day_text
from counter.words.translate import tr


def _positions(detail: str) -> str:
    """Positions as the domain gives them, "3,18", as the clerk reads them: "第3、18位"."""
    return tr("第") + tr("、").join(detail.split(",")) + tr("位")


_ID_ERROR = {
    IdError.EMPTY: tr("请填写身份证号码"),
    IdError.LENGTH: tr("长度应为18位，现为{detail}位"),
    IdError.CHARACTERS: tr("{positions}字符不对：前17位应为数字，第18位应为数字或X"),
    IdError.AREA: tr("地区码“{detail}”不存在"),
    IdError.BIRTH_DATE: tr("出生日期不存在（{detail}）"),
    IdError.BIRTH_IN_FUTURE: tr("出生日期{date}晚于今天"),
    IdError.CHECK_DIGIT: tr("校验位错误，请逐位核对号码"),
}

_CREDIT_CODE_ERROR = {
    CreditCodeError.EMPTY: tr("请填写统一社会信用代码"),
    CreditCodeError.LENGTH: tr("长度应为18位，现为{detail}位"),
    CreditCodeError.CHARACTERS: tr("{positions}字符不对：只能是数字或大写字母（不用I、O、S、V、Z）"),
    CreditCodeError.REGISTRATION_AUTHORITY: tr("第1位登记管理部门代码“{detail}”不存在"),
    CreditCodeError.AREA: tr("第3至8位行政区划码“{detail}”不存在"),
    CreditCodeError.ORG_CODE_CHECK: tr("第9至17位组织机构代码“{detail}”的校验位错误"),
    CreditCodeError.CHECK_CHARACTER: tr("校验位错误，请逐位核对代码"),
}


def _fill(template: str, detail: str) -> str:
    positions = _positions(detail) if detail else ""
    date = day_text(dt.date.fromisoformat(detail)) if "{date}" in template else ""
    return template.format(detail=detail, positions=positions, date=date)


def id_error_text(error: IdError, detail: str = "") -> str:
    """The message beside the ID-number field; ``detail`` is the problem's own detail."""
    return _fill(_ID_ERROR[error], detail)


def credit_code_error_text(error: CreditCodeError, detail: str = "") -> str:
    return _fill(_CREDIT_CODE_ERROR[error], detail)
