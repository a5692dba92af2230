"""A checklist line's columns, named in one place (``MaterialValues``) for the table's two writers."""

from __future__ import annotations

import dataclasses

from counter.db import models
from counter.db.sync.case_parts import MATERIAL_COLUMNS
from counter.sync.records import MaterialLine


def test_the_intake_and_a_package_write_every_column_of_a_checklist_line() -> None:
    """The intake's values (``MaterialValues``), a package's line (``MaterialLine``, read by name when imported) and
    the table name the same columns in the same order: a column added to one alone fails here, not in a hall."""
    table = [column.key for column in models.CaseMaterial.__table__.columns if column.key != "id"]
    assert list(MATERIAL_COLUMNS) == table
    assert [field.name for field in dataclasses.fields(MaterialLine)] == table[1:]
