"""The rules of a bundle's subject fields (``[subject]``, docs/catalog-format.md), checked with the rest of a guide.

A field the intake cannot ask is a problem of the guide, not of the clerk who meets it: a field without a code or a
label, two of one code, a choice without two options to choose from, options on a field that is not a choice.
"""

from __future__ import annotations

from collections.abc import Callable

from counter.catalog.model import Bundle, SubjectField, SubjectFieldKind
from counter.catalog.problems import Problem, Rule

CODE_MOST = 32  # a field's code: a key of the case's stored values and of a request file


def subject_problems(file: str, bundle: Bundle) -> list[Problem]:
    """Every problem of the bundle's subject fields; none for a bundle that declares none."""
    subject = bundle.subject
    if subject is None:
        return []
    where = bundle.code or file
    problems: list[Problem] = []

    def report(rule: Rule, field: str, detail: str = "") -> None:
        problems.append(Problem(rule, file, where, field=field, detail=detail))

    if not subject.title:
        report(Rule.MISSING_ELEMENT, "subject.title")
    if not subject.fields:
        report(Rule.MISSING_ELEMENT, "subject.fields")
    codes: set[str] = set()
    labels: set[str] = set()
    for index, field in enumerate(subject.fields, 1):
        name = field.code or f"#{index}"
        if not field.code:
            report(Rule.MISSING_ELEMENT, "subject.fields.code", name)
        elif field.code in codes:
            report(Rule.DUPLICATE_CODE, "subject.fields.code", field.code)
        elif len(field.code) > CODE_MOST:
            report(Rule.CODE_TOO_LONG, "subject.fields.code", field.code)
        codes.add(field.code)
        if not field.label:
            report(Rule.MISSING_ELEMENT, "subject.fields.label", name)
        elif field.label in labels:
            report(Rule.DUPLICATE_CODE, "subject.fields.label", field.label)
        labels.add(field.label)
        _check_options(field, name, report)
    return problems


def _check_options(field: SubjectField, name: str, report: Callable[[Rule, str, str], None]) -> None:
    """A choice has two options at least, each with a code and a label, none twice; no other kind has options."""
    if field.kind is not SubjectFieldKind.CHOICE:
        if field.options:
            report(Rule.UNKNOWN_KEY, "subject.fields.options", name)
        return
    if len(field.options) < 2:
        report(Rule.MISSING_ELEMENT, "subject.fields.options", name)
    seen: set[str] = set()
    for position, option in enumerate(field.options, 1):
        at = f"{name}.{option.code or f'#{position}'}"
        if not option.code:
            report(Rule.MISSING_ELEMENT, "subject.fields.options.code", at)
        if not option.label:
            report(Rule.MISSING_ELEMENT, "subject.fields.options.label", at)
        if option.code in seen or option.label in seen:
            report(Rule.DUPLICATE_CODE, "subject.fields.options", at)
        seen.update(key for key in (option.code, option.label) if key)
