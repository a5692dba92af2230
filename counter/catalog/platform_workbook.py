"""The regional platform's item workbook, read into catalog documents.

The 政务服务 platform of the region keeps items in workbooks whose header row holds the Chinese element names of
the national 政务服务事项实施清单 (:mod:`counter.catalog.platform_columns`), with a title above the header, a bundle
or item name merged down over the rows it covers, and items and materials on several sheets.  This module finds
each sheet's header row, fills every merged cell into the rows it covers, tells a sheet of bundles, items,
materials or steps by its header, and builds one document per bundle in the shape of a catalog file
(:mod:`counter.catalog.document`), which then goes through the one reader and, on import, the one validator.

Every problem names the sheet, the row and the column by its Chinese header (``items.xlsx › 事项 第5行 ›
法定办结时限``); a problem of a whole guide names the bundle's row.  A guide taken in from the platform is a
draft (待核) until the site's administrator publishes it: the platform's list is the region's, the facts of a
hall (address, hours, phones) come from the site's settings.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ERROR_CODES

from counter.catalog.document import from_document
from counter.catalog.model import Bundle, CopyForm, GuideStatus
from counter.catalog.platform_columns import (
    BUNDLE_CODE,
    BUNDLE_NAME,
    COLUMNS,
    FEE_AMOUNT,
    IS_DEFERRABLE,
    IS_FEE,
    ITEM_NAME,
    REQUIRED,
    BadValue,
    PlatformColumn,
    SheetKind,
    canonical,
    says_free,
    sheet_kind,
)
from counter.catalog.problems import (
    LEAVES_KEY,
    WORKBOOK_KEY,
    Problem,
    Rule,
    WorkbookProblem,
    row_place,
    sheet_place,
    workbook_problem,
)
from counter.catalog.reader import ReadResult
from counter.util.bounded_read import NotRegularFile, TooLarge, check_workbook

Doc = dict[str, Any]
_At = tuple[str, ...]  # bundle, item, material: where a cell's problem stands in the guide
NOTES_SHEET = "说明"  # a sheet of instructions, never read
HEADER_SEARCH = 10  # the header row is among the first rows: a title or a note may stand above it
SERVICE_OBJECTS = "服务对象"  # on a sheet of items: gathered into its bundle's 服务对象
#: the element of the guide a column the sheet reads itself stands for: a 是否收费 that is neither yes nor no leaves
#: the item's fee untold
_STANDS_FOR = {IS_FEE: "fee"}
_KNOWN = frozenset(c.name for columns in COLUMNS.values() for c in columns) | {SERVICE_OBJECTS}


def cell_place(file: str, sheet: str, row: int, header: str) -> str:
    return f"{row_place(file, sheet, row)} › {header}"


# --- finding the sheets -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    number: int  # as Excel counts rows
    values: Mapping[str, object]  # by element name, blank cells and error values left out
    headers: Mapping[str, str]  # element name -> the header as written, to name the column
    errors: Mapping[str, str]  # element name -> the error value its cell holds (#N/A, #REF!): a formula not worked out


@dataclass(frozen=True, slots=True)
class _Sheet:
    title: str
    kind: SheetKind
    header_row: int
    names: frozenset[str]
    rows: tuple[_Row, ...]


def blank(raw: object) -> bool:
    """An empty cell: nothing, or only spaces."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def error_value(raw: object) -> bool:
    """A cell holding one of the spreadsheet's error values (``#N/A``, ``#VALUE!``): a formula that gave no value, for
    which openpyxl reads the error's name as the cell's text.  It is no value of the element, neither blank nor text."""
    return isinstance(raw, str) and raw in ERROR_CODES


