"""The catalog validator: each rule broken alone is reported alone, in its place.

Every broken catalog is written as TOML files and read back by the real reader, so
the file names, bundle codes and the reader's own problems are those a catalog
editor would see.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.catalog.model import TimeLimit, TimeUnit
from counter.catalog.problems import WARNINGS, Problem, Rule
from counter.catalog.reader import read_paths
from counter.catalog.validate import validate_bundle, validate_catalog, validate_read
from counter.catalog.validate_materials import catch_all_words
from counter.util.bounded_read import CATALOG_FILE_LIMIT
from counter.words.catalog_problems import problem_text
from tests.catalog.breaches import BREACHES, Breach, broken, check, place
from tests.catalog.builders import (
    Doc,
    bundle_code,
    file_name,
    item,
    item_code,
    limit,
    material,
    rename_item,
    to_toml,
    unpublished_bundle,
    valid_bundle,
    write_catalog,
)
from tests.catalog.folder import read_folder, shipped_catalog
from tests.conftest import costly_examples


def test_the_complete_guide_passes(tmp_path: Path) -> None:
    write_catalog(tmp_path, {"008.toml": valid_bundle(8)})

    result = read_folder(tmp_path)

    assert [file for file, _ in result.bundles] == ["008.toml"]
    assert check(tmp_path) == []


def test_a_guide_with_variations_that_are_allowed_passes(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    doc["visits"] = 0  # no visit: no reason needed
    del doc["visits_reason"]
    material(doc, "M01").update(medium="electronic", originals=0, copies=0, paper_size="")  # nothing on paper
    item(doc, "A")["promised_limit"] = limit(15, "calendar_day")  # never longer than 15 working days
    del item(doc, "B")["legal_limit"]  # no law sets one, and the guide says so
    item(doc, "B")["no_legal_limit"] = True
    item(doc, "A")["limit_basis"] = "《中华人民共和国行政许可法》第四十二条第一款"  # a licence may cite it
    doc["promised_limit"] = limit(15)  # holds the item's 15 calendar days; units differ, so no sum to exceed
    material(doc, "M03")["deferral_limit"] = limit(10)  # as long as the promise, not longer
    write_catalog(tmp_path, {"008.toml": doc})

    assert check(tmp_path) == []


def test_a_draft_is_checked_whole_but_leaves_the_sites_own_facts_to_the_site(tmp_path: Path) -> None:
    """待核: every element of the guide is checked, except where, when and which phone, which the site's settings
    give (a guide never invents them); a draft that gives them has them checked too."""
    doc = valid_bundle(8)
    doc["status"] = "draft"
    for local in ("address", "hours", "consult_phone", "complaint_phone"):
        del doc[local]
    write_catalog(tmp_path, {"008.toml": doc})
    assert check(tmp_path) == []

    doc["address"] = {"street": "", "number": "1号", "room": "一楼", "desk_no": "8号窗口"}
    del doc["result"]
    write_catalog(tmp_path, {"008.toml": doc})
    assert sorted(p.field for p in check(tmp_path)) == ["address.street", "result"]


def test_an_unpublished_bundle_needs_only_its_identity(tmp_path: Path) -> None:
    write_catalog(tmp_path, {"020.toml": unpublished_bundle(20)})

    assert check(tmp_path) == []


def test_an_unpublished_bundle_still_needs_its_name(tmp_path: Path) -> None:
    doc = unpublished_bundle(20)
    del doc["name"]
    write_catalog(tmp_path, {"020.toml": doc})

    assert [place(p) for p in check(tmp_path)] == [("missing_element", "020.toml", "XAM-YJS-020", "", "", "name")]


@pytest.mark.parametrize("breach", BREACHES, ids=[b.id for b in BREACHES])
def test_each_broken_rule_is_reported_alone(tmp_path: Path, breach: Breach) -> None:
    write_catalog(tmp_path, {"008.toml": broken(8, breach)})

    problems = check(tmp_path)

    assert [place(p) for p in problems] == [e.place(8) for e in breach.expected]
    for found, expected in zip(problems, breach.expected, strict=True):
        if expected.detail is not None:
            assert found.detail == expected.detail


def test_every_rule_has_a_breach_or_a_test_of_its_own() -> None:
    reader_rules = {  # each has its own test below (TOO_LARGE in tests/util/test_bounded_reads.py, NOT_REGULAR in
        # tests/util/test_named_pipes.py)
        Rule.UNREADABLE, Rule.NOT_UTF8, Rule.SYNTAX, Rule.WRONG_TYPE, Rule.UNKNOWN_VALUE, Rule.UNKNOWN_KEY,
        Rule.LIMIT_WITHOUT_UNIT, Rule.NOT_FOUND, Rule.NOT_A_CATALOG, Rule.TOO_LARGE, Rule.NOT_REGULAR,
    }  # fmt: skip
    broken_alone = {e.rule for b in BREACHES for e in b.expected}
    # asked only when a site publishes a guide: tests/catalog/test_publish_gate.py
    publish_gate = {
        Rule.DUPLICATE_ITEM,
        Rule.BOUND_WITHOUT_SOURCE,
        Rule.ITEM_WITHOUT_OFFICIAL_CODE,
        Rule.SAMPLE_CODE,
        Rule.CODE_FORMAT,
    }
    # only the platform's workbook has a 是否收费 to contradict: tests/catalog/test_platform_workbook.py
    platform_workbook = {Rule.FEE_AND_FREE}

    # the warnings never stop a catalog: tests/catalog/test_limits.py
    assert reader_rules | WARNINGS | broken_alone | publish_gate | platform_workbook == set(Rule)


def test_a_bundle_is_validated_on_its_own() -> None:
    """``validate_bundle`` needs only the bundle in memory, as the workbook import makes it."""
    doc = valid_bundle(8)
    del doc["address"]["desk_no"]
    with tempfile.TemporaryDirectory() as folder:
        result = read_folder(write_catalog(Path(folder), {"008.toml": doc}))
    [(file, bundle)] = result.bundles

    problems = validate_bundle(file, bundle)

    assert [(p.rule, p.field) for p in problems] == [(Rule.ADDRESS_WITHOUT_DESK, "address.desk_no")]


# --- clashes between files ------------------------------------------------------------------


def test_two_bundles_with_one_code(tmp_path: Path) -> None:
    second = valid_bundle(9)
    second["code"] = bundle_code(8)
    write_catalog(tmp_path, {"008.toml": valid_bundle(8), "009.toml": second})

    problems = check(tmp_path)

    assert [place(p) for p in problems] == [("duplicate_code", "009.toml", "XAM-YJS-008", "", "", "code")]
    assert problems[0].extra == (("other", "008.toml"),)


def test_two_bundles_with_one_number(tmp_path: Path) -> None:
    second = valid_bundle(9)
    second["number"] = 8
    write_catalog(tmp_path, {"008.toml": valid_bundle(8), "009.toml": second})

    problems = check(tmp_path)

    assert [place(p) for p in problems] == [("bad_number", "009.toml", "XAM-YJS-009", "", "", "number")]
    assert problems[0].extra == (("other", "008.toml"),)


def test_one_item_code_in_two_bundles(tmp_path: Path) -> None:
    shared = item_code(8, "A")
    second = valid_bundle(9)
    rename_item(second, item_code(9, "A"), shared)
    write_catalog(tmp_path, {"008.toml": valid_bundle(8), "009.toml": second})

    problems = check(tmp_path)

    assert [place(p) for p in problems] == [("duplicate_code", "009.toml", "XAM-YJS-009", shared, "", "items.code")]
    assert problems[0].extra == (("other", "008.toml"),)


def test_unpublished_bundles_clash_by_code_and_number_too(tmp_path: Path) -> None:
    write_catalog(
        tmp_path,
        {"020.toml": unpublished_bundle(20), "021.toml": unpublished_bundle(20, "我要开书店")},
    )

    problems = check(tmp_path)

    assert [(p.rule, p.file, p.field) for p in problems] == [
        (Rule.DUPLICATE_CODE, "021.toml", "code"),
        (Rule.BAD_NUMBER, "021.toml", "number"),
    ]


# --- several problems at once ---------------------------------------------------------------


def test_every_problem_of_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    by_id = {b.id: b for b in BREACHES}
    chosen = {
        3: by_id["address without desk"],
        4: by_id["catch-all word 其他"],
        5: by_id["deferral beyond the promise of one of its items"],
    }
    files: dict[str, Doc | str] = {file_name(n): broken(n, b) for n, b in chosen.items()}
    files[file_name(6)] = valid_bundle(6)
    files[file_name(7)] = 'code = "XAM-YJS-007\nnumber = 7\n'  # unterminated string
    doc = valid_bundle(9)
    del doc["hours"]
    doc["visits"] = 2
    del doc["visits_reason"]
    material(doc, "M02")["name"] = "其它申请材料"
    files[file_name(9)] = doc
    write_catalog(tmp_path, files)

    problems = check(tmp_path)

    assert [place(p) for p in problems] == [
        *(e.place(n) for n, b in chosen.items() for e in b.expected),
        ("syntax", "007.toml", "", "", "", ""),
        ("missing_element", "009.toml", "XAM-YJS-009", "", "", "hours"),
        ("visits_without_reason", "009.toml", "XAM-YJS-009", "", "", "visits_reason"),
        ("catch_all_wording", "009.toml", "XAM-YJS-009", "", "M02", "materials.name"),
    ]


@costly_examples(4)  # each example writes a catalog folder and validates it whole
@given(st.lists(st.sampled_from(BREACHES), min_size=1, max_size=6, unique_by=lambda b: b.id))
def test_a_catalog_reports_what_its_files_report_one_by_one(breaches: list[Breach]) -> None:
    numbers = range(11, 11 + len(breaches))
    with tempfile.TemporaryDirectory() as folder:
        write_catalog(Path(folder), {file_name(n): broken(n, b) for n, b in zip(numbers, breaches, strict=True)})
        problems = check(Path(folder))

    expected = [e.place(n) for n, b in zip(numbers, breaches, strict=True) for e in b.expected]
    assert [place(p) for p in problems] == expected


# --- the reader's rules through the same path ---------------------------------------------


def test_a_syntax_error_is_reported_with_its_file(tmp_path: Path) -> None:
    text = to_toml(valid_bundle(8)).replace("number = 8\n", "number = \n", 1)
    write_catalog(tmp_path, {"008.toml": text})

    problems = check(tmp_path)

    assert [(p.rule, p.file) for p in problems] == [(Rule.SYNTAX, "008.toml")]
    assert "line" in problems[0].detail


def test_a_file_that_is_not_utf8_is_named_as_such(tmp_path: Path) -> None:
    write_catalog(tmp_path, {"008.toml": to_toml(valid_bundle(8)).encode("gb18030")})

    assert [(p.rule, p.file) for p in check(tmp_path)] == [(Rule.NOT_UTF8, "008.toml")]


@pytest.mark.parametrize(
    ("lone", "rule"),
    [("\ud800".encode("utf-8", "surrogatepass"), Rule.NOT_UTF8), (b"\\uD800", Rule.SYNTAX)],
)
def test_a_lone_surrogate_is_a_named_problem(tmp_path: Path, lone: bytes, rule: Rule) -> None:
    """Written raw, the file is not UTF-8; escaped, TOML itself refuses it: named before this change, kept as proof."""
    text = to_toml(valid_bundle(8)).encode()
    assert b'name = "' in text
    write_catalog(tmp_path, {"008.toml": text.replace(b'name = "', b'name = "' + lone, 1)})

    problems = check(tmp_path)
    assert [(p.rule, p.file) for p in problems] == [(rule, "008.toml")]
    assert problem_text(problems[0])


def test_a_missing_file_is_not_called_an_encoding_problem(tmp_path: Path) -> None:
    assert read_paths([tmp_path / "008.toml"]).problems == (Problem(Rule.NOT_FOUND, "008.toml"),)


def test_a_file_that_cannot_be_opened_is_unreadable_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "008.toml").mkdir()

    [problem] = read_paths([tmp_path / "008.toml"]).problems
    assert (problem.rule, problem.file, problem.detail) == (Rule.UNREADABLE, "008.toml", "a folder, not a file")


def test_a_file_too_large_or_not_a_file_is_named_and_never_read_whole(tmp_path: Path) -> None:
    """A guide of more than 2 MiB (a log pasted in) and a pipe under a guide's name: each named, neither read."""
    (tmp_path / "008.toml").write_bytes(b"#" * (CATALOG_FILE_LIMIT + 1))
    os.mkfifo(tmp_path / "009.toml")  # read whole, it would wait for a writer that never comes

    found = read_paths([tmp_path / "008.toml", tmp_path / "009.toml"])
    assert found.bundles == ()
    assert [(p.rule, p.file, p.detail) for p in found.problems] == [
        (Rule.TOO_LARGE, "008.toml", str(CATALOG_FILE_LIMIT)),
        (Rule.NOT_REGULAR, "009.toml", ""),
    ]
    assert all(problem_text(p) for p in found.problems)


