"""电子送达 from the command line: the applicant's agreement recorded on a 小餐馆 (008) and shown in its history; the
papers served electronically only where it was given and the hall is connected to the platform, each refusal a
sentence in Chinese (the serving through the platform itself: tests/actions/test_e_service.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import REPO, made_database
from tests.test_cli import run
from tests.test_cli_items import accepted_case

RECEIVED = dt.date(2026, 11, 20)
EXAMPLE = REPO / "docs" / "examples" / "intake-xiaocanguan.json"  # a 小餐馆 (008)


@pytest.mark.slow
def test_the_agreement_is_recorded_with_its_means_and_day_and_serving_needs_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "training.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db, RECEIVED)
    on = ("--today", RECEIVED.isoformat())

    code, _, err = run(capsys, *on, "case", "serve-electronically", number, "--db", db)
    assert code == 1
    assert err.strip() == f"办件 {number} 不能电子送达：申请人未同意电子送达：文书只能纸质送达"

    code, out, err = run(capsys, *on, "case", "agree-e-service", number, "--means", "sms", "--db", db)
    assert (code, err) == (0, "")
    assert out.strip() == f"办件 {number}：已记录申请人同意电子送达（短信链接（经平台网关下载），2026-11-20）"
    code, out, _ = run(capsys, *on, "case", "show", number, "--db", db)
    assert code == 0
    assert "申请人同意电子送达" in out
    assert "送达方式：短信链接（经平台网关下载），同意日期：2026-11-20" in out

    code, _, err = run(capsys, *on, "case", "serve-electronically", number, "--db", db)
    assert code == 1  # by SMS link: no download page's address set, no link sent
    assert "未设置短信送达的文书下载地址（平台网关的地址），不能以短信链接送达" in err


@pytest.mark.slow
def test_the_agreement_given_at_intake_is_on_the_case_just_taken(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "training.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    assert run(capsys, "desk", "--site", "XAM01", "--desk", "8", "--clerk", "乌兰")[0] == 0
    code, out, err = run(capsys, "case", "take", str(EXAMPLE), "--e-service", "platform", "--json", "--db", db)
    assert (code, err) == (0, "")
    taken = json.loads(out)
    agreed = [line for line in taken["history"] if line["event"] == "e_service_agreed"]
    assert len(agreed) == 1
    assert agreed[0]["note"].startswith("platform ")
