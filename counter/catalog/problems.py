"""Problems found in catalog files, as data.

Reading and validating never stop at the first problem: every check returns all
it found, and the caller shows them in one place.  A problem carries a rule code
and where it stands (file, bundle, item, material); the faces' words
(:mod:`counter.words.catalog_problems`) turn it into the sentence the clerk or the
catalog editor reads.  A problem holds no sentence: ``detail`` is the offending value
(or a parser's own message), and a workbook's problems name their kind in ``extra``
(:data:`WORKBOOK_KEY`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum


class Rule(StrEnum):
    """Every rule a catalog can break.  The value is stable: tests and logs use it."""

    # the file itself
    NOT_FOUND = "not_found"  # the file or folder named does not exist
    NOT_A_CATALOG = "not_a_catalog"  # neither a folder, a .toml file nor a workbook
    UNREADABLE = "unreadable"  # there, but cannot be opened or read (a folder, permissions, a disk error)
    NOT_REGULAR = "not_regular"  # a named pipe or a device, not a file on a disk: not read (it could hang the read)
    NOT_UTF8 = "not_utf8"  # read, but not UTF-8 text (a file saved as GBK, a workbook renamed .toml)
    TOO_LARGE = "too_large"  # larger than a catalog file can be (or unpacks to more): not read; detail: the limit
    SYNTAX = "syntax"  # not valid TOML / workbook layout
    WRONG_TYPE = "wrong_type"  # a value of the wrong kind (text where a number goes …)
    UNKNOWN_VALUE = "unknown_value"  # a code outside its list (unit, necessity …)
    UNKNOWN_KEY = "unknown_key"  # a key the format does not have (usually a typo)
    # 第九条: the fifteen guide elements and the 24-point checklist
    MISSING_ELEMENT = "missing_element"
    LIMIT_WITHOUT_UNIT = "limit_without_unit"  # items 12-13
    ADDRESS_WITHOUT_DESK = "address_without_desk"  # item 14
    HOURS_INCOMPLETE = "hours_incomplete"  # item 15
    INTERMEDIARY_WITHOUT_BASIS = "intermediary_without_basis"  # item 17
    VISITS_WITHOUT_REASON = "visits_without_reason"  # item 22
    STEP_INCOMPLETE = "step_incomplete"  # item 21
    # 第十条: materials
    CATCH_ALL_WORDING = "catch_all_wording"
    MATERIAL_WITHOUT_BASIS = "material_without_basis"
    MATERIAL_INCOMPLETE = "material_incomplete"  # source, copies, type, medium (items 18-20)
    FORM_WITHOUT_BLANK_OR_SAMPLE = "form_without_blank_or_sample"  # items 23-24
    SHARED_BUT_DEMANDED = "shared_but_demanded"  # fetched by data sharing yet required on paper
    DEFERRAL_WITHOUT_LIMIT = "deferral_without_limit"
    DEFERRAL_EXCEEDS_PROMISE = "deferral_exceeds_promise"
    PROMISE_EXCEEDS_LEGAL = "promise_exceeds_legal"
    # where a statutory limit comes from (counter.catalog.limits)
    LIMIT_WITHOUT_SOURCE = "limit_without_source"  # a warning: the limit is stated, the article setting it is not
    LIMIT_BORROWED = "limit_borrowed"  # detail: the text that applies 行政许可法 第四十二条 to a non-licence item
    LIMIT_AND_NONE = "limit_and_none"  # a statutory limit and 法律法规未规定 together; detail: the limit
    FEE_AND_FREE = "fee_and_free"  # a platform item's 是否收费 否 with an amount in 收费标准; detail: the amount
    DEFERRAL_OF_IDENTITY = "deferral_of_identity"  # detail: the identity word in the material's name
    DEFERRAL_OF_FORM = "deferral_of_form"  # an application form (材料类型 2) marked 容缺后补
    # 办件类型 and promises: 即办件 / 承诺件 (the 24-point checklist's 即办程度), a bundle against its items
    IMMEDIATE_WITH_DAYS = "immediate_with_days"  # a 即办件 promising more than 0 days; detail: the promise
    PROMISED_WITHOUT_DAYS = "promised_without_days"  # a 承诺件 promising 0 days
    ITEM_PROMISE_EXCEEDS_BUNDLE = "item_promise_exceeds_bundle"  # extra limit (the item's), bound (the bundle's)
    BUNDLE_PROMISE_EXCEEDS_ITEMS = "bundle_promise_exceeds_items"  # extra limit (the bundle's), bound (items' sum)
    # who decides: the department's name and level (counter.catalog.departments)
    PLACE_WITHOUT_LEVEL = "place_without_level"  # detail: the department's name with "{place}"
    UNKNOWN_PLACEHOLDER = "unknown_placeholder"  # detail: the department's name; only "{place}" is filled in
    # an item's remedy (counter.catalog.remedies) against what it is
    REMEDY_COMPLAINT_FOR_LICENCE = "remedy_complaint_for_licence"  # a 行政许可 given a complaint only
    REMEDY_VERTICAL_OWN_LEVEL = "remedy_vertical_own_level"  # detail: a vertically led department, own government
    REMEDY_REVIEW_FIRST_NOT_LEVY = "remedy_review_first_not_levy"  # 复议前置 without the 征税行为 it stands on
    REMEDY_LEVY_NOT_REVIEW_FIRST = "remedy_levy_not_review_first"  # a 征税行为 with another way; detail: the kind
    # the licence an item issues, reported upward as 电子证照 data: named by its 办理结果 too
    LICENCE_NOT_IN_RESULT = "licence_not_in_result"  # detail: the licence type
    # what a guide must be before a site publishes it (counter.catalog.publish_gate)
    DUPLICATE_ITEM = "duplicate_item"  # detail: the item's name or 基本编码; extra other: the item that has it first
    BOUND_WITHOUT_SOURCE = "bound_without_source"  # detail: the clause that sets the bound (租期不少于一年)
    ITEM_WITHOUT_OFFICIAL_CODE = "item_without_official_code"  # no 基本编码, where the site reports to the platform
    SAMPLE_CODE = "sample_code"  # a 样例's illustrative codes, where the site reports to the platform
    CODE_FORMAT = "code_format"  # a code not in GB/T 39046's format (an..10, an..24), where the site reports
    # identity and references
    CODE_TOO_LONG = "code_too_long"
    DUPLICATE_CODE = "duplicate_code"
    DANGLING_REFERENCE = "dangling_reference"
    BAD_NUMBER = "bad_number"  # bundle number outside 1..n, or duplicated
    # what the clerk may type to find a bundle
    ALIAS_BLANK = "alias_blank"  # detail: the alias's position in the list (1 for the first)
    ALIAS_LENGTH = "alias_length"  # detail: the alias; extra min, max
    ALIAS_REPEATED = "alias_repeated"  # detail: the alias; extra other: the earlier spelling when it differs
    NAME_MN_NOT_MONGOLIAN = "name_mn_not_mongolian"  # detail: the name_mn given, not in Mongolian script alone


class WorkbookProblem(StrEnum):
    """What is wrong with a catalog workbook beyond the rules of its content; the value is stable (stored)."""

    NOT_A_WORKBOOK = "not_a_workbook"  # UNREADABLE; detail: why it does not open
    MISSING_SHEET = "missing_sheet"  # SYNTAX; detail: the sheet's title
    UNKNOWN_SHEET = "unknown_sheet"  # UNKNOWN_KEY; detail: the sheet's title
    MISSING_COLUMN = "missing_column"  # SYNTAX; detail: the column key
    DUPLICATE_COLUMN = "duplicate_column"  # SYNTAX; detail: the column key
    UNNAMED_COLUMN = "unnamed_column"  # UNKNOWN_KEY; detail: the column letter
    DROPPED_CHARACTERS = "dropped_characters"  # SYNTAX, on export: characters a workbook cannot hold
    CUT = "cut"  # SYNTAX, on export; detail: the cell limit in characters
    HEADER_MISSING = "header_missing"  # SYNTAX, a platform workbook's header row; detail: the element name
    MERGED_ACROSS_BUNDLES = "merged_across_bundles"  # SYNTAX; detail: the merged range (B4:B5)
    CELL_ERROR = "cell_error"  # WRONG_TYPE, a platform workbook's cell holding an error value; detail: it (#N/A)


#: the ``extra`` key under which a workbook problem names its :class:`WorkbookProblem`
WORKBOOK_KEY = "workbook"
#: the ``extra`` key under which a value the reader could not use names the element of the guide it leaves empty,
#: where its field does not (a column a platform sheet reads itself, 是否收费, leaves the item's ``fee``): the validator
#: then does not call that element missing as well (counter.catalog.validate.validate_read)
LEAVES_KEY = "leaves"


#: The rules that only warn: the guide still reads and may be imported and taken in; the finding is for the catalog
#: editor and the department (``counter catalog review``), not a fault that stops the window.
WARNINGS = frozenset({Rule.LIMIT_WITHOUT_SOURCE})


@dataclass(frozen=True, slots=True)
class Problem:
    rule: Rule
    file: str = ""
    bundle: str = ""
    item: str = ""
    material: str = ""
    field: str = ""  # the key or element concerned, as written in the file format
    detail: str = ""  # the offending value or the parser's own message
    extra: tuple[tuple[str, str], ...] = ()  # a tuple default is safe: it cannot be mutated

    def where(self) -> str:
        """File › bundle › item › material, for logs and plain-text reports."""
        parts = [p for p in (self.file, self.bundle, self.item, self.material) if p]
        return " › ".join(parts)


def workbook_problem(rule: Rule, place: str, kind: WorkbookProblem, detail: str = "", **where: str) -> Problem:
    """A problem of a workbook itself (the project's or the platform's): its kind in ``extra``, its one parameter."""
    return Problem(rule, place, detail=detail, extra=((WORKBOOK_KEY, kind.value),), **where)


# Where a row stands, as a problem's file.  A location, not a sentence: it is stored with the problems
# (problems_to_json) and names the sheet by its title, which is Chinese by format like the labels.
_ROW_PLACE = "{file} › {sheet} 第{row}行"


def row_place(file: str, sheet: str, row: int) -> str:
    """Where a row of a workbook stands, as a problem's ``file``: ``catalog.xlsx › 材料 第7行``."""
    return _ROW_PLACE.format(file=file, sheet=sheet, row=row)


def sheet_place(file: str, sheet: str) -> str:
    return f"{file} › {sheet}"


def problems_to_json(problems: tuple[Problem, ...] | list[Problem]) -> str:
    """Problems as JSON text, to show them again later without reading the files."""
    return json.dumps(
        [
            {"rule": p.rule.value, "file": p.file, "bundle": p.bundle, "item": p.item, "material": p.material,
             "field": p.field, "detail": p.detail, "extra": [list(pair) for pair in p.extra]}
            for p in problems
        ],
        ensure_ascii=False,
    )  # fmt: skip


def problems_from_json(text: str) -> tuple[Problem, ...]:
    """The problems saved by :func:`problems_to_json`; text that does not read gives none."""
    try:
        rows = json.loads(text)
        return tuple(
            Problem(
                Rule(row["rule"]), row["file"], row["bundle"], row["item"], row["material"],
                row["field"], row["detail"], tuple((str(k), str(v)) for k, v in row["extra"]),
            )
            for row in rows
        )  # fmt: skip
    except (ValueError, KeyError, TypeError):
        return ()
