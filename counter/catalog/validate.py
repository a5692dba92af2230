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
from collections.abc import Sequence

from counter.catalog.bundle_problems import BundleProblems
from counter.catalog.limits import item_label, limit_code, limit_problems
from counter.catalog.model import (
    SERVICE_OBJECTS,
    Bundle,
    CaseKind,
    GuideStatus,
    Item,
    TimeLimit,
)
from counter.catalog.problems import LEAVES_KEY, Problem, Rule
from counter.catalog.reader import ReadResult
from counter.catalog.remedy_checks import decider_problems, pledge_problems, remedy_problems
from counter.catalog.search import normalise_query
from counter.catalog.subject_rules import subject_problems
from counter.catalog.validate_materials import check_materials, unknown_conditions

CODE_MAX = 24  # bundle code and 实施编码
BASIC_CODE_MAX = 10  # 基本编码
NUMBER_MAX = 999
# An alias is a word or short phrase (开饭店, 办营业执照): one character would match half the catalog, and a
# sentence is not what anybody types into a search box.
ALIAS_MIN, ALIAS_MAX = 2, 20
# Reader problems that leave a value empty; the validator would then call it missing.
_VALUE_RULES = frozenset({Rule.WRONG_TYPE, Rule.UNKNOWN_VALUE, Rule.LIMIT_WITHOUT_UNIT, Rule.MISSING_ELEMENT})
_LIMIT_PARTS = frozenset({"value", "unit"})
_SECTIONS = frozenset({"items", "materials", "steps"})  # a platform cell's field begins with its sheet's section


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
        out = BundleProblems(file, bundle)
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
    parts = _element_path(reader)
    if leaf in (parts[0], parts[-1]):
        return True
    # the reader names a limit's broken part ("unit") without the limit's own key
    return parts[0] in _LIMIT_PARTS and leaf.endswith("limit")


def _element_path(reader: Problem) -> list[str]:
    """The parts of the element a reader's problem leaves empty, within its item or material: a platform sheet's
    cell names its section first (``items.fee.amount``), and a column that sheet reads itself names the element it
    leaves (:data:`counter.catalog.problems.LEAVES_KEY`)."""
    parts = (dict(reader.extra).get(LEAVES_KEY) or reader.field).split(".")
    if len(parts) > 1 and parts[0] in _SECTIONS and (reader.item or reader.material):
        return parts[1:]
    return parts


def validate_bundle(file: str, bundle: Bundle) -> list[Problem]:
    """Every problem of one bundle on its own; clashes with other files need the catalog."""
    out = BundleProblems(file, bundle)
    _check_identity(out, bundle)
    _check_aliases(out, bundle)
    _check_name_mn(out, bundle)
    if bundle.has_guide:
        _check_guide(out, bundle)
        _check_items(out, bundle)
        _check_bundle_promise(out, bundle)
        _check_situations(out, bundle)
        check_materials(out, bundle)
        out.problems.extend(limit_problems(file, bundle))
        out.problems += subject_problems(file, bundle)
    return out.problems


def _check_identity(out: BundleProblems, bundle: Bundle) -> None:
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


def _check_name_mn(out: BundleProblems, bundle: Bundle) -> None:
    """A Mongolian name is in Mongolian script (U+1800–U+18AF) and holds no hanzi: a Mongolian pad shows it alone,
    and a Chinese name given there would be read as the Mongolian one."""
    name = bundle.name_mn
    if not name:
        return
    mongolian = any("\u1820" <= char <= "\u18aa" for char in name)
    hanzi = any("\u3400" <= char <= "\u9fff" for char in name)
    if not mongolian or hanzi:
        out.report(Rule.NAME_MN_NOT_MONGOLIAN, "name_mn", name)


def _check_aliases(out: BundleProblems, bundle: Bundle) -> None:
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


def _check_guide(out: BundleProblems, bundle: Bundle) -> None:
    """The bundle-level elements of 第九条 and checklist items 14, 15, 16, 21 and 22.

    A 待核 draft is written without the facts only the site knows (where, when, which phone): those come from
    the site's settings and are never invented in a guide, so a draft may leave them out (and is checked where
    it gives them).
    """
    local = bundle.status is GuideStatus.DRAFT
    for key, present in (
        ("items", bundle.items),
        ("materials", bundle.materials),
        ("steps", bundle.steps),
        ("forms", bundle.forms),
        ("address", bundle.address or local),
        ("hours", bundle.hours or local),
        ("consult_phone", bundle.consult_phone or local),
        ("complaint_phone", bundle.complaint_phone or local),
        ("result", bundle.result),
        ("promised_limit", bundle.promised_limit),
    ):
        if not present:
            out.report(Rule.MISSING_ELEMENT, key)
    _check_service_objects(out, bundle)
    if bundle.visits is None:
        out.report(Rule.MISSING_ELEMENT, "visits")
    elif bundle.visits > 0 and not bundle.visits_reason:
        out.report(Rule.VISITS_WITHOUT_REASON, "visits_reason", str(bundle.visits))
    _check_conditions(out, bundle)
    _check_address(out, bundle)
    _check_hours(out, bundle)
    _check_steps(out, bundle)


def _check_service_objects(out: BundleProblems, bundle: Bundle) -> None:
    """服务对象 (第九条): named, and each one of the national platform's values (:data:`SERVICE_OBJECTS`)."""
    if not bundle.service_objects:
        out.report(Rule.MISSING_ELEMENT, "service_objects")
    for value in bundle.service_objects:
        if value not in SERVICE_OBJECTS:
            out.report(Rule.UNKNOWN_VALUE, "service_objects", value)