def test_an_unknown_key_is_reported(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    doc["address"]["floor"] = "一楼"
    write_catalog(tmp_path, {"008.toml": doc})

    assert [place(p) for p in check(tmp_path)] == [("unknown_key", "008.toml", "XAM-YJS-008", "", "", "address.floor")]


def test_a_value_of_the_wrong_type_is_reported_once(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    doc["consult_phone"] = 4828261234
    write_catalog(tmp_path, {"008.toml": doc})

    problems = check(tmp_path)

    assert [place(p) for p in problems] == [("wrong_type", "008.toml", "XAM-YJS-008", "", "", "consult_phone")]
    # the validator alone would also call the phone missing: the reader's problem explains it
    assert Rule.MISSING_ELEMENT in {p.rule for p in validate_catalog(read_folder(tmp_path).bundles)}


def test_an_unknown_unit_is_reported_once(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    item(doc, "A")["legal_limit"] = limit(1, "month")
    write_catalog(tmp_path, {"008.toml": doc})

    problems = check(tmp_path)

    assert [place(p) for p in problems] == [
        ("unknown_value", "008.toml", "XAM-YJS-008", item_code(8, "A"), "", "legal_limit.unit")
    ]
    assert problems[0].detail == "month"


def test_an_item_limit_without_unit_is_reported_once(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    item(doc, "A")["promised_limit"] = {"value": 3}
    write_catalog(tmp_path, {"008.toml": doc})

    assert [place(p) for p in check(tmp_path)] == [
        ("limit_without_unit", "008.toml", "XAM-YJS-008", item_code(8, "A"), "", "promised_limit")
    ]


def test_a_step_limit_without_unit_explains_only_its_own_step(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    doc["steps"][0]["limit"] = {"value": 1}
    del doc["steps"][2]["limit"]
    write_catalog(tmp_path, {"008.toml": doc})

    problems = check(tmp_path)

    assert [(p.rule, p.field) for p in problems] == [
        (Rule.LIMIT_WITHOUT_UNIT, "limit"),
        (Rule.STEP_INCOMPLETE, "steps.limit"),
    ]


def test_a_material_deferral_without_unit_is_reported_once(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    material(doc, "M03")["deferral_limit"] = {"value": 7, "unit": ""}
    write_catalog(tmp_path, {"008.toml": doc})

    assert [place(p) for p in check(tmp_path)] == [
        ("limit_without_unit", "008.toml", "XAM-YJS-008", "", "M03", "deferral_limit")
    ]


# --- the pieces the rules rest on -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("营业执照", []),
        ("身份证件及其他有关证明", ["其他", "有关证明"]),
        ("场地相关材料等材料", ["相关材料", "等材料"]),
        ("其它", ["其它"]),
        ("公司章程及相关文件", ["相关文件"]),
        ("身份证、户口簿等（复印件）", ["等"]),
        ("职业技能等级证书", []),
        ("相等面积的平面图", []),
    ],
)
def test_catch_all_words_are_found_in_order(name: str, words: list[str]) -> None:
    assert catch_all_words(name) == words


def test_limits_compare_across_units() -> None:
    five_working = TimeLimit(5, TimeUnit.WORKING_DAY)

    assert TimeLimit(5, TimeUnit.CALENDAR_DAY).fits_within(five_working)
    assert five_working.fits_within(TimeLimit(15, TimeUnit.CALENDAR_DAY))
    assert not five_working.fits_within(TimeLimit(14, TimeUnit.CALENDAR_DAY))


# --- the shipped catalog --------------------------------------------------------------------


def test_the_shipped_catalog_is_complete_and_valid() -> None:
    result = shipped_catalog()
    problems = validate_read(result)

    assert [problem_text(p) for p in problems] == []
    assert sorted(bundle.number for _, bundle in result.bundles) == list(range(1, 104))
    assert [file for file, _ in result.bundles] == [file_name(n) for n in range(1, 104)]


def test_a_missing_path_and_a_file_that_is_no_catalog_are_named_as_such(tmp_path: Path) -> None:
    """Not an encoding problem: the clerk reads that the folder is missing, or that the file is of the wrong kind."""
    from counter.catalog.check import check_source
    from counter.words.catalog_problems import problem_text

    missing = tmp_path / "nowhere"
    (found,) = check_source(missing).problems
    assert (found.rule, found.file) == (Rule.NOT_FOUND, str(missing))
    assert problem_text(found) == f"{missing}：找不到该文件或文件夹"
    other = tmp_path / "notes.txt"
    other.write_text("不是目录", encoding="utf-8")
    (found,) = check_source(other).problems
    assert found.rule is Rule.NOT_A_CATALOG
    assert "UTF-8" not in problem_text(found)


def test_a_path_the_system_cannot_look_at_is_named_with_its_reason(tmp_path: Path) -> None:
    """A name too long for the file system made ``Path.is_dir`` raise: the command ended in an unexpected error."""
    from counter.catalog.check import check_source
    from counter.words.catalog_problems import problem_text

    too_long = tmp_path / ("目录" * 200)
    (found,) = check_source(too_long).problems
    assert (found.rule, found.file) == (Rule.UNREADABLE, str(too_long))
    assert found.detail == "File name too long"
    assert problem_text(found).startswith(f"{too_long}：")
