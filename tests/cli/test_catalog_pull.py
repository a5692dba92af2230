"""``counter catalog pull`` refused in words: the 事项库's answer that is too large to be a region's list is not
read on, and the catalog stays as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.host.outward import item_list
from counter.host.outward.item_list import SOURCE_ENV
from tests.actions.test_item_list import SECRET, running_item_library
from tests.conftest import made_database
from tests.test_cli import run


def test_an_answer_beyond_the_lists_limit_is_refused_and_nothing_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    url_env, account_env, secret_env = SOURCE_ENV
    monkeypatch.setenv(url_env, "")  # the command sets them for its own run: put back after the test
    monkeypatch.setenv(account_env, "")
    monkeypatch.setenv(secret_env, SECRET)
    monkeypatch.setattr(item_list, "LIST_LIMIT", 4096)
    code, out, _ = run(capsys, "catalog", "list", "--json", "--db", db)
    before = json.loads(out)
    with running_item_library() as library:
        library.body = b"PK" + b"\0" * 8192  # no region's list is this large (here: beyond the limit set)
        code, out, err = run(capsys, "catalog", "pull", library.url, "--account", "hall", "--db", db)
    assert (code, out) == (1, "")
    assert err.strip() == "没有取到实施清单（事项库的答复过大，不是一份实施清单）：目录未作任何改动。"
    code, out, _ = run(capsys, "catalog", "list", "--json", "--db", db)
    assert json.loads(out) == before