def _check_conditions(out: BundleProblems, bundle: Bundle) -> None:
    """受理条件 may be stated once for the bundle or item by item, but somewhere."""
    if bundle.conditions:
        return
    if not bundle.items:
        out.report(Rule.MISSING_ELEMENT, "conditions")
    for index, item in enumerate(bundle.items, 1):
        if not item.conditions:
            out.report(Rule.MISSING_ELEMENT, "items.conditions", item=item_label(item, index))


def _check_address(out: BundleProblems, bundle: Bundle) -> None:
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


def _check_hours(out: BundleProblems, bundle: Bundle) -> None:
    for index, hours in enumerate(bundle.hours, 1):
        if not hours.days:
            out.report(Rule.HOURS_INCOMPLETE, "hours.days", f"#{index}")
        if not hours.periods:
            out.report(Rule.HOURS_INCOMPLETE, "hours.periods", hours.days or f"#{index}")


def _check_steps(out: BundleProblems, bundle: Bundle) -> None:
    for index, step in enumerate(bundle.steps, 1):
        label = step.name or f"#{index}"
        if not step.name:
            out.report(Rule.STEP_INCOMPLETE, "steps.name", label)
        if step.limit is None:
            out.report(Rule.STEP_INCOMPLETE, "steps.limit", label)
        if not step.result:
            out.report(Rule.STEP_INCOMPLETE, "steps.result", label)


def _check_items(out: BundleProblems, bundle: Bundle) -> None:
    """The item-level elements of 第九条, codes, limits (items 12-13) and intermediaries (item 17)."""
    seen: set[str] = set()
    for index, item in enumerate(bundle.items, 1):
        label = item_label(item, index)
        _check_item_codes(out, item, label, seen)
        for key, present in (
            ("items.name", item.name),
            ("items.sub_item", item.sub_item),
            ("items.type", item.item_type),
            ("items.case_kind", item.case_kind),
            ("items.department", item.department),
            ("items.legal_basis", item.legal_basis),
            ("items.legal_limit", item.legal_limit or item.no_legal_limit),
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
        for rule, key, detail in (*decider_problems(item), *remedy_problems(item), *pledge_problems(item)):
            out.report(rule, key, detail, item=label)
        _check_case_kind(out, item, label)
        if item.licence and item.result and item.licence not in item.result:  # a typo reports a licence nobody has
            out.report(Rule.LICENCE_NOT_IN_RESULT, "items.licence", item.licence, item=label)
        chosen = (item.pledge.chosen,) if item.pledge is not None and item.pledge.chosen else ()
        for condition in unknown_conditions(bundle, chosen):  # the applicant's choice of 告知承诺, an answer it has
            out.report(Rule.DANGLING_REFERENCE, "items.pledge.chosen", condition, item=label)
        for condition in unknown_conditions(bundle, item.when):  # an item applied for in no case that can be
            out.report(Rule.DANGLING_REFERENCE, "items.when", condition, item=label)
        for position, intermediary in enumerate(item.intermediaries, 1):
            name = intermediary.name or f"#{position}"
            if not intermediary.name:
                out.report(Rule.MISSING_ELEMENT, "items.intermediaries.name", name, item=label)
            if not intermediary.basis:
                out.report(Rule.INTERMEDIARY_WITHOUT_BASIS, "items.intermediaries.basis", name, item=label)


def _check_case_kind(out: BundleProblems, item: Item, label: str) -> None:
    """A 即办件 is done while the applicant waits (0 days promised); a 承诺件 names the days it takes."""
    promised = item.promised_limit
    if item.case_kind is None or promised is None:
        return
    if item.case_kind is CaseKind.IMMEDIATE and promised.value > 0:
        out.report(
            Rule.IMMEDIATE_WITH_DAYS,
            "items.promised_limit",
            limit_code(promised),
            item=label,
            extra=(("limit", limit_code(promised)),),
        )
    elif item.case_kind is CaseKind.PROMISED and promised.value == 0:
        out.report(Rule.PROMISED_WITHOUT_DAYS, "items.promised_limit", limit_code(promised), item=label)


def _check_bundle_promise(out: BundleProblems, bundle: Bundle) -> None:
    """The bundle's promise against its items' (seed 001 第九条 承诺办结时限 of both).

    The receipt prints the bundle's date, so every item must be able to finish by it; and the bundle may not
    promise longer than its items would take one after another, which would make 一件事 slower than applying
    item by item.  The sum is taken only when every item counts in the same unit as the bundle: adding working
    and calendar days needs a calendar.
    """
    bound = bundle.promised_limit
    if bound is None:
        return
    limits: list[TimeLimit] = []
    for index, item in enumerate(bundle.items, 1):
        promised = item.promised_limit
        if promised is None:
            continue
        limits.append(promised)
        if not promised.fits_within(bound):
            out.report(
                Rule.ITEM_PROMISE_EXCEEDS_BUNDLE,
                "items.promised_limit",
                f"{limit_code(promised)} > {limit_code(bound)}",
                item=item_label(item, index),
                extra=(("limit", limit_code(promised)), ("bound", limit_code(bound))),
            )
    if not limits or len(limits) != len(bundle.items) or any(limit.unit != bound.unit for limit in limits):
        return
    total = TimeLimit(sum(limit.value for limit in limits), bound.unit)
    if not bound.fits_within(total):
        out.report(
            Rule.BUNDLE_PROMISE_EXCEEDS_ITEMS,
            "promised_limit",
            f"{limit_code(bound)} > {limit_code(total)}",
            extra=(("limit", limit_code(bound)), ("bound", limit_code(total))),
        )


def _check_item_codes(out: BundleProblems, item: Item, label: str, seen: set[str]) -> None:
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


def _check_situations(out: BundleProblems, bundle: Bundle) -> None:
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
