"""``counter site rules``: the hall's 容缺 margin and 补正 period from the command line, checked and audited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from counter.actions.cases.intake_settings import DEFERRAL_MARGIN_KEY, intake_rules
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.intake.rules import IntakeRules
from tests.test_cli import db, run

__all__ = ["db"]


def stored(db: str) -> tuple[IntakeRules, list[str]]:
    engine = make_engine(db)
    try:
        with make_sessions(engine)() as s:
            details = s.scalars(
                select(models.AuditEntry.detail).where(models.AuditEntry.subject == DEFERRAL_MARGIN_KEY)
            ).all()
            return intake_rules(s), list(details)
    finally:
        engine.dispose()


def test_the_rules_are_shown_and_changed(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "site", "rules", "--db", db)
    assert code == 0
    assert out.splitlines() == [
        "容缺材料补交期限届满后留给部门审查：2 个工作日（承诺办结日不足时顺延）",
        "补正期限：15 个工作日",
    ]
    code, out, _ = run(capsys, "site", "rules", "--deferral-margin", "5", "--db", db)
    assert code == 0
    assert "：5 个工作日" in out
    code, out, _ = run(capsys, "site", "rules", "--correction-period", "20", "--json", "--db", db)
    assert code == 0
    assert json.loads(out) == {"deferral_margin_days": 5, "correction_period_days": 20}  # the margin kept
    rules, audit = stored(db)
    assert rules == IntakeRules(5, 20)
    assert [json.loads(d) for d in audit] == [{"from": None, "to": "5"}]


def test_values_out_of_range_are_refused_in_chinese_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "site", "rules", "--deferral-margin", "11", "--correction-period", "0", "--db", db)
    assert code == 1
    assert "容缺材料补交期限后留给部门审查的工作日数应为0至10，不能是11" in err
    assert "补正期限应为1至60个工作日，不能是0" in err
    assert stored(db) == (IntakeRules(), [])
