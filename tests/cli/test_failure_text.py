"""What a command says of a fault any operation may raise: worded once, by ``failure_text``, for every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.case.not_found import CaseNotFound
from counter.cli.common import failure_text
from counter.host.database.database_faults import DbFault, StoreFault
from counter.projects.not_found import NoSuchProject
from counter.sync.keys import KeyProblem, KeyUnreadable


def test_no_such_case_or_project_is_named_never_reported_as_unexpected() -> None:
    assert failure_text(CaseNotFound("XAM01-261128-0001")) == "未找到办件：XAM01-261128-0001"
    assert failure_text(NoSuchProject("XAM-BN-2026-0001")) == "没有编号为 XAM-BN-2026-0001 的帮您办项目。"


def test_a_key_file_that_cannot_serve_is_named_with_the_file(tmp_path: Path) -> None:
    key = tmp_path / "site-key.pem"
    text = failure_text(KeyUnreadable(key, KeyProblem.MISSING))
    assert text.endswith(f"（密钥文件：{key}）")


def reported(text: str) -> Path:
    """The report a failure's sentence names, after checking the sentence is the unexpected error's, in Chinese."""
    head, sep, rest = text.partition("已保存错误报告：")
    assert (head, sep) == ("程序遇到意外错误，刚才的操作没有完成。", "已保存错误报告：")
    assert rest.endswith("，请联系技术支持。已提交的办件不受影响。")
    return Path(rest.removesuffix("，请联系技术支持。已提交的办件不受影响。"))


def test_an_unexpected_error_is_said_in_chinese_its_report_saved_for_support_without_the_id_number() -> None:
    try:
        raise RuntimeError("lost 152201197505042113")
    except RuntimeError as err:
        text = failure_text(err)
    saved = reported(text).read_text(encoding="utf-8")
    assert "RuntimeError" in saved
    assert "Traceback" in saved
    assert "152201197505042113" not in saved  # the report goes to support: an applicant's number is not in it


def test_a_database_failure_of_no_known_cause_is_reported_with_what_the_database_raised() -> None:
    try:
        try:
            raise ValueError("the driver's own words")
        except ValueError as cause:
            raise StoreFault(DbFault.OTHER, "ValueError: the driver's own words") from cause
    except StoreFault as err:
        text = failure_text(err)
    saved = reported(text).read_text(encoding="utf-8")
    assert "ValueError: the driver's own words" in saved
    assert "StoreFault" not in saved  # the report is of the cause, which support can act on


def test_a_report_that_cannot_be_saved_is_said_so_never_called_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "logs"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setattr("counter.host.machine.errors.log_dir", lambda: not_a_folder)
    assert failure_text(RuntimeError("x")) == (
        "程序遇到意外错误，刚才的操作没有完成。错误报告未能保存（错误已记入日志），请联系技术支持。已提交的办件不受影响。"
    )
