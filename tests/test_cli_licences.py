"""``counter site licences``: the hall's 电子证照库 set on the command line, its secret never shown or stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.resources import licence_format_file
from tests.conftest import made_database
from tests.licence_library import SECRET
from tests.test_cli import run


@pytest.mark.slow
def test_the_library_is_set_refused_whole_and_turned_off(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "cli.sqlite3", catalog=False)
    code, out, _ = run(capsys, "site", "licences", "--db", db)
    assert (code, out.strip()) == (0, "本中心未设置电子证照库：受理时不查询，材料按纸质收取")
    code, _, err = run(capsys, "site", "licences", "--endpoint", "http://library", "--account", "hall", "--db", db)
    assert code == 1
    assert "证照库地址须以 https:// 开头" in err
    assert "本机没有证照库密钥" in err
    broken = tmp_path / "format.toml"
    broken.write_text(licence_format_file().read_text(encoding="utf-8").replace('issuer = "issuer"', ""))
    monkeypatch.setenv("COUNTER_LICENCE_SECRET", SECRET)
    code, _, err = run(
        capsys, "site", "licences", "--endpoint", "https://library.example/q", "--account", "hall",
        "--secret-from-env", "--format", str(broken), "--db", db,
    )  # fmt: skip
    assert code == 1
    assert "格式文件读不出或缺少字段" in err
    code, out, _ = run(
        capsys, "site", "licences", "--endpoint", "https://library.example/q", "--account", "hall",
        "--secret-from-env", "--timeout", "5", "--json", "--db", db,
    )  # fmt: skip
    assert code == 0
    shown = json.loads(out)
    assert (shown["configured"], shown["secret"], shown["timeout"]) == (True, "******", 5)
    assert SECRET not in out
    code, out, _ = run(capsys, "site", "licences", "--db", db)  # in words: the shipped format, the secret unshown
    assert (code, out.strip()) == (0, "证照库：https://library.example/q　账号 hall　超时 5 秒　格式 随程序提供")
    code, out, _ = run(capsys, "site", "licences", "--off", "--db", db)
    assert (code, out.strip()) == (0, "本中心未设置电子证照库：受理时不查询，材料按纸质收取")
