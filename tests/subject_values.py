"""Values for a bundle's subject fields, of each kind, as a clerk would type them: for the tests of whole intakes."""

from __future__ import annotations

from counter.catalog.model import Bundle, SubjectFieldKind

#: one good value a clerk types for each kind of field (a name with the 间隔号 an input method offers)
TYPED = {
    SubjectFieldKind.PERSON_NAME: "阿依古丽・买买提",
    SubjectFieldKind.TEXT: "兴安盟乌兰浩特市和平街道民主路18号",
    SubjectFieldKind.PAST_DATE: "2026-11-02",
    SubjectFieldKind.COUNT: "4",
    SubjectFieldKind.BIRTH_CERTIFICATE_NO: "q150123456",
}


def typed_subject(bundle: Bundle) -> dict[str, str]:
    """A good value for each of the bundle's subject fields, by code: a choice's first option, by its code."""
    if bundle.subject is None:
        return {}
    return {f.code: f.options[0].code if f.options else TYPED[f.kind] for f in bundle.subject.fields}
