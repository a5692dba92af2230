"""Check a bundle's materials against 第十条 and checklist items 18-20, 23-24: their names, forms, fields, 容缺
deadlines and references.

A material's rules change with what the seeds and the published 容缺 rules ask of a list of papers (which words are a
catch-all, which documents are identity and may never be postponed); the rest of :mod:`counter.catalog.validate`
with the guide's own elements (the bundle, its items, limits and situations).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from counter.catalog.bundle_problems import BundleProblems
from counter.catalog.limits import limit_code
from counter.catalog.model import Bundle, CopyForm, Material, MaterialKind, Medium, Necessity, TimeLimit
from counter.catalog.problems import Rule

# 第十条(一) forbids fuzzy catch-all clauses ("不得含有“其他、有关”等模糊性兜底性条款").  A name that ends a list
# with 等, reaches for "related" papers or for "what is needed" leaves the applicant to guess, as 其他 and 有关 do:
# 其他材料, 有关文件, 公司章程及相关文件, 身份证件等材料, 身份证、户口簿等.  A noun after the word is part of the
# match, so the problem quotes "相关文件" rather than "相关".  等级, 相等 and the like are no catch-all.
_VAGUE_NOUNS = "材料|文件|资料|证明|证件|证照|手续|凭证|附件|文书|单据"
CATCH_ALL = re.compile(
    rf"(?:其[他它]|有关|等相关|相关)(?:的)?(?:{_VAGUE_NOUNS})?"
    rf"|等(?:{_VAGUE_NOUNS})"
    r"|等等|等(?=$|[）)、，,；;。（(])"
    rf"|(?:所需|必要|规定|要求)的?(?:提交|提供)?的?(?:{_VAGUE_NOUNS})"
)
# 容缺 postpones a minor (非关键) material once the main ones are in (seed 001 第十六条(三) and the published 容缺受理
# rules); it cannot postpone who applies or what is applied for.  The applicant's identity document (居民身份证法
# 第十四条; 户口簿 for a household; 营业执照 for a business) and the application form (行政许可法 第二十九条: the
# 申请 itself) are that, so neither may be marked 容缺后补.  Identity is read from the material's name: every
# identity document a guide asks for names itself, and a name is what the applicant and the clerk read.
IDENTITY_WORDS = ("身份证", "户口簿", "户口本", "营业执照", "护照", "通行证", "居留证")


def _material_label(material: Material, index: int) -> str:
    return material.code or material.name or f"#{index}"


def check_materials(out: BundleProblems, bundle: Bundle) -> None:
    """第十条 and checklist items 18-20, 23-24, plus 容缺 deadlines and references."""
    seen: set[str] = set()
    for index, material in enumerate(bundle.materials, 1):
        label = _material_label(material, index)
        if not material.code:
            out.report(Rule.MISSING_ELEMENT, "materials.code", material=label)
        elif material.code in seen:
            out.report(Rule.DUPLICATE_CODE, "materials.code", material.code, material=label)
        seen.add(material.code)
        _check_material_text(out, material, label)
        _check_material_form(out, material, label)
        _check_deferral(out, bundle, material, label)
        _check_references(out, bundle, material, label)


def catch_all_words(name: str) -> list[str]:
    """The catch-all phrases in a material name, in the order they stand."""
    return [match.group() for match in CATCH_ALL.finditer(name)]


def _check_material_text(out: BundleProblems, material: Material, label: str) -> None:
    if not material.name:
        out.report(Rule.MISSING_ELEMENT, "materials.name", material=label)
    words = catch_all_words(material.name)
    if words:
        out.report(Rule.CATCH_ALL_WORDING, "materials.name", "、".join(words), material=label)
    if not material.legal_basis:
        out.report(Rule.MATERIAL_WITHOUT_BASIS, "materials.legal_basis", material=label)
    if material.necessity is not Necessity.OPTIONAL and not material.requirement:
        out.report(Rule.MATERIAL_INCOMPLETE, "materials.requirement", material=label)
    if material.shared and material.necessity is Necessity.REQUIRED:
        out.report(Rule.SHARED_BUT_DEMANDED, "materials.necessity", material.necessity.value, material=label)


def _check_material_form(out: BundleProblems, material: Material, label: str) -> None:
    """Type, medium, source, issuer and count: what the clerk checks at the desk."""
    for key, present in (
        ("materials.kind", material.kind),
        ("materials.copy_form", material.copy_form),
        ("materials.medium", material.medium),
        ("materials.source", material.source),
        ("materials.issuer", material.issuer),
    ):
        if not present:
            out.report(Rule.MATERIAL_INCOMPLETE, key, material=label)
    electronic = material.medium is Medium.ELECTRONIC
    if not electronic and not material.shared and material.originals + material.copies < 1:
        key = "materials.copies" if material.copy_form is CopyForm.COPY else "materials.originals"
        out.report(Rule.MATERIAL_INCOMPLETE, key, material=label)
    if material.medium in (Medium.PAPER, Medium.PAPER_OR_ELECTRONIC) and not material.paper_size:
        out.report(Rule.MATERIAL_INCOMPLETE, "materials.paper_size", material=label)
    if material.kind is MaterialKind.FORM:
        if not material.blank_form:
            out.report(Rule.FORM_WITHOUT_BLANK_OR_SAMPLE, "materials.blank_form", material=label)
        if not material.sample_form:
            out.report(Rule.FORM_WITHOUT_BLANK_OR_SAMPLE, "materials.sample_form", material=label)
    _check_fields(out, material, label)


def _check_fields(out: BundleProblems, material: Material, label: str) -> None:
    """A form's boxes each have a label of their own: the blank form prints them, the sample fills them.

    A form without boxes is not an error: its blank prints the applicant's standard block and says that the
    catalog lists no boxes; the catalog editor adds them from the department's official form.
    """
    seen: set[str] = set()
    for number, form_field in enumerate(material.fields, 1):
        if not form_field.label:
            out.report(Rule.MISSING_ELEMENT, "materials.fields.label", str(number), material=label)
        elif form_field.label in seen:
            out.report(Rule.DUPLICATE_CODE, "materials.fields.label", form_field.label, material=label)
        seen.add(form_field.label)
    for key, given in (("materials.fields", material.fields), ("materials.prescribed_by", material.prescribed_by)):
        if given and material.kind is not MaterialKind.FORM:
            out.report(Rule.UNKNOWN_KEY, key, material=label)


def _check_deferral(out: BundleProblems, bundle: Bundle, material: Material, label: str) -> None:
    """A 容缺 material is neither an identity document nor a form, and is due before every promise it serves."""
    if material.necessity is Necessity.DEFERRABLE:
        if material.deferral_limit is None:
            out.report(Rule.DEFERRAL_WITHOUT_LIMIT, "materials.deferral_limit", material=label)
        if word := next((word for word in IDENTITY_WORDS if word in material.name), ""):  # 居民身份证 → 身份证
            out.report(Rule.DEFERRAL_OF_IDENTITY, "materials.necessity", word, material=label)
        if material.kind is MaterialKind.FORM:
            out.report(Rule.DEFERRAL_OF_FORM, "materials.necessity", material=label)
    limit = material.deferral_limit
    if limit is None:
        return
    promises: list[tuple[str, TimeLimit | None]] = [
        (code, item.promised_limit) for code in dict.fromkeys(material.items) if (item := bundle.item(code)) is not None
    ]
    promises.append(("", bundle.promised_limit))
    for item_code, promised in promises:
        if promised is not None and not limit.fits_within(promised):
            out.report(
                Rule.DEFERRAL_EXCEEDS_PROMISE,
                "materials.deferral_limit",
                f"{limit_code(limit)} > {limit_code(promised)}",
                item=item_code,
                material=label,
                extra=(("limit", limit_code(limit)), ("bound", limit_code(promised))),
            )


def _check_references(out: BundleProblems, bundle: Bundle, material: Material, label: str) -> None:
    if not material.items:
        out.report(Rule.DANGLING_REFERENCE, "materials.items", material=label)
    for code in unknown(material.items, {i.code for i in bundle.items if i.code}):
        out.report(Rule.DANGLING_REFERENCE, "materials.items", code, material=label)
    for condition in unknown_conditions(bundle, material.when):
        out.report(Rule.DANGLING_REFERENCE, "materials.when", condition, material=label)


def unknown_conditions(bundle: Bundle, when: Iterable[str]) -> list[str]:
    """The ``situation.option`` conditions naming a situation, or an option of it, the bundle does not ask."""
    known = {f"{s.code}.{o.code}" for s in bundle.situations for o in s.options}
    return [condition for condition in when if condition not in known]


def unknown(codes: Iterable[str], known: set[str]) -> list[str]:
    return [code for code in dict.fromkeys(codes) if code not in known]