def _grid(ws: Any) -> list[list[object]]:
    """The sheet's values with every merged cell's value filled into each cell it covers."""
    grid = [list(row) for row in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        value = ws.cell(row=merged.min_row, column=merged.min_col).value
        for r in range(merged.min_row, min(merged.max_row, len(grid)) + 1):
            line = grid[r - 1]
            line.extend([None] * (merged.max_col - len(line)))
            for c in range(merged.min_col, merged.max_col + 1):
                line[c - 1] = value
    return grid


def _header(grid: Sequence[Sequence[object]]) -> int | None:
    """The index of the header row: the first with two element names, one of which tells the sheet's kind."""
    for index, line in enumerate(grid[:HEADER_SEARCH]):
        names = {canonical(v) for v in line} & _KNOWN
        if len(names) >= 2 and sheet_kind(names) is not None:
            return index
    return None


def open_workbook(path: Path, *, read_only: bool = False) -> Any:
    """The workbook at ``path``, or the one :class:`Problem` that stops its reading: too large, not a file, or not a
    workbook.  ``read_only`` streams the cells; a platform workbook's merged cells need the whole book loaded."""
    try:
        check_workbook(path)
    except TooLarge as err:
        return Problem(Rule.TOO_LARGE, path.name, detail=str(err.limit))
    except NotRegularFile:
        return Problem(Rule.NOT_REGULAR, path.name)
    except OSError as err:
        return unreadable(path, err)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # dropped extensions and styles; values are unaffected
            return openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    except Exception as err:  # zip, XML and openpyxl's own errors all mean "not a workbook"
        return unreadable(path, err)


def unreadable(path: Path, err: Exception) -> Problem:
    """A file that does not open as a workbook, with the system's reason (no path in it), else the parser's."""
    reason = (err.strerror if isinstance(err, OSError) else None) or str(err) or type(err).__name__
    return workbook_problem(Rule.UNREADABLE, path.name, WorkbookProblem.NOT_A_WORKBOOK, reason)


def read_platform_workbook(path: Path) -> ReadResult:
    """Every bundle of a platform workbook and every problem, each placed by sheet, row and column."""
    book = open_workbook(path)
    if isinstance(book, Problem):
        return ReadResult((), (book,))
    problems: list[Problem] = []
    sheets = [s for ws in book.worksheets if (s := _read_sheet(path.name, ws, problems)) is not None]
    return _Assembly(path.name, problems).run(sheets)


def _read_sheet(file: str, ws: Any, problems: list[Problem]) -> _Sheet | None:
    title = str(ws.title)
    grid = _grid(ws)
    index = _header(grid)
    if index is None:
        if title != NOTES_SHEET and any(not blank(v) for line in grid for v in line):
            problems.append(
                workbook_problem(
                    Rule.UNKNOWN_KEY, sheet_place(file, title), WorkbookProblem.UNKNOWN_SHEET, title, field=title
                )
            )
        return None
    header_row = index + 1
    columns: dict[int, str] = {}
    headers: dict[str, str] = {}
    for col, raw in enumerate(grid[index]):
        name = canonical(raw)
        if name not in _KNOWN:
            continue  # an element of the national list the catalog does not hold (行使内容, 联系电话 …)
        if name in headers:
            place = cell_place(file, title, header_row, str(raw).strip())
            problems.append(workbook_problem(Rule.SYNTAX, place, WorkbookProblem.DUPLICATE_COLUMN, name, field=name))
            continue
        columns[col] = name
        headers[name] = str(raw).strip()
    names = frozenset(headers)
    kind = sheet_kind(set(names))
    assert kind is not None  # _header found a row that tells it
    missing = [n for n in REQUIRED[kind] if n not in names]
    if kind is not SheetKind.BUNDLES and not names & {BUNDLE_CODE, BUNDLE_NAME}:
        missing.append(BUNDLE_CODE)
    place = row_place(file, title, header_row)
    problems.extend(
        workbook_problem(Rule.SYNTAX, place, WorkbookProblem.HEADER_MISSING, name, field=name) for name in missing
    )
    if missing:
        return None
    rows = []
    for number, line in enumerate(grid[header_row:], header_row + 1):
        values = {columns[c]: v for c, v in enumerate(line) if c in columns and not blank(v) and not error_value(v)}
        errors = {columns[c]: str(v) for c, v in enumerate(line) if c in columns and error_value(v)}
        if values or errors:
            rows.append(_Row(number, values, headers, errors))
    problems.extend(_merged_across(file, title, ws, header_row, columns, grid))
    return _Sheet(title, kind, header_row, names, tuple(rows))


def _merged_across(
    file: str, title: str, ws: Any, header_row: int, columns: Mapping[int, str], grid: Sequence[Sequence[object]]
) -> list[Problem]:
    """A merged cell below the header over rows of two bundles: whichever bundle it meant, the other is wrong."""
    ties = [c for c, name in columns.items() if name in (BUNDLE_CODE, BUNDLE_NAME)]
    found = []
    for merged in ws.merged_cells.ranges:
        if merged.max_row <= header_row or merged.min_row == merged.max_row:
            continue
        cols = range(merged.min_col - 1, merged.max_col)
        if not any(c in columns for c in cols) or any(c in ties for c in cols):
            continue
        bundles = {
            tuple(grid[r - 1][c] if c < len(grid[r - 1]) else None for c in ties)
            for r in range(max(merged.min_row, header_row + 1), merged.max_row + 1)
        }
        if len(bundles) > 1:
            header = columns.get(merged.min_col - 1) or next(columns[c] for c in cols if c in columns)
            place = cell_place(file, title, merged.min_row, header)
            found.append(
                workbook_problem(Rule.SYNTAX, place, WorkbookProblem.MERGED_ACROSS_BUNDLES, merged.coord, field=header)
            )
    return found


# --- building the documents ---------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    place: str  # the bundle's row
    doc: Doc
    items: dict[str, str] = field(default_factory=dict)  # 事项名称 and 实施编码 -> 实施编码


class _Assembly:
    """The rows of every sheet put into one document per bundle, problems collected on the way."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        self.drafts: dict[str, _Draft] = {}
        self.by_name: dict[str, str] = {}
        #: the cells whose value did not convert, as (bundle, item, material, the element of the guide it gives)
        self.unread: set[tuple[str, str, str, str]] = set()

    def run(self, sheets: Sequence[_Sheet]) -> ReadResult:
        order = (SheetKind.BUNDLES, SheetKind.ITEMS, SheetKind.MATERIALS, SheetKind.STEPS)
        for kind in order:
            for sheet in (s for s in sheets if s.kind is kind):
                for row in sheet.rows:
                    self.row(sheet, row)
        bundles: list[tuple[str, Bundle]] = []
        for draft in self.drafts.values():
            bundle, found = from_document(draft.doc, draft.place)
            self.problems.extend(p for p in found if not self.told_at_cell(p))
            bundles.append((self.file, bundle))
        return ReadResult(tuple(bundles), tuple(self.problems))

    def told_at_cell(self, found: Problem) -> bool:
        """Whether the guide's reader calls missing an element whose cell was named already, as the value it is (a
        fee of 12元5角 left out, then 未写明收费标准 at the bundle's row): one problem, at the cell that holds it."""
        element = found.field.split(".", 1)[0]
        return found.rule is Rule.MISSING_ELEMENT and (found.bundle, found.item, found.material, element) in self.unread

    def report(
        self,
        rule: Rule,
        sheet: _Sheet,
        row: _Row,
        name: str,
        path: str,
        detail: str = "",
        *,
        at: _At = (),
        extra: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """A problem at one cell; ``at`` is the bundle, item and material it belongs to, as the validator names them."""
        place = cell_place(self.file, sheet.title, row.number, row.headers.get(name, name))
        bundle, item, material = (*at, "", "", "")[:3]
        self.problems.append(Problem(rule, place, bundle, item, material, field=path, detail=detail, extra=extra))

    def convert(self, sheet: _Sheet, row: _Row, prefix: str, at: _At, skip: Iterable[str] = ()) -> Doc:
        """The row's values put in place; each value that does not convert is a problem at its cell."""
        doc: Doc = {}
        for column in COLUMNS[sheet.kind]:
            if (column.name not in row.values and column.name not in row.errors) or column.name in skip:
                continue
            value = self.value(sheet, row, column, prefix, at)
            if value is None or not column.path:
                continue
            target = doc
            for part in column.path[:-1]:
                target = target.setdefault(part, {})
            target[column.path[-1]] = value
        return doc

    def value(self, sheet: _Sheet, row: _Row, column: PlatformColumn, prefix: str, at: _At) -> object:
        """The cell's value; ``None`` for a blank cell, or one that does not convert or holds an error value (a
        problem at its cell, the one said of it: the element it leaves empty is not called missing as well)."""
        if column.name in row.errors:
            self.unread_cell(Rule.WRONG_TYPE, sheet, row, column, prefix, row.errors[column.name], at, error=True)
            return None
        if column.name not in row.values:
            return None
        try:
            return column.convert(row.values[column.name])
        except BadValue as bad:
            self.unread_cell(bad.rule, sheet, row, column, prefix, bad.detail, at)
            return None

    def unread_cell(
        self,
        rule: Rule,
        sheet: _Sheet,
        row: _Row,
        column: PlatformColumn,
        prefix: str,
        detail: str,
        at: _At,
        *,
        error: bool = False,
    ) -> None:
        """A cell whose value is not taken, named at the cell; what it leaves empty noted (:meth:`told_at_cell`)."""
        # a column the sheet reads itself (是否收费) has no place in the guide: it is named by its header
        path = prefix + ".".join(column.path) if column.path else column.name
        element = column.path[0] if column.path else _STANDS_FOR.get(column.name, column.name)
        extra: tuple[tuple[str, str], ...] = ((WORKBOOK_KEY, WorkbookProblem.CELL_ERROR.value),) if error else ()
        if not column.path:
            extra += ((LEAVES_KEY, prefix + element),)
        self.report(rule, sheet, row, column.name, path, detail, at=at, extra=extra)
        bundle, item, material = (*at, "", "", "")[:3]
        self.unread.add((bundle, item, material, element))

    def tie(self, sheet: _Sheet, row: _Row) -> _Draft | None:
        """The bundle a row belongs to, by its 一件事编码 or, where there is none, its 一件事名称."""
        code = row.values.get(BUNDLE_CODE)
        if code is not None:
            text = str(code).strip()
            draft = self.drafts.get(text)
            if draft is None:
                self.report(Rule.DANGLING_REFERENCE, sheet, row, BUNDLE_CODE, "code", text)
            return draft
        name = row.values.get(BUNDLE_NAME)
        broken = next((n for n in (BUNDLE_CODE, BUNDLE_NAME) if n in row.errors), None)
        if name is None and broken is not None:  # the row's bundle is an error value: that, not a bundle missing
            self.unread_cell(Rule.WRONG_TYPE, sheet, row, _tie_column(broken), "", row.errors[broken], (), error=True)
            return None
        if name is None:
            self.report(Rule.MISSING_ELEMENT, sheet, row, BUNDLE_CODE if BUNDLE_CODE in sheet.names else BUNDLE_NAME,
                        "code")  # fmt: skip
            return None
        text = str(name).strip()
        if text not in self.by_name:
            self.report(Rule.DANGLING_REFERENCE, sheet, row, BUNDLE_NAME, "name", text)
            return None
        return self.drafts[self.by_name[text]]

    def row(self, sheet: _Sheet, row: _Row) -> None:
        if sheet.kind is SheetKind.BUNDLES:
            self.bundle(sheet, row)
            return
        draft = self.tie(sheet, row)
        if draft is None:
            return
        code = str(draft.doc["code"])
        if sheet.kind is SheetKind.ITEMS:
            self.item(sheet, row, draft, code)
        elif sheet.kind is SheetKind.MATERIALS:
            self.material(sheet, row, draft, code)
        else:
            draft.doc.setdefault("steps", []).append(self.convert(sheet, row, "steps.", (code,)))

    def bundle(self, sheet: _Sheet, row: _Row) -> None:
        doc = self.convert(sheet, row, "", ())
        code, name = doc.get("code", ""), doc.get("name", "")
        place = row_place(self.file, sheet.title, row.number)
        if not code:
            if BUNDLE_CODE not in row.errors:  # an error value there is named at its cell already
                self.report(Rule.MISSING_ELEMENT, sheet, row, BUNDLE_CODE, "code")
        elif code in self.drafts:
            other = (("other", self.drafts[code].place),)
            self.problems.append(Problem(Rule.DUPLICATE_CODE, place, code, field="code", detail=code, extra=other))
        else:
            doc["status"] = GuideStatus.DRAFT.value
            self.drafts[code] = _Draft(place, doc)
            if name:
                self.by_name.setdefault(name, code)

    def item(self, sheet: _Sheet, row: _Row, draft: _Draft, code: str) -> None:
        label = row.values.get("实施编码") or row.values.get(ITEM_NAME) or ""
        at = (code, str(label).strip())
        is_fee = self.value(sheet, row, _column(SheetKind.ITEMS, IS_FEE), "items.", at)
        untold = FEE_AMOUNT not in row.values and FEE_AMOUNT not in row.errors
        free = is_fee is False and (untold or (FEE_AMOUNT in row.values and says_free(row.values[FEE_AMOUNT])))
        doc = self.convert(sheet, row, "items.", at, skip=(IS_FEE, FEE_AMOUNT) if free else (IS_FEE,))
        if is_fee is False and not free and FEE_AMOUNT in row.values:
            # 否 beside an amount: one of the two is wrong and only the department knows which, so neither is taken
            # for the other; the amount is read as written (it may be a fee after all) and the two are named
            amount = str(row.values[FEE_AMOUNT]).strip()
            self.report(Rule.FEE_AND_FREE, sheet, row, FEE_AMOUNT, "items.fee.amount", amount, at=at)
        elif free:
            fee = doc.setdefault("fee", {})
            fee["amount"] = "0"
            fee.setdefault("basis", "不收费")
        if SERVICE_OBJECTS in row.errors:
            self.report(Rule.WRONG_TYPE, sheet, row, SERVICE_OBJECTS, "service_objects", row.errors[SERVICE_OBJECTS],
                        at=at, extra=((WORKBOOK_KEY, WorkbookProblem.CELL_ERROR.value),))  # fmt: skip
        if SERVICE_OBJECTS in row.values:
            known = draft.doc.setdefault("service_objects", [])
            for entry in str(row.values[SERVICE_OBJECTS]).replace("、", "\n").splitlines():
                if entry.strip() and entry.strip() not in known:
                    known.append(entry.strip())
        draft.doc.setdefault("items", []).append(doc)
        for key in ("code", "name"):
            if doc.get(key):
                draft.items.setdefault(str(doc[key]), str(doc.get("code", "")))

    def material(self, sheet: _Sheet, row: _Row, draft: _Draft, code: str) -> None:
        materials = draft.doc.setdefault("materials", [])
        own = row.values.get("材料编码")
        at = (code, "", str(own).strip() if own is not None else f"M{len(materials) + 1:02d}")
        doc = self.convert(sheet, row, "materials.", at, skip=(ITEM_NAME, IS_DEFERRABLE))
        doc.setdefault("code", at[2])
        items = []
        named = self.value(sheet, row, _column(SheetKind.MATERIALS, ITEM_NAME), "materials.", at)
        for name in named if isinstance(named, list) else []:
            if name in draft.items:
                items.append(draft.items[name])
            else:
                self.report(Rule.DANGLING_REFERENCE, sheet, row, ITEM_NAME, "materials.items", name, at=at)
        doc["items"] = items
        if self.value(sheet, row, _column(SheetKind.MATERIALS, IS_DEFERRABLE), "materials.", at) is True:
            doc["necessity"] = "deferrable"
        originals, copies = doc.get("originals", 0), doc.get("copies", 0)
        if originals and copies:
            doc["copy_form"] = CopyForm.ORIGINAL_AND_COPY.value
        elif originals or copies:
            doc["copy_form"] = (CopyForm.ORIGINAL if originals else CopyForm.COPY).value
        materials.append(doc)


def _column(kind: SheetKind, name: str) -> PlatformColumn:
    return next(c for c in COLUMNS[kind] if c.name == name)


def _tie_column(name: str) -> PlatformColumn:
    """一件事编码 or 一件事名称, as the sheet of bundles reads it."""
    return _column(SheetKind.BUNDLES, name)


def is_platform_grid(grids: Mapping[str, Sequence[Sequence[object]]]) -> bool:
    """Whether a workbook is the platform's: a sheet has a header row of element names, none a row of keys."""
    keyed = any(grid and ("bundle" in grid[0] or "code" in grid[0]) for grid in grids.values())
    return not keyed and any(_header(grid) is not None for grid in grids.values())
