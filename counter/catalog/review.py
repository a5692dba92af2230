"""What a department must confirm in a 待核 guide before the site publishes it.

A draft is written from the laws and common practice (:mod:`counter.actions.catalog.guide_status`), and some of what it
says only the deciding department can vouch for.  The validator checks form; this lists content, item by item, so
that the hall can send each department its part and publish the guide once it is confirmed:

- a statutory limit without the article that sets it (:mod:`counter.catalog.limits`; the 24-point table, item 12);
- a limit's source that names a rule but no article of it;
- an item no law gives a limit: its promise is not the law's but what the department undertakes in practice
  (the table's item 13, "按照实际业务情况"), so the department, not the draft, sets it;
- a legal basis, of the item or of a material, that names a law but no article (第十条: every material has a
  basis; a law's name alone does not let anyone check it);
- a material marked 容缺后补: whether it is minor (非关键) is the department's call (seed 001 第十六条(三));
- a form whose boxes the catalog does not list: the department's own form is needed (the table's items 23-24);
- items without the official list's codes (基本编码): the codes a draft uses are its own, not the 实施清单's; said
  once for the guide, with how many items lack them.

A published guide is not reviewed: its site confirmed it when publishing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from counter.catalog.limits import limit_code
from counter.catalog.model import Bundle, GuideStatus, Item, Material, MaterialKind, Necessity

#: an article of a law: 第十九条, 第4条
ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇0-9]+条")
_PARTS = re.compile(r"[；;]")
_TITLE = re.compile(r"《[^》]+》")


class Concern(StrEnum):
    """What a department is asked to confirm; the value is stable (the ``--json`` output names it)."""

    LIMIT_UNSOURCED = "limit_unsourced"  # detail: the limit, as codes ("20 working_day")
    LIMIT_SOURCE_WITHOUT_ARTICLE = "limit_source_without_article"  # detail: the source as written
    PROMISE_WITHOUT_LAW = "promise_without_law"  # detail: the promise, as codes
    BASIS_WITHOUT_ARTICLE = "basis_without_article"  # detail: the laws named without an article, "、"-joined
    MATERIAL_BASIS_WITHOUT_ARTICLE = "material_basis_without_article"  # detail: as above, of one material
    DEFERRABLE = "deferrable"  # detail: the period to hand it in, as codes ("" when none is given)
    FORM_WITHOUT_FIELDS = "form_without_fields"  # detail: the form's name
    NO_OFFICIAL_CODE = "no_official_code"  # the guide's: detail, how many items lack the official codes


@dataclass(frozen=True, slots=True)
class Finding:
    concern: Concern
    item: str = ""  # the item's 实施编码 ("" for the guide's own finding or a material's)
    material: str = ""  # the material's code
    detail: str = ""


def bare_laws(basis: str) -> tuple[str, ...]:
    """The laws a basis names without an article: "《医疗机构管理条例》；《细则》第十五条" → ("《医疗机构管理条例》",).

    A part that cites a numbered document (国发〔2015〕52号) is cited by its number and not asked for an article.
    """
    bare: list[str] = []
    for part in _PARTS.split(basis):
        if ARTICLE.search(part) or "〔" in part:
            continue
        bare.extend(_TITLE.findall(part))
    return tuple(dict.fromkeys(bare))


def review_bundle(bundle: Bundle) -> tuple[Finding, ...]:
    """Everything of a 待核 guide a department must confirm, item by item, then material by material."""
    if bundle.status is not GuideStatus.DRAFT:
        return ()
    found: list[Finding] = []
    uncoded = sum(1 for item in bundle.items if not item.basic_code)
    if uncoded:
        found.append(Finding(Concern.NO_OFFICIAL_CODE, detail=str(uncoded)))
    for item in bundle.items:
        found.extend(_item_findings(item))
    for material in bundle.materials:
        found.extend(_material_findings(material))
    return tuple(found)


def _item_findings(item: Item) -> list[Finding]:
    found: list[Finding] = []
    code = item.code
    if item.no_legal_limit:
        promise = limit_code(item.promised_limit) if item.promised_limit else ""
        found.append(Finding(Concern.PROMISE_WITHOUT_LAW, code, detail=promise))
    elif item.legal_limit is not None and not item.limit_basis:
        found.append(Finding(Concern.LIMIT_UNSOURCED, code, detail=limit_code(item.legal_limit)))
    elif item.limit_basis and not ARTICLE.search(item.limit_basis):
        found.append(Finding(Concern.LIMIT_SOURCE_WITHOUT_ARTICLE, code, detail=item.limit_basis))
    if laws := bare_laws(item.legal_basis):
        found.append(Finding(Concern.BASIS_WITHOUT_ARTICLE, code, detail="、".join(laws)))
    return found


def _material_findings(material: Material) -> list[Finding]:
    found: list[Finding] = []
    code = material.code
    if laws := bare_laws(material.legal_basis):
        found.append(Finding(Concern.MATERIAL_BASIS_WITHOUT_ARTICLE, material=code, detail="、".join(laws)))
    if material.necessity is Necessity.DEFERRABLE:
        period = limit_code(material.deferral_limit) if material.deferral_limit else ""
        found.append(Finding(Concern.DEFERRABLE, material=code, detail=period))
    if material.kind is MaterialKind.FORM and not material.fields:
        found.append(Finding(Concern.FORM_WITHOUT_FIELDS, material=code, detail=material.name))
    return found
