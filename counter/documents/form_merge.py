"""Which boxes of a bundle's application forms ask the same thing, so that the 一套表单 asks it once.

The departments' forms name one fact in their own words: the shop's name is 个体工商户名称 on the registration
form and 申请人名称 on the food licence's; the phone is 联系电话 on both.  :data:`FACT_LABELS` is the table of
those words, a label being one fact; any other label is its own fact, so two forms that print the very same label
ask the same thing too.

:func:`merge_forms` sorts every box of the case's forms into three places:

- the facts the intake already holds (:class:`Fact` values given as ``known``: the applicant's name, ID number,
  phone, address, and for a company its credit code and legal representative), printed once in the applicant's
  part and dropped from every form;
- the facts two or more of the forms ask, printed once in the shared part under the first form's label;
- the rest, each under its own form.

So no fact is printed twice.  Only the catalog's forms with their boxes listed take part; a form whose boxes
the catalog does not list is named in its item's part with what it must hold, never guessed at.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from counter.catalog.model import Material, MaterialKind


class Fact(StrEnum):
    """A fact several forms ask under different labels."""

    PERSON_NAME = "person_name"
    ID_NUMBER = "id_number"
    CREDIT_CODE = "credit_code"
    BODY_NAME = "body_name"  # the business or body applied for: a shop's 字号, a company's name
    LEGAL_REP = "legal_rep"
    PHONE = "phone"
    ADDRESS = "address"  # a person's address
    DOMICILE = "domicile"  # 住所: a body's seat, which for a company applicant is its address
    PREMISES = "premises"
    CONTACT = "contact"


#: The labels the catalog's forms print for each fact, as the national forms word them.
FACT_LABELS: dict[Fact, frozenset[str]] = {
    Fact.PERSON_NAME: frozenset({"经营者姓名", "姓名", "申请人姓名"}),
    Fact.ID_NUMBER: frozenset({"身份证件号码", "身份证号码", "公民身份号码", "居民身份证号码"}),
    Fact.CREDIT_CODE: frozenset({"统一社会信用代码"}),
    Fact.BODY_NAME: frozenset({"个体工商户名称", "名称", "申请人名称", "企业名称", "单位名称"}),
    Fact.LEGAL_REP: frozenset({"法定代表人", "法定代表人（负责人）", "负责人"}),
    Fact.PHONE: frozenset({"联系电话", "电话", "手机号码", "移动电话", "联系方式"}),
    Fact.ADDRESS: frozenset({"住址", "地址", "通讯地址", "联系地址", "家庭住址"}),
    Fact.DOMICILE: frozenset({"住所"}),
    Fact.PREMISES: frozenset({"经营场所", "经营地址"}),
    Fact.CONTACT: frozenset({"联系人"}),
}
_FACT_OF = {label: fact for fact, labels in FACT_LABELS.items() for label in labels}

#: What the name of an application form ends in: the 申请书 and 申请表 of a licence, the 登记表 and 备案表 of a
#: registration or filing, the 信息表 and 采集表 a filing is made with.
_APPLICATION_ENDINGS = ("申请书", "申请表", "登记表", "备案表", "信息表", "采集表")
#: What a form whose boxes the application does not gather says of itself: an authorisation, a pledge, a
#: declaration, an agreement is another act, signed as itself.
_OTHER_ACTS = ("委托", "授权", "承诺", "声明", "协议")


def is_application_form(material: Material) -> bool:
    """Whether the form is a department's application form, whose boxes the 一件事联办申请表 gathers.

    The catalog does not say it in a field of its own, so the form's name does: the national names end in
    申请书, 申请表, 登记表, 备案表, 信息表 or 采集表; an 授权委托书, 承诺书 or 声明 is another act and stays a paper
    of its own.
    """
    name = material.name
    return (
        material.kind is MaterialKind.FORM
        and name.endswith(_APPLICATION_ENDINGS)
        and not any(word in name for word in _OTHER_ACTS)
    )


def fact_of(label: str) -> str:
    """The fact a label asks: a :class:`Fact` value, or the label itself for a box no other wording shares."""
    fact = _FACT_OF.get(label.strip())
    return fact.value if fact is not None else label.strip()


@dataclass(frozen=True, slots=True)
class FormPart:
    """A form of the case as the merged application prints it: the boxes left to it."""

    form: Material
    labels: tuple[str, ...]  # its own boxes, in its order: asked by no other form and not known from the intake


@dataclass(frozen=True, slots=True)
class MergedForms:
    shared: tuple[str, ...]  # the labels of the facts two or more forms ask, once each, first form's wording
    parts: tuple[FormPart, ...]  # every form, in the order given


def merge_forms(forms: Sequence[Material], known: Mapping[str, str]) -> MergedForms:
    """The boxes of ``forms`` sorted so that each fact is asked once; ``known``: facts the intake holds."""
    askers: dict[str, set[str]] = {}
    first_label: dict[str, str] = {}
    for form in forms:
        for box in form.fields:
            fact = fact_of(box.label)
            askers.setdefault(fact, set()).add(form.code)
            first_label.setdefault(fact, box.label.strip())
    shared = [fact for fact, codes in askers.items() if len(codes) > 1 and fact not in known]
    parts = []
    for form in forms:
        own: list[str] = []
        seen: set[str] = set()
        for box in form.fields:
            fact = fact_of(box.label)
            if fact in known or fact in shared or fact in seen:
                continue
            seen.add(fact)
            own.append(box.label.strip())
        parts.append(FormPart(form, tuple(own)))
    return MergedForms(tuple(first_label[fact] for fact in shared), tuple(parts))
