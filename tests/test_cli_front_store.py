"""The hall's 前置库 set up from the command line: refused with every problem in Chinese, the password from the
environment kept off the database and off the screen, the codes the platform assigned shown back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.platform.events import WithheldWhy
from counter.words.platform import WITHHELD
from tests.codings import CHOSEN
from tests.conftest import made_database
from tests.test_cli import run
from tests.test_cli_items import accepted_case


@pytest.mark.slow
def test_the_front_store_is_set_by_the_hall_its_password_never_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    code, out, _ = run(capsys, "front-store", "settings", "--db", db)
    assert (code, out.strip()) == (0, "本服务中心不向前置库写入。")
    code, _, err = run(capsys, "front-store", "settings", "--on", "--url", "postgresql://u:secret@db/front",
                       "--db", db)  # fmt: skip
    assert code == 1
    assert "不含口令" in err
    assert "缺少前置库口令" in err
    assert "缺少数据来源代码" in err
    monkeypatch.setenv("COUNTER_FRONT_STORE_PASSWORD", "front-password")
    code, out, _ = run(
        capsys, "front-store", "settings", "--on", "--url", "postgresql://counter@front.example:5432/front",
        "--password-from-env", "--data-source", "C01", "--area-code", "152201", "--json", "--db", db,
    )  # fmt: skip
    assert code == 0
    shown = json.loads(out)
    assert (shown["enabled"], shown["password_set"], shown["data_source"]) == (True, True, "C01")
    assert "front-password" not in out
    code, out, _ = run(capsys, "front-store", "settings", "--db", db)
    assert "postgresql://counter@front.example:5432/front" in out
    assert "口令：已设置" in out
    assert "front-password" not in out
    assert "front-password" not in Path(db.removeprefix("sqlite:///")).read_bytes().decode("utf-8", "replace")


@pytest.mark.slow
def test_an_event_the_front_store_cannot_take_waits_in_the_failed_list_and_is_queued_again(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    monkeypatch.setenv("COUNTER_FRONT_STORE_PASSWORD", "front-password")
    code, _, _ = run(capsys, "platform", "settings", "--on", *(f"--coding={k}={v}" for k, v in CHOSEN.items()),
                     "--db", db)  # fmt: skip
    assert code == 0
    code, _, _ = run(
        capsys, "front-store", "settings", "--on", "--url", "postgresql://counter@front.invalid:5432/front",
        "--password-from-env", "--data-source", "C01", "--db", db,
    )  # fmt: skip
    assert code == 0
    number = accepted_case(db)  # under the bundled sample guide: its codes are illustrative, never written
    code, out, _ = run(capsys, "front-store", "send", "--once", "--db", db)
    assert (code, out.strip()) == (0, "已写入前置库 0 条，待重试 0 条，写入失败 1 条。")
    code, out, _ = run(capsys, "front-store", "list", "--failed", "--json", "--db", db)
    (failed,) = json.loads(out)
    assert (failed["case_no"], failed["kind"], failed["state"]) == (number, "received", "failed")  # as written
    assert failed["last_error"].startswith("withheld:sample_guide")
    assert failed["last_error_text"].startswith(WITHHELD[WithheldWhy.SAMPLE_GUIDE])
    code, out, _ = run(capsys, "front-store", "list", "--db", db)
    assert f"{number}  收件  写入失败  尝试 1 次  {WITHHELD[WithheldWhy.SAMPLE_GUIDE]}" in out
    code, out, _ = run(capsys, "front-store", "retry", str(failed["id"]), "--db", db)
    assert (code, out.strip()) == (0, f"前置库事件 {failed['id']} 已重新排队。")
    code, out, _ = run(capsys, "front-store", "list", "--failed", "--db", db)  # queued again: none has failed
    assert (code, out.strip()) == (0, "没有写入前置库的事件。")
    code, _, err = run(capsys, "front-store", "retry", str(failed["id"]), "--db", db)
    assert code == 1
    assert "没有编号为" in err
