"""A migration after the baseline, for the tests of what an upgrade does when it has work: the released program has
none yet, and what it will meet (a table another connection holds, a migration reported as it runs) stays tested.

:func:`later_schema` copies the program's migrations beside one more (``LATER``, a column added to the case table,
which takes that table's lock as a real migration would) and makes it the program's head for the test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from counter.db import migrate
from counter.db.revision import HEAD

LATER = "0002_later"

_MIGRATION = f'''"""A column added to the case table (tests only).

Revision ID: {LATER}
Revises: {HEAD}
"""

import sqlalchemy as sa
from alembic import op

revision = "{LATER}"
down_revision = "{HEAD}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("case", sa.Column("later", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case") as batch:
        batch.drop_column("later")
'''


def later_schema(monkeypatch: pytest.MonkeyPatch, folder: Path) -> str:
    """The program's migrations and :data:`LATER` in ``folder``, the program's for this test; ``LATER``."""
    scripts = folder / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / f"{LATER}.py").write_text(_MIGRATION, encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)
    monkeypatch.setattr(migrate, "HEAD", LATER)
    return LATER
