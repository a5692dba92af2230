"""Check read bundles against the guide rules: 第九条, 第十条 and the 24-point checklist.

The reader names what it cannot read; this names what a readable file still gets
wrong, every problem at once, each placed by file, bundle, item and material so the
catalog editor can go straight to it.  Fields are written as paths of the file
format (``items.promised_limit``, ``materials.legal_basis``, ``address.desk_no``),
so one text table in :mod:`counter.words.catalog_problems` names them in Chinese.

An unpublished bundle is only listed and searched, never taken in, so it needs
nothing but its identity.  A published one must carry every element the applicant
relies on at the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from counter.catalog.model import (
    Bundle,
    CopyForm,
    Item,
    Material,
    MaterialKind,
    Medium,
    Necessity,
    TimeLimit,
)
from counter.catalog.problems import Problem, Rule
from counter.catalog.reader import ReadResult
from counter.catalog.search import normalise_query

CODE_MAX = 24  # bundle code and 实施编码
BASIC_CODE_MAX = 10  # 基本编码
NUMBER_MAX = 999
# An alias is a word or short phrase (开饭店, 办营业执照): one character would match half the catalog, and a
# sentence is not what anybody types into a search box.
ALIAS_MIN, ALIAS_MAX = 2, 20
# 第十条(一) forbids fuzzy catch-all clauses; these are the words that make one.
CATCH_ALL_WORDS = ("其他", "其它", "有关", "相关材料", "等相关", "等材料")

# Reader problems that leave a value empty; the validator would then call it missing.
_VALUE_RULES = frozenset({Rule.WRONG_TYPE, Rule.UNKNOWN_VALUE, Rule.LIMIT_WITHOUT_UNIT, Rule.MISSING_ELEMENT})
_LIMIT_PARTS = frozenset({"value", "unit"})


def limit_code(limit: TimeLimit) -> str:
    """A limit as plain codes (``"3 working_day"``), for a problem's detail and extras."""
    return f"{limit.value} {limit.unit.value}"


