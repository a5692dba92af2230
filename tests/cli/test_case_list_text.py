"""``counter case list`` in words: a 容缺 case's line says when its deferred material falls due, and once that day has
passed that it is overdue, as its JSON's ``next_due`` and ``overdue`` do.

A 容缺受理 of 小餐馆 taken on a real SQLite database as the window takes it
(:func:`tests.test_cli_decisions.deferred_case`).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import made_database
from tests.test_cli import run
from tests.test_cli_decisions import deferred_case


def test_a_deferred_case_names_its_due_day_and_is_said_overdue_after_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    case_no, due = deferred_case(db)
    on_time = due.isoformat()
    code, out, err = run(capsys, "case", "list", "--today", on_time, "--db", db)
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith(case_no))
    assert line.endswith(f"  容缺到期 {on_time}")
    assert "共 1 件。" in err

    late = (due + dt.timedelta(days=1)).isoformat()
    code, out, _ = run(capsys, "case", "list", "--today", late, "--db", db)
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith(case_no))
    assert line.endswith(f"  容缺到期 {on_time}（已逾期）")
    code, out, _ = run(capsys, "case", "list", "--json", "--today", late, "--db", db)
    (row,) = json.loads(out)
    assert (row["case_no"], row["next_due"], row["overdue"]) == (case_no, on_time, True)
