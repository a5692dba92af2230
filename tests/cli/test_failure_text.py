"""What a command says of a fault any operation may raise: worded once, by ``failure_text``, for every command."""

from __future__ import annotations

from pathlib import Path

from counter.case.not_found import CaseNotFound
from counter.cli.common import failure_text
from counter.projects.not_found import NoSuchProject
from counter.sync.keys import KeyProblem, KeyUnreadable


def test_no_such_case_or_project_is_named_never_reported_as_unexpected() -> None:
    assert failure_text(CaseNotFound("XAM01-261128-0001")) == "未找到办件：XAM01-261128-0001"
    assert failure_text(NoSuchProject("XAM-BN-2026-0001")) == "没有编号为 XAM-BN-2026-0001 的帮您办项目。"


def test_a_key_file_that_cannot_serve_is_named_with_the_file(tmp_path: Path) -> None:
    key = tmp_path / "site-key.pem"
    text = failure_text(KeyUnreadable(key, KeyProblem.MISSING))
    assert text.endswith(f"（密钥文件：{key}）")