class _Collector:
    """Problems of one bundle, each stamped with its file and bundle."""

    def __init__(self, file: str, bundle: Bundle) -> None:
        self.file = file
        self.bundle = bundle.code or file
        self.problems: list[Problem] = []

    def report(
        self,
        rule: Rule,
        field: str,
        detail: str = "",
        *,
        item: str = "",
        material: str = "",
        extra: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.problems.append(Problem(rule, self.file, self.bundle, item, material, field, detail, extra))


def validate_catalog(bundles: Sequence[tuple[str, Bundle]]) -> list[Problem]:
    """Every problem of every bundle, then the clashes between bundles, file by file.

    A clash (same bundle code, number or 实施编码) is reported at the later file and
    names the earlier one, so the first file read keeps its claim.
    """
    problems: list[Problem] = []
    codes: dict[str, str] = {}
    numbers: dict[int, str] = {}
    item_codes: dict[str, str] = {}
    for file, bundle in bundles:
        problems.extend(validate_bundle(file, bundle))
        out = _Collector(file, bundle)
        if bundle.code:
            if bundle.code in codes:
                out.report(Rule.DUPLICATE_CODE, "code", bundle.code, extra=(("other", codes[bundle.code]),))
            else:
                codes[bundle.code] = file
        if bundle.number:
            if bundle.number in numbers:
                out.report(Rule.BAD_NUMBER, "number", str(bundle.number), extra=(("other", numbers[bundle.number]),))
            else:
                numbers[bundle.number] = file
        for code in dict.fromkeys(i.code for i in bundle.items if i.code):
            if code in item_codes:
                out.report(Rule.DUPLICATE_CODE, "items.code", code, item=code, extra=(("other", item_codes[code]),))
            else:
                item_codes[code] = file
        problems.extend(out.problems)
    return problems


def validate_read(result: ReadResult) -> list[Problem]:
    """The reader's problems and the validator's, without saying the same thing twice.

    When the reader could not use a value (wrong type, unknown code, limit without
    its unit), the bundle holds it as empty and the validator would call it missing
    as well; that second problem is dropped, one for each of the reader's.  The
    problems come file by file, in name order (the order the catalog is read in).
    """
    unexplained = list(result.problems)
    kept: list[Problem] = []
    for problem in validate_catalog(result.bundles):
        cause = next((r for r in unexplained if _explains(r, problem)), None)
        if cause is None:
            kept.append(problem)
        else:
            unexplained.remove(cause)
    return sorted([*result.problems, *kept], key=lambda problem: _file_order(problem.file))


def _file_order(file: str) -> tuple[str, ...]:
    """File name, then sheet and row in number order (第3行 before 第10行)."""
    return tuple(part.rjust(12) if part.isdigit() else part for part in re.split(r"(\d+)", file))


def _explains(reader: Problem, found: Problem) -> bool:
    if reader.rule not in _VALUE_RULES:
        return False
    # a workbook's reader names the sheet and row after the file: "x.xlsx › 事项 第3行"
    if (reader.file.split(" › ")[0], reader.bundle, reader.item, reader.material) != (
        found.file,
        found.bundle,
        found.item,
        found.material,
    ):
        return False
    leaf = found.field.rsplit(".", 1)[-1]
    parts = reader.field.split(".")
    if leaf in (parts[0], parts[-1]):
        return True
    # the reader names a limit's broken part ("unit") without the limit's own key
    return parts[0] in _LIMIT_PARTS and leaf.endswith("limit")


def validate_bundle(file: str, bundle: Bundle) -> list[Problem]:
    """Every problem of one bundle on its own; clashes with other files need the catalog."""
    out = _Collector(file, bundle)
    _check_identity(out, bundle)
    _check_aliases(out, bundle)
    if bundle.published:
        _check_guide(out, bundle)
        _check_items(out, bundle)
        _check_situations(out, bundle)
        _check_materials(out, bundle)
    return out.problems


def _check_identity(out: _Collector, bundle: Bundle) -> None:
    if not bundle.code:
        out.report(Rule.MISSING_ELEMENT, "code")
    elif len(bundle.code) > CODE_MAX:
        out.report(Rule.CODE_TOO_LONG, "code", bundle.code, extra=(("max", str(CODE_MAX)),))
    if not bundle.name:
        out.report(Rule.MISSING_ELEMENT, "name")
    # the reader holds an absent number as 0, which is no number of the list either
    if bundle.number == 0:
        out.report(Rule.MISSING_ELEMENT, "number")
    elif not 1 <= bundle.number <= NUMBER_MAX:
        out.report(Rule.BAD_NUMBER, "number", str(bundle.number))


def _check_aliases(out: _Collector, bundle: Bundle) -> None:
    """Each alias a word of sensible length, none said twice (spaces, case and full-width letters aside)."""
    seen: dict[str, str] = {}
    for position, alias in enumerate(bundle.aliases, 1):
        if not alias:
            out.report(Rule.ALIAS_BLANK, "aliases", str(position))
            continue
        key = normalise_query(alias)
        if not ALIAS_MIN <= len(key) <= ALIAS_MAX:
            out.report(Rule.ALIAS_LENGTH, "aliases", alias, extra=(("min", str(ALIAS_MIN)), ("max", str(ALIAS_MAX))))
        elif key in seen:
            earlier = seen[key]
            out.report(Rule.ALIAS_REPEATED, "aliases", alias, extra=(("other", earlier),) if earlier != alias else ())
        else:
            seen[key] = alias


def _check_guide(out: _Collector, bundle: Bundle) -> None:
    """The bundle-level elements of 第九条 and checklist items 14, 15, 16, 21 and 22."""
    for key, present in (
        ("items", bundle.items),
        ("materials", bundle.materials),
        ("steps", bundle.steps),
        ("forms", bundle.forms),
        ("address", bundle.address),
        ("hours", bundle.hours),
        ("consult_phone", bundle.consult_phone),
        ("complaint_phone", bundle.complaint_phone),
        ("result", bundle.result),
        ("promised_limit", bundle.promised_limit),
    ):
        if not present:
            out.report(Rule.MISSING_ELEMENT, key)
    if bundle.visits is None:
        out.report(Rule.MISSING_ELEMENT, "visits")
    elif bundle.visits > 0 and not bundle.visits_reason:
        out.report(Rule.VISITS_WITHOUT_REASON, "visits_reason", str(bundle.visits))
    _check_conditions(out, bundle)
    _check_address(out, bundle)
    _check_hours(out, bundle)
    _check_steps(out, bundle)


def _check_conditions(out: _Collector, bundle: Bundle) -> None:
    """受理条件 may be stated once for the bundle or item by item, but somewhere."""
    if bundle.conditions:
        return
    if not bundle.items:
        out.report(Rule.MISSING_ELEMENT, "conditions")
    for index, item in enumerate(bundle.items, 1):
        if not item.conditions:
            out.report(Rule.MISSING_ELEMENT, "items.conditions", item=_item_label(item, index))


def _check_address(out: _Collector, bundle: Bundle) -> None:
    address = bundle.address
    if address is None:
        return
    for key, value in (
        ("address.street", address.street),
        ("address.number", address.number),
        ("address.room", address.room),
    ):
        if not value:
            out.report(Rule.MISSING_ELEMENT, key)
    if not address.desk_no:
        out.report(Rule.ADDRESS_WITHOUT_DESK, "address.desk_no")


def _check_hours(out: _Collector, bundle: Bundle) -> None:
    for index, hours in enumerate(bundle.hours, 1):
        if not hours.days:
            out.report(Rule.HOURS_INCOMPLETE, "hours.days", f"#{index}")
        if not hours.periods:
            out.report(Rule.HOURS_INCOMPLETE, "hours.periods", hours.days or f"#{index}")


def _check_steps(out: _Collector, bundle: Bundle) -> None:
    for index, step in enumerate(bundle.steps, 1):
        label = step.name or f"#{index}"
        if not step.name:
            out.report(Rule.STEP_INCOMPLETE, "steps.name", label)
        if step.limit is None:
            out.report(Rule.STEP_INCOMPLETE, "steps.limit", label)
        if not step.result:
            out.report(Rule.STEP_INCOMPLETE, "steps.result", label)


def _item_label(item: Item, index: int) -> str:
    return item.code or item.name or f"#{index}"


def _material_label(material: Material, index: int) -> str:
    return material.code or material.name or f"#{index}"


def _check_items(out: _Collector, bundle: Bundle) -> None:
    """The item-level elements of 第九条, codes, limits (items 12-13) and intermediaries (item 17)."""
    seen: set[str] = set()
    for index, item in enumerate(bundle.items, 1):
        label = _item_label(item, index)
        _check_item_codes(out, item, label, seen)
        for key, present in (
            ("items.name", item.name),
            ("items.sub_item", item.sub_item),
            ("items.type", item.item_type),
            ("items.department", item.department),
            ("items.legal_limit", item.legal_limit),
            ("items.promised_limit", item.promised_limit),
            ("items.fee", item.fee),
            ("items.result", item.result),
        ):
            if not present:
                out.report(Rule.MISSING_ELEMENT, key, item=label)
        if item.fee is not None and not item.fee.basis:
            out.report(Rule.MISSING_ELEMENT, "items.fee.basis", item=label)
        legal, promised = item.legal_limit, item.promised_limit
        if legal is not None and promised is not None and not promised.fits_within(legal):
            out.report(
                Rule.PROMISE_EXCEEDS_LEGAL,
                "items.promised_limit",
                f"{limit_code(promised)} > {limit_code(legal)}",
                item=label,
                extra=(("limit", limit_code(promised)), ("bound", limit_code(legal))),
            )
        for position, intermediary in enumerate(item.intermediaries, 1):
            name = intermediary.name or f"#{position}"
            if not intermediary.name:
                out.report(Rule.MISSING_ELEMENT, "items.intermediaries.name", name, item=label)
            if not intermediary.basis:
                out.report(Rule.INTERMEDIARY_WITHOUT_BASIS, "items.intermediaries.basis", name, item=label)


def _check_item_codes(out: _Collector, item: Item, label: str, seen: set[str]) -> None:
    if not item.code:
        out.report(Rule.MISSING_ELEMENT, "items.code", item=label)
    elif item.code in seen:
        out.report(Rule.DUPLICATE_CODE, "items.code", item.code, item=label)
    elif len(item.code) > CODE_MAX:
        out.report(Rule.CODE_TOO_LONG, "items.code", item.code, item=label, extra=(("max", str(CODE_MAX)),))
    seen.add(item.code)
    if len(item.basic_code) > BASIC_CODE_MAX:
        out.report(
            Rule.CODE_TOO_LONG,
            "items.basic_code",
            item.basic_code,
            item=label,
            extra=(("max", str(BASIC_CODE_MAX)),),
        )


def _check_situations(out: _Collector, bundle: Bundle) -> None:
    seen: set[str] = set()
    for index, situation in enumerate(bundle.situations, 1):
        label = situation.code or f"#{index}"
        if not situation.code:
            out.report(Rule.MISSING_ELEMENT, "situations.code", label)
        elif situation.code in seen:
            out.report(Rule.DUPLICATE_CODE, "situations.code", situation.code)
        seen.add(situation.code)
        if not situation.question:
            out.report(Rule.MISSING_ELEMENT, "situations.question", label)
        if not situation.options:
            out.report(Rule.MISSING_ELEMENT, "situations.options", label)
        options: set[str] = set()
        for position, option in enumerate(situation.options, 1):
            where = f"{label}.{option.code or f'#{position}'}"
            if not option.code:
                out.report(Rule.MISSING_ELEMENT, "situations.options.code", where)
            elif option.code in options:
                out.report(Rule.DUPLICATE_CODE, "situations.options.code", where)
            options.add(option.code)
            if not option.label:
                out.report(Rule.MISSING_ELEMENT, "situations.options.label", where)


def _check_materials(out: _Collector, bundle: Bundle) -> None:
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
    """The catch-all words in a material name, in the order they stand."""
    found = [(name.find(word), word) for word in CATCH_ALL_WORDS if word in name]
    return [word for _, word in sorted(found)]


def _check_material_text(out: _Collector, material: Material, label: str) -> None:
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


def _check_material_form(out: _Collector, material: Material, label: str) -> None:
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


def _check_deferral(out: _Collector, bundle: Bundle, material: Material, label: str) -> None:
    """A 容缺 deadline may not fall after the promise of any item the material serves."""
    if material.necessity is Necessity.DEFERRABLE and material.deferral_limit is None:
        out.report(Rule.DEFERRAL_WITHOUT_LIMIT, "materials.deferral_limit", material=label)
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


def _check_references(out: _Collector, bundle: Bundle, material: Material, label: str) -> None:
    if not material.items:
        out.report(Rule.DANGLING_REFERENCE, "materials.items", material=label)
    for code in _unknown(material.items, {i.code for i in bundle.items if i.code}):
        out.report(Rule.DANGLING_REFERENCE, "materials.items", code, material=label)
    for condition in material.when:
        situation_code, dot, option_code = condition.partition(".")
        situation = next((s for s in bundle.situations if s.code == situation_code), None)
        if not dot or situation is None or situation.option(option_code) is None:
            out.report(Rule.DANGLING_REFERENCE, "materials.when", condition, material=label)


def _unknown(codes: Iterable[str], known: set[str]) -> list[str]:
    return [code for code in dict.fromkeys(codes) if code not in known]
