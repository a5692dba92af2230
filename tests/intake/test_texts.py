"""Every code of the intake has its Chinese text, and the intake stays free of Qt and SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from counter.documents.words import REFUSAL_BASIS
from counter.intake.checklist import ProblemCode, Receipt, ReceivedMedium
from counter.intake.outcome import Outcome, ReasonCode, RefusalGround
from counter.words.intake import (
    INTAKE_REASON,
    OUTCOME,
    OUTCOME_SUMMARY,
    RECEIPT,
    RECEIVED_MEDIUM,
    REFUSAL_GROUND,
    intake_reason,
)


def test_every_intake_code_has_a_text() -> None:
    assert set(OUTCOME) == set(Outcome)
    assert set(OUTCOME_SUMMARY) == set(Outcome)
    assert set(RECEIPT) == set(Receipt)
    assert set(RECEIVED_MEDIUM) == set(ReceivedMedium)
    assert set(REFUSAL_GROUND) == set(RefusalGround)
    assert set(REFUSAL_BASIS) == set(RefusalGround)
    assert set(INTAKE_REASON) == set(ReasonCode) | set(ProblemCode)


@pytest.mark.parametrize("code", [*ReasonCode, *ProblemCode])
def test_every_reason_reads_without_leftover_placeholders(code: ReasonCode | ProblemCode) -> None:
    sentence = intake_reason(code, "health", "从业人员健康证明")
    assert "{" not in sentence
    assert "}" not in sentence
    assert sentence.strip()


def test_a_reason_names_the_material_or_falls_back_to_its_code() -> None:
    assert intake_reason(ReasonCode.REQUIRED_MISSING, "premises", "经营场所使用证明") == (
        "必要材料未提交：经营场所使用证明"
    )
    assert intake_reason(ProblemCode.MATERIAL_NOT_IN_LIST, "articles") == "材料不在所选情形的清单中：articles"
    assert OUTCOME_SUMMARY[Outcome.DEFER] == "容缺受理：主要材料齐全，以下材料容缺后补"
    assert REFUSAL_BASIS[RefusalGround.NOT_IN_REMIT].endswith("第三十二条第一款第二项")


def test_the_intake_imports_neither_qt_nor_sqlalchemy() -> None:
    code = (
        "import sys, counter.intake.checklist, counter.intake.outcome; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
