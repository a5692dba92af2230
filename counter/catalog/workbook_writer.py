"""The catalog as an ``.xlsx`` workbook, written: the template to fill in, and an export of bundles.

The layout is :mod:`counter.catalog.workbook_layout`'s, the same one :mod:`counter.catalog.workbook` reads back; what
is here is what only writing needs: Excel's styles, the drop-down lists of a column's choices, and the values a cell
cannot hold, dropped or cut and each named, so that an export never fails half-way nor changes a value silently.
The reader changes with what clerks type and the problems it names; this with how the sheets look.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from counter.catalog.document import to_document
from counter.catalog.model import Bundle
from counter.catalog.problems import Problem, Rule, WorkbookProblem, row_place, workbook_problem
from counter.catalog.workbook_labels import (
    WORKBOOK_CHOICE_ERROR,
    WORKBOOK_CHOICE_TITLE,
    WORKBOOK_HEADERS,
    WORKBOOK_NOTES,
)
from counter.catalog.workbook_layout import (
    BUNDLES,
    EXAMPLE_BUNDLE,
    FIRST_DATA_ROW,
    HEADER_ROW,
    INTERMEDIARIES,
    LABEL_ROW,
    NO,
    NOTES_SHEET,
    SHEETS,
    SITUATIONS,
    YES,
    Doc,
    Kind,
    Sheet,
    is_example,
)

CELL_MAX = 32767  # the most characters an Excel cell holds
# Characters XML 1.0 cannot carry: openpyxl refuses the C0 controls and writes the
# rest into a file that no reader can open again.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_KEY_FONT = Font(bold=True, color="595959")
_KEY_FILL = PatternFill("solid", fgColor="D9D9D9")
_LABEL_FONT = Font(bold=True)
_LABEL_FILL = PatternFill("solid", fgColor="DDEBF7")
_EXAMPLE_FONT = Font(italic=True, color="7F7F7F")
_EXAMPLE_FILL = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_template(path: Path) -> None:
    """An empty workbook whose only rows are the example (skipped when read back)."""
    write_workbook(path, (EXAMPLE_BUNDLE,))


def write_workbook(path: Path, bundles: Sequence[Bundle]) -> tuple[Problem, ...]:
    """Export bundles in the layout :func:`read_workbook` reads.

    A workbook cannot hold every character a catalog file can (control characters,
    more than 32,767 characters in a cell).  Such a value is written without what does
    not fit, and each change is returned as a problem naming its sheet and row, so an
    export never fails half-way and never changes a value silently.
    """
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = NOTES_SHEET
    _write_notes(notes)
    problems: list[Problem] = []
    documents = [to_document(b) for b in bundles]
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.title)
        _write_header(ws, sheet)
        number = FIRST_DATA_ROW
        for doc in documents:
            for row in _row_documents(sheet, doc):
                problems.extend(_write_row(ws, sheet, number, row, file=path.name))
                number += 1
    book.save(path)
    return tuple(problems)


def _write_notes(ws: Any) -> None:
    ws.column_dimensions["A"].width = 110
    for number, line in enumerate(WORKBOOK_NOTES, 1):
        cell = ws.cell(row=number, column=1, value=line)
        if number == 1:
            cell.font = _LABEL_FONT


def _write_header(ws: Any, sheet: Sheet) -> None:
    labels = WORKBOOK_HEADERS[sheet.part]
    for index, column in enumerate(sheet.columns, 1):
        letter = get_column_letter(index)
        key = ws.cell(row=HEADER_ROW, column=index, value=column.key)
        key.font, key.fill = _KEY_FONT, _KEY_FILL
        label = ws.cell(row=LABEL_ROW, column=index, value=labels[column.key])
        label.font, label.fill, label.alignment = _LABEL_FONT, _LABEL_FILL, _WRAP
        dimension = ws.column_dimensions[letter]
        dimension.width = column.width
        if column.kind in (Kind.TEXT, Kind.CODE, Kind.LIST):
            dimension.number_format = "@"  # so that Excel keeps 01 and 000201004 as typed
        choices = (YES, NO) if column.kind is Kind.FLAG else column.choices
        if choices:
            check = DataValidation(
                type="list",
                formula1='"' + ",".join(choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",  # warn, but let 1 or true through: the reader accepts them
                errorTitle=WORKBOOK_CHOICE_TITLE,
                error=WORKBOOK_CHOICE_ERROR,
            )
            check.add(f"{letter}{FIRST_DATA_ROW}:{letter}1048576")
            ws.add_data_validation(check)
    ws.row_dimensions[LABEL_ROW].height = 60
    ws.freeze_panes = f"B{FIRST_DATA_ROW}"  # both header rows and the first (tying) column


def _row_documents(sheet: Sheet, doc: Doc) -> list[Doc]:
    """The rows a bundle's document gives one sheet, each as a small document."""
    code = doc["code"]
    nested = {s.part for s in SHEETS}
    if sheet is BUNDLES:
        return [{k: v for k, v in doc.items() if k not in nested and k != "format"}]
    if sheet is INTERMEDIARIES:
        return [
            {"bundle": code, "item": item["code"], **x}
            for item in doc.get("items", [])
            for x in item.get("intermediaries", [])
        ]
    if sheet is SITUATIONS:
        rows: list[Doc] = []
        for situation in doc.get("situations", []):
            options = situation["options"] or [None]
            for index, option in enumerate(options):
                row: Doc = {"bundle": code, "code": situation["code"]}
                if index == 0:  # the question once, on the situation's first row
                    row["question"] = situation["question"]
                if option is not None:
                    row["option"] = option
                rows.append(row)
        return rows
    return [
        {"bundle": code, **{k: v for k, v in part.items() if k != "intermediaries"}} for part in doc.get(sheet.part, [])
    ]


def _write_row(ws: Any, sheet: Sheet, number: int, row: Doc, *, file: str) -> list[Problem]:
    problems: list[Problem] = []
    bundle = str(row.get("bundle", row.get("code", "")))
    example = is_example(bundle)
    for index, column in enumerate(sheet.columns, 1):
        value = _cell_value(_lookup(row, column.path))
        cell = ws.cell(row=number, column=index)
        if isinstance(value, str):
            cleaned = _UNWRITABLE.sub("", value)
            found = [(WorkbookProblem.DROPPED_CHARACTERS, "")] if cleaned != value else []
            if len(cleaned) > CELL_MAX:
                found.append((WorkbookProblem.CUT, str(CELL_MAX)))
            place = row_place(file, sheet.title, number)
            problems.extend(
                workbook_problem(Rule.SYNTAX, place, kind, detail, bundle=bundle, field=column.key)
                for kind, detail in found
            )
            cell.value = cleaned[:CELL_MAX]
            cell.data_type = "s"  # text that starts with "=" stays text, not a formula
            cell.number_format = "@"
        else:
            cell.value = value
        if column.kind is Kind.LIST or column.width >= 30:
            cell.alignment = _WRAP
        if example:
            cell.font, cell.fill = _EXAMPLE_FONT, _EXAMPLE_FILL
    return problems


def _lookup(doc: Mapping[str, Any], path: tuple[str, ...]) -> object:
    value: object = doc
    for part in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _cell_value(value: object) -> object:
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, list):
        return "\n".join(str(v) for v in value) or None
    if value == "":
        return None
    return value
