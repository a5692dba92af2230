"""The catalog as an ``.xlsx`` workbook, read: the template filled in, or an export edited.

Clerks and catalog editors work in Excel or WPS, not in TOML.  The workbook holds
the same document a catalog file holds, spread over one sheet per kind of row
(:mod:`counter.catalog.workbook_layout`); a row's ``bundle`` column ties it to its
bundle's ``code``.  Reading turns the rows back into one document per bundle and
hands it to :func:`counter.catalog.document.from_document`, so a workbook and a
folder of files go through one reader and one validator.

So that every problem names its sheet and row, each row is also read on its own, as
a one-row document, by the same reader; whatever the whole document adds beyond
those is reported at the bundle's row.  The layout is described in
``docs/catalog-format.md`` (section "Workbook layout"); the template and the export are written by
:mod:`counter.catalog.workbook_writer`.

Excel changes what is typed: ``3`` arrives as ``3.0``, ``01`` as ``1``, TRUE as a
boolean.  Reading undoes exactly that much and no more; a value that still does not
fit reaches the reader as it is, and the reader names it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from openpyxl.utils import get_column_letter

from counter.catalog.document import from_document
from counter.catalog.model import Bundle
from counter.catalog.platform_workbook import blank, is_platform_grid, open_workbook, read_platform_workbook, unreadable
from counter.catalog.problems import Problem, Rule, WorkbookProblem, row_place, sheet_place, workbook_problem
from counter.catalog.reader import ReadResult
from counter.catalog.workbook_layout import (
    BUNDLES,
    FIRST_DATA_ROW,
    HEADER_ROW,
    HOURS,
    INTERMEDIARIES,
    ITEMS,
    MATERIALS,
    NO,
    NOTES_SHEET,
    SHEETS,
    SITUATIONS,
    STEPS,
    YES,
    Column,
    Doc,
    Kind,
    Sheet,
    is_example,
)

_TRUE = frozenset({YES, "true"})
_FALSE = frozenset({NO, "false"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DIGITS = re.compile(r"[+-]?[0-9]+")
# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    place: str
    doc: Doc  # the row as a small document, ties included


@dataclass(slots=True)
class _Draft:
    """One bundle's document, growing as its rows are found."""

    place: str
    doc: Doc
    row_problems: list[Problem] = field(default_factory=list)
    situation_rows: dict[str, str] = field(default_factory=dict)  # code -> place of its first row


def read_workbook(path: Path) -> ReadResult:
    """Every bundle of a workbook and every problem, each problem placed by sheet and row.

    A file that does not open as a workbook gives one UNREADABLE problem; a missing
    sheet one SYNTAX problem, and the other sheets are still read.  Rows of example
    bundles (code starting with 示例) and empty rows are skipped.
    """
    file = path.name
    loaded = _load(path)
    if isinstance(loaded, Problem):
        return ReadResult((), (loaded,))
    names, grids = loaded
    if is_platform_grid(grids):  # told by the header row: element names in Chinese, no row of keys
        return read_platform_workbook(path)
    problems: list[Problem] = []
    known = {s.title for s in SHEETS} | {NOTES_SHEET}
    problems.extend(
        workbook_problem(Rule.UNKNOWN_KEY, sheet_place(file, name), WorkbookProblem.UNKNOWN_SHEET, name, field=name)
        for name in names
        if name not in known
    )
    rows: dict[str, list[_Row]] = {}
    for sheet in SHEETS:
        grid = grids.get(sheet.title)
        if grid is None:
            problems.append(
                workbook_problem(
                    Rule.SYNTAX,
                    sheet_place(file, sheet.title),
                    WorkbookProblem.MISSING_SHEET,
                    sheet.title,
                    field=sheet.title,
                )
            )
            rows[sheet.part] = []
        else:
            rows[sheet.part] = _sheet_rows(file, sheet, grid, problems)
    return _assemble(file, rows, problems)


