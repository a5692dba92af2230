"""A checklist line's columns: one line declared once (``CaseMaterialLine``) for the table and its two writers."""

from __future__ import annotations

import dataclasses

from counter.case.view import CaseMaterialLine
from counter.db import models
from counter.db.sync.tables import MATERIAL_COLUMNS


def test_the_intake_and_a_package_write_every_column_of_a_checklist_line() -> None:
    """The line (``CaseMaterialLine``: what the intake writes, a package's line, read by position from the table) and
    the table name the same columns in the same order: a column added to one alone fails here, not in a hall."""
    table = [column.key for column in models.CaseMaterial.__table__.columns if column.key != "id"]
    assert list(MATERIAL_COLUMNS) == table
    assert ["material_code", *[field.name for field in dataclasses.fields(CaseMaterialLine)][1:]] == table[1:]
