"""A bundle's subject fields in its catalog file: read, kept in the stored document, and held to their rules."""

from __future__ import annotations

import pytest

from counter.catalog.document import content_hash, from_document, to_document
from counter.catalog.model import Subject, SubjectFieldKind
from counter.catalog.reader import parse_bundle, read_file
from counter.catalog.subject_rules import subject_problems
from counter.catalog.validate import validate_bundle
from tests.conftest import SHIPPED_CATALOG

HEAD = """
format = 1
code = "T-1"
number = 1
name = "我要测试"
status = "unpublished"
"""


def _subject(text: str) -> tuple[list[tuple[str, str]], Subject | None]:
    bundle, problems = parse_bundle(HEAD + text, "t.toml")
    assert bundle is not None
    found = [(p.rule.value, p.field) for p in (*problems, *subject_problems("t.toml", bundle))]
    return found, bundle.subject


def test_the_newborn_and_the_household_are_declared_and_valid() -> None:
    newborn, problems = read_file(SHIPPED_CATALOG / "052.toml")
    assert newborn is not None
    assert newborn.subject is not None
    assert problems == []
    assert validate_bundle("052.toml", newborn) == []
    assert newborn.subject.title == "新生儿"
    kinds = {f.code: f.kind for f in newborn.subject.fields}
    assert kinds == {
        "name": SubjectFieldKind.PERSON_NAME,
        "sex": SubjectFieldKind.CHOICE,
        "birth_date": SubjectFieldKind.PAST_DATE,
        "birth_certificate_no": SubjectFieldKind.BIRTH_CERTIFICATE_NO,
    }
    household, problems = read_file(SHIPPED_CATALOG / "078.toml")
    assert household is not None
    assert household.subject is not None
    assert problems == []
    assert validate_bundle("078.toml", household) == []
    assert [f.label for f in household.subject.fields] == ["户主姓名", "共同生活家庭成员人数", "家庭住址"]


def test_the_stored_document_keeps_the_subject_and_others_hash_as_before() -> None:
    newborn, _ = read_file(SHIPPED_CATALOG / "052.toml")
    assert newborn is not None
    again, problems = from_document(to_document(newborn))
    assert problems == []
    assert again.subject == newborn.subject
    restaurant, _ = read_file(SHIPPED_CATALOG / "008.toml")
    assert restaurant is not None
    assert restaurant.subject is None
    assert "subject" not in to_document(restaurant)  # its versions keep their hash
    assert content_hash(to_document(newborn)) != content_hash({k: v for k, v in to_document(newborn).items()
                                                               if k != "subject"})  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[subject]\nfields = []\n", {("missing_element", "subject.title"), ("missing_element", "subject.fields")}),
        (
            '[subject]\ntitle = "新生儿"\n[[subject.fields]]\ncode = "a"\nlabel = "甲"\nkind = "text"\n'
            '[[subject.fields]]\ncode = "a"\nlabel = "甲"\nkind = "text"\n',
            {("duplicate_code", "subject.fields.code"), ("duplicate_code", "subject.fields.label")},
        ),
        (
            '[subject]\ntitle = "新生儿"\n[[subject.fields]]\ncode = "sex"\nlabel = "性别"\nkind = "choice"\n'
            'options = [{ code = "male", label = "男" }]\n',
            {("missing_element", "subject.fields.options")},
        ),
        (
            '[subject]\ntitle = "新生儿"\n[[subject.fields]]\ncode = "n"\nlabel = "姓名"\nkind = "person_name"\n'
            'options = [{ code = "a", label = "甲" }, { code = "b", label = "乙" }]\n',
            {("unknown_key", "subject.fields.options")},
        ),
        (
            '[subject]\ntitle = "新生儿"\n[[subject.fields]]\ncode = "n"\nlabel = "姓名"\nkind = "colour"\n',
            {("unknown_value", "kind")},
        ),
        (
            '[subject]\ntitle = "新生儿"\n[[subject.fields]]\ncode = "n"\nlabel = "姓名"\n',
            {("missing_element", "subject.fields.kind")},
        ),
        (
            '[subject]\ntitle = "新生儿"\nnote = "x"\n[[subject.fields]]\ncode = "n"\nlabel = "姓名"\n'
            'kind = "text"\nrequired = "yes"\n',
            {("unknown_key", "subject.note"), ("wrong_type", "subject.fields.required")},
        ),
        (
            '[subject]\ntitle = "新生儿"\n[[subject.fields]]\nlabel = "姓名"\nkind = "text"\n',
            {("missing_element", "subject.fields.code")},
        ),
        (
            '[subject]\ntitle = "新生儿"\n[[subject.fields]]\ncode = "n"\nkind = "text"\n',
            {("missing_element", "subject.fields.label")},
        ),
        (
            f'[subject]\ntitle = "新生儿"\n[[subject.fields]]\ncode = "{"n" * 33}"\nlabel = "姓名"\nkind = "text"\n',
            {("code_too_long", "subject.fields.code")},
        ),
        (
            '[subject]\ntitle = "新生儿"\n[[subject.fields]]\ncode = "sex"\nlabel = "性别"\nkind = "choice"\n'
            'options = [{ label = "男" }, { code = "f" }, { code = "f", label = "女" }]\n',
            {
                ("missing_element", "subject.fields.options.code"),
                ("missing_element", "subject.fields.options.label"),
                ("duplicate_code", "subject.fields.options"),
            },
        ),
    ],
    ids=[
        "empty",
        "twice",
        "one_option",
        "options_elsewhere",
        "unknown_kind",
        "no_kind",
        "bad_keys",
        "no_code",
        "no_label",
        "long_code",
        "options_unnamed_and_twice",
    ],
)
def test_a_subject_the_intake_cannot_ask_is_a_problem_of_the_guide(text: str, expected: set[tuple[str, str]]) -> None:
    found, _ = _subject(text)
    assert set(found) == expected


def test_a_field_may_be_optional() -> None:
    found, subject = _subject(
        '[subject]\ntitle = "申请家庭"\n[[subject.fields]]\ncode = "n"\nlabel = "户主"\nkind = "person_name"\n'
        "required = false\n"
    )
    assert found == []
    assert subject is not None
    assert not subject.fields[0].required