def _load(path: Path) -> tuple[list[str], dict[str, list[tuple[object, ...]]]] | Problem:
    """Sheet names and cell values, or the one problem that stops everything."""
    book = open_workbook(path, read_only=True)
    if isinstance(book, Problem):
        return book
    try:
        names = [str(name) for name in book.sheetnames]
        grids = {str(ws.title): [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    except Exception as err:  # sheets are parsed lazily in read-only mode: a broken one fails here
        return unreadable(path, err)
    finally:
        book.close()
    return names, grids


def _sheet_rows(file: str, sheet: Sheet, grid: list[tuple[object, ...]], problems: list[Problem]) -> list[_Row]:
    header_place = row_place(file, sheet.title, HEADER_ROW)
    header = grid[0] if grid else ()
    columns: dict[int, Column] = {}
    unnamed: list[int] = []
    for index, raw in enumerate(header):
        key = "" if raw is None else str(raw).strip()
        column = sheet.column(key)
        if not key:
            unnamed.append(index)
        elif column is None:
            problems.append(Problem(Rule.UNKNOWN_KEY, header_place, field=key))
        elif column in columns.values():
            problems.append(
                workbook_problem(Rule.SYNTAX, header_place, WorkbookProblem.DUPLICATE_COLUMN, key, field=key)
            )
        else:
            columns[index] = column
    present = {c.key for c in columns.values()}
    missing = [key for key in sheet.ties if key not in present]
    problems.extend(
        workbook_problem(Rule.SYNTAX, header_place, WorkbookProblem.MISSING_COLUMN, key, field=key) for key in missing
    )
    if missing:
        return []
    rows: list[_Row] = []
    filled_unnamed: set[int] = set()
    for number, cells in enumerate(grid[FIRST_DATA_ROW - 1 :], FIRST_DATA_ROW):
        values: dict[str, object] = {}
        for index, column in columns.items():
            value = _read_cell(column, cells[index] if index < len(cells) else None)
            if value is not None:
                values[column.key] = value
        filled_unnamed.update(i for i in unnamed if i < len(cells) and not blank(cells[i]))
        if values:
            rows.append(_Row(number, row_place(file, sheet.title, number), _nest(sheet.columns, values)))
    problems.extend(
        workbook_problem(
            Rule.UNKNOWN_KEY,
            header_place,
            WorkbookProblem.UNNAMED_COLUMN,
            get_column_letter(index + 1),
            field=get_column_letter(index + 1),
        )
        for index in sorted(filled_unnamed)
    )
    return rows


def _nest(columns: Iterable[Column], values: Mapping[str, object]) -> Doc:
    doc: Doc = {}
    for column in columns:
        if column.key in values:
            target = doc
            for part in column.path[:-1]:
                target = target.setdefault(part, {})
            target[column.path[-1]] = values[column.key]
    return doc


def _read_cell(column: Column, raw: object) -> object:
    """A cell as the document value the column stands for; ``None`` when empty.

    Only what Excel is known to change is undone.  Anything else is passed on as it
    is, for the reader to name as a wrong type.
    """
    if blank(raw):
        return None
    return _READ[column.kind](column, raw.strip() if isinstance(raw, str) else raw)


def _read_text(column: Column, raw: object) -> object:
    if isinstance(raw, bool):
        return raw
    text = _text(raw)
    if column.pad and text.isascii() and text.isdigit() and len(text) < column.pad:
        return text.zfill(column.pad)
    return text


def _read_integer(column: Column, raw: object) -> object:
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and _DIGITS.fullmatch(raw):
        try:
            return int(raw)
        except ValueError:  # more digits than Python converts: not a count anyway
            return raw
    return raw


def _read_flag(column: Column, raw: object) -> object:
    if isinstance(raw, str) and raw.lower() in _TRUE | _FALSE:
        return raw.lower() in _TRUE
    return raw


def _read_list(column: Column, raw: object) -> object:
    if isinstance(raw, bool):
        return raw
    entries = [e.strip() for e in _LINE_BREAK.split(_text(raw))]
    return [e for e in entries if e] or None


_READ: dict[Kind, Callable[[Column, object], object]] = {
    Kind.TEXT: _read_text,
    Kind.CODE: _read_text,
    Kind.INTEGER: _read_integer,
    Kind.FLAG: _read_flag,
    Kind.LIST: _read_list,
}


def _text(raw: object) -> str:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.isoformat(sep=" ", timespec="minutes" if raw.second == 0 else "seconds")
    if isinstance(raw, dt.time):
        return raw.isoformat(timespec="minutes" if raw.second == 0 else "seconds")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw)


def _tie(value: object) -> str:
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else str(value)


def _assemble(file: str, rows: Mapping[str, list[_Row]], problems: list[Problem]) -> ReadResult:
    drafts = _drafts(rows[BUNDLES.part], problems)
    # items before intermediaries, which hang off them
    for sheet in (ITEMS, INTERMEDIARIES, SITUATIONS, MATERIALS, HOURS, STEPS):
        for row in rows[sheet.part]:
            doc = dict(row.doc)
            code = _tie(doc.pop("bundle", None))
            if not code:
                problems.append(Problem(Rule.MISSING_ELEMENT, row.place, field="code"))
            elif is_example(code):
                continue
            elif code not in drafts:
                problems.append(Problem(Rule.DANGLING_REFERENCE, row.place, field="code", detail=code))
            else:
                problems.extend(_attach(sheet, drafts[code], row, doc))
    bundles: list[tuple[str, Bundle]] = []
    for draft in drafts.values():
        bundle, found = from_document(draft.doc, draft.place)
        problems.extend(_beyond_rows(found, draft))
        bundles.append((file, bundle))
    return ReadResult(tuple(bundles), tuple(problems))


def _drafts(rows: Iterable[_Row], problems: list[Problem]) -> dict[str, _Draft]:
    """One draft per 一件事 row with a usable code, the first row keeping a repeated code."""
    drafts: dict[str, _Draft] = {}
    for row in rows:
        raw = row.doc.get("code")
        code = _tie(raw)
        if not code:
            problems.append(Problem(Rule.MISSING_ELEMENT, row.place, field="code"))
        elif not isinstance(raw, str):  # TRUE typed as a code: nothing could be tied to it
            problems.append(Problem(Rule.WRONG_TYPE, row.place, field="code", detail=repr(raw)))
        elif is_example(code):
            continue
        elif code in drafts:
            other = (("other", drafts[code].place),)
            problems.append(Problem(Rule.DUPLICATE_CODE, row.place, code, field="code", detail=code, extra=other))
        else:
            drafts[code] = _Draft(row.place, dict(row.doc))
            problems.extend(_row_problems(drafts[code], row.place, row.doc))
    return drafts


def _attach(sheet: Sheet, draft: _Draft, row: _Row, doc: Doc) -> list[Problem]:
    """Add one row to its bundle's document; the row's own problems, read on their own."""
    code = draft.doc["code"]
    if sheet is INTERMEDIARIES:
        item_code = _tie(doc.pop("item", None))
        if not item_code:
            return [Problem(Rule.MISSING_ELEMENT, row.place, code, field="items.code")]
        items: list[Doc] = draft.doc.get("items", [])
        item = next((i for i in items if isinstance(i.get("code"), str) and i["code"] == item_code), None)
        if item is None:
            return [Problem(Rule.DANGLING_REFERENCE, row.place, code, field="items.code", detail=item_code)]
        item.setdefault("intermediaries", []).append(doc)
        one = {"code": item.get("code"), "intermediaries": [doc]}
        return _row_problems(draft, row.place, {"items": [one]})
    if sheet is SITUATIONS:
        return _attach_option(draft, row, doc)
    draft.doc.setdefault(sheet.part, []).append(doc)
    return _row_problems(draft, row.place, {sheet.part: [doc]})


def _attach_option(draft: _Draft, row: _Row, doc: Doc) -> list[Problem]:
    """情形 rows are one option each; rows with the same situation code make one situation."""
    code = _tie(doc.get("code"))
    if not code:
        return [Problem(Rule.MISSING_ELEMENT, row.place, draft.doc["code"], field="situations.code")]
    situations: list[Doc] = draft.doc.setdefault("situations", [])
    situation = next((s for s in situations if _tie(s.get("code")) == code), None)
    problems: list[Problem] = []
    if situation is None:
        situation = {"code": doc.get("code"), "options": []}
        situations.append(situation)
        draft.situation_rows[code] = row.place
    question = doc.get("question")
    if question is not None:
        if situation.get("question") is None:
            situation["question"] = question
        elif situation["question"] != question:  # one code asking two questions
            other = (("other", draft.situation_rows[code]),)
            problems.append(
                Problem(
                    Rule.DUPLICATE_CODE,
                    row.place,
                    draft.doc["code"],
                    field="situations.code",
                    detail=code,
                    extra=other,
                )
            )
    one = {k: v for k, v in doc.items() if k != "option"}
    if "option" in doc:
        situation["options"].append(doc["option"])
        one["options"] = [doc["option"]]
    problems.extend(_row_problems(draft, row.place, {"situations": [one]}))
    return problems


def _row_problems(draft: _Draft, place: str, part: Doc) -> list[Problem]:
    """The reader's problems with one row, read as a document of its own."""
    _, found = from_document({**part, "code": draft.doc["code"]}, place)
    draft.row_problems.extend(found)
    return found


def _key(p: Problem) -> tuple[str, ...]:
    return (p.rule.value, p.bundle, p.item, p.material, p.field, p.detail)


def _beyond_rows(found: Iterable[Problem], draft: _Draft) -> list[Problem]:
    """Problems of the whole document that no single row showed, placed at the bundle's row."""
    seen = Counter(_key(p) for p in draft.row_problems)
    extra: list[Problem] = []
    for problem in found:
        if seen[_key(problem)]:
            seen[_key(problem)] -= 1
        else:
            extra.append(replace(problem, file=draft.place))
    return extra
