"""``counter case show`` in words: what the case's JSON holds, each on the line docs/command-line.md gives it.

The training cases of ``counter demo`` on a real SQLite database: a 补正 through an agent and its resubmission, a
不予受理 naming the bodies to turn to, a 容缺 whose materials came in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import made_database
from tests.test_cli import run


def demo_cases(capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str) -> dict[str, str]:
    """Each training case's number under the label ``counter demo`` prints, the first label of a case kept."""
    code, out, _ = run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", "2026-11-20", "--db", db)
    assert code == 0
    return {label: number for number, label in (line.split("\t") for line in out.splitlines() if "\t" in line)}


def shown(capsys: pytest.CaptureFixture[str], db: str, number: str) -> tuple[dict[str, Any], list[str]]:
    code, out, _ = run(capsys, "case", "show", number, "--json", "--db", db)
    assert code == 0
    data = json.loads(out)
    code, out, _ = run(capsys, "case", "show", number, "--db", db)
    assert code == 0
    return data, out.splitlines()


def test_a_correction_through_an_agent_reads_its_agent_its_deadlines_and_its_resubmission(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    cases = demo_cases(capsys, tmp_path, db)
    correction, lines = shown(capsys, db, cases["补正（委托代理人办理）"])
    assert correction["agent_name"] == "李𬭚"
    agent = f"代办人：李𬭚  {correction['agent_id_no']}  授权：{correction['agent_authorisation']}"
    assert agent in lines
    assert f"补正期限：{correction['correction_due']}  告知期限：{correction['notify_due']}" in lines
    later = cases["补正后重新提交并受理"]
    assert correction["later_case_no"] == later
    assert f"重新提交办件：{later}" in lines
    assert "状态：补正后已重新提交    结果：一次性告知补齐材料" in lines  # the hall's 告知, no §32 补正

    resubmitted, lines = shown(capsys, db, later)
    assert resubmitted["previous_case_no"] == correction["case_no"]
    assert f"补正前办件：{correction['case_no']}" in lines
    assert agent in lines
    assert not [line for line in lines if line.startswith("补正期限")]


def test_a_refusal_names_the_bodies_to_turn_to_and_a_deferral_the_day_each_material_came(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    cases = demo_cases(capsys, tmp_path, db)
    refused, lines = shown(capsys, db, cases["撤回申请"])
    turn_to = refused["turn_to"].splitlines()
    assert len(turn_to) == 4
    assert lines[lines.index(f"请向：{turn_to[0]}") + 1 : lines.index("材料：")] == turn_to[1:]
    # a window that only receives refuses nothing: the applicant, told the finding, withdrew
    assert "状态：申请人已撤回    结果：申请人撤回（已出具申请事项告知书）" in lines

    completed, lines = shown(capsys, db, cases["容缺受理"])
    came = [m for m in completed["materials"] if m["due_on"]]
    assert came
    for m in came:
        line = f"  {m['code']} {m['name']}：已收取  容缺至 {m['due_on']}  {m['arrived_on']} 已补交"
        assert line in lines
