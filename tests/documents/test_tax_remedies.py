"""复议前置 only for a 征税行为: the remedy follows the tax act, not the tax department.

税收征收管理法 第八十八条第一款 and 税务行政复议规则 第三十三条 send a 纳税争议 about a 征税行为 (第十四条第（一）项:
确认纳税主体、计税依据…，征收税款、加收滞纳金，代扣代缴、代收代缴、代征) to 复议 first, after the tax and late fee
are paid or secured; 第三十四条 leaves every other act of a tax office to 复议 or 诉讼 as the applicant chooses.
Refusing 增值税一般纳税人登记 or a declaration is no 征税行为, and its paper says so.
"""

from __future__ import annotations

import pytest

from counter.catalog.problems import Rule
from counter.catalog.remedies import Levy, RemedyKind
from counter.catalog.remedy_checks import remedy_problems
from tests.documents.conftest import DemoCases
from tests.documents.test_item_law import denied, shipped
from tests.documents.test_model import _all_text

PAY_FIRST = "应当先依照税务机关的纳税决定缴纳或者解缴税款及滞纳金或者提供相应的担保"
EITHER = (
    "可以自收到本决定之日起六十日内向国家税务总局兴安盟税务局申请行政复议，或者六个月内向乌兰浩特市人民法院提起行政诉讼"
)


@pytest.mark.parametrize(
    "name",
    [
        "增值税一般纳税人登记",
        "增值税及附加税费申报",
        "企业所得税月（季）度预缴纳税申报",
        "个人所得税经营所得预缴纳税申报",
    ],
)
def test_a_registration_or_declaration_denied_is_review_or_suit(demo: DemoCases, name: str) -> None:
    bundle = shipped("053")
    item = next(i for i in bundle.items if i.name == name)
    text = _all_text(denied(demo, bundle, item))
    assert PAY_FIRST not in text
    assert EITHER in text
    assert "先申请行政复议、对行政复议决定不服再提起行政诉讼" not in text


def test_the_tax_paid_at_the_window_is_a_levy_and_goes_to_review_first(demo: DemoCases) -> None:
    bundle = shipped("053")
    payment = next(i for i in bundle.items if i.name == "税款缴纳")
    assert payment.remedy is not None
    assert payment.remedy.levy is Levy.COLLECT
    text = _all_text(denied(demo, bundle, payment))
    assert PAY_FIRST in text
    assert "或者六个月内" not in text


@pytest.mark.parametrize("number", ["053", "055", "079", "080"])
def test_every_shipped_review_first_names_its_levy_and_every_levy_is_review_first(number: str) -> None:
    for item in shipped(number).items:
        if item.remedy is None:
            continue
        assert (item.remedy.kind is RemedyKind.REVIEW_FIRST) == (item.remedy.levy is not None), item.name
        assert not remedy_problems(item), item.name


def test_the_validator_refuses_review_first_for_an_act_that_is_no_levy() -> None:
    import dataclasses

    registration = next(i for i in shipped("053").items if i.name == "增值税一般纳税人登记")
    assert registration.remedy is not None
    wrong = dataclasses.replace(
        registration, remedy=dataclasses.replace(registration.remedy, kind=RemedyKind.REVIEW_FIRST, levy=None)
    )
    assert (Rule.REMEDY_REVIEW_FIRST_NOT_LEVY, "items.remedy.levy", "") in remedy_problems(wrong)
    payment = next(i for i in shipped("053").items if i.name == "税款缴纳")
    assert payment.remedy is not None
    either = dataclasses.replace(payment, remedy=dataclasses.replace(payment.remedy, kind=RemedyKind.REVIEW_OR_SUIT))
    assert (Rule.REMEDY_LEVY_NOT_REVIEW_FIRST, "items.remedy.kind", "review_or_suit") in remedy_problems(either)
