"""一窗出件 from the command line: the results handed over at once, the 送达回证 written, every refusal in Chinese.

On a real SQLite database, with the case taken as the window takes it and its items decided by their departments.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from counter.parties.identifiers import make_id_number
from tests.conftest import made_database
from tests.documents.pdf_tools import pdf_lines, pdf_text
from tests.entrusted import ACTS_OPTION, ENTERED_OPTIONS, ENTRUSTMENT, by_command
from tests.test_cli import run
from tests.test_cli_items import ITEMS, accepted_case

AGENT_ID = make_id_number("152201", dt.date(1979, 5, 6), 33)


@pytest.mark.slow
def test_results_go_out_together_and_the_service_receipt_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db)
    out = tmp_path / "回证.pdf"
    pickup = ("hand-over", number, "--way", "pickup", "--recipient", "其木格", "--id-no", AGENT_ID, "--db", db)

    code, _, err = run(capsys, *pickup, "--out", str(out))
    assert code == 1
    assert "没有可送达的办理结果" in err  # nothing decided yet
    run(capsys, "item", "route", number, "--db", db)
    entrusted = [f"--entrust={item}={ENTRUSTMENT}" for item in by_command(ITEMS, db)]  # the departments' written 授权
    assert run(capsys, "site", "authority", ACTS_OPTION, *entrusted, "--db", db)[0] == 0
    for item in ITEMS:
        assert run(capsys, "item", "sign", number, item, "--db", db)[0] == 0
    for n, item in enumerate(ITEMS[:2]):
        assert (
            run(capsys, "item", "approve", number, item, "--result-no", f"XK-{n}", *ENTERED_OPTIONS, "--db", db)[0] == 0
        )
    code, _, err = run(capsys, *pickup, "--out", str(out))
    assert code == 1
    assert "部分出件" in err  # two items still with their departments
    code, _, err = run(capsys, *pickup[:-2], "--id-no", AGENT_ID[:-1] + "9", "--partial", "--db", db, "--out", str(out))
    assert code == 1
    assert "身份证号码有误" in err
    assert not out.exists()

    code, printed, _ = run(capsys, *pickup, "--partial", "--out", str(out))
    assert code == 0
    assert "送达 2 项" in printed
    text = pdf_text(out)
    assert "送达回证" in text
    assert "XK-0" in text
    assert "XK-1" in text
    assert AGENT_ID not in text

    for n, item in enumerate(ITEMS[2:], 2):
        assert (
            run(capsys, "item", "approve", number, item, "--result-no", f"XK-{n}", *ENTERED_OPTIONS, "--db", db)[0] == 0
        )
    posted = tmp_path / "寄出.pdf"
    code, printed, _ = run(capsys, "hand-over", number, "--way", "post", "--carrier", "中国邮政EMS",
                           "--tracking-no", "1151234567890", "--db", db, "--out", str(posted))  # fmt: skip
    assert code == 0
    assert "送达 2 项" in printed
    assert "1151234567890" in pdf_text(posted)
    code, shown, _ = run(capsys, "case", "show", number, "--db", db)
    assert "已送达" in shown
    assert "领取人 其木格" in shown  # the history in words, the ID number masked
    assert "中国邮政EMS 1151234567890" in shown
    assert AGENT_ID not in shown

    reprint = tmp_path / "重打.pdf"
    assert (
        run(capsys, "print", number, "--doc", "service", "--hand-over", "1", "--db", db, "--out", str(reprint))[0] == 0
    )
    assert reprint.read_bytes() == out.read_bytes()  # the same paper


@pytest.mark.slow
def test_results_sent_electronically_name_the_address_in_the_history_and_on_the_paper(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    number = accepted_case(db)
    assert run(capsys, "item", "route", number, "--db", db)[0] == 0
    assert (
        run(
            capsys,
            "site",
            "authority",
            ACTS_OPTION,
            *(f"--entrust={item}={ENTRUSTMENT}" for item in by_command(ITEMS, db)),
            "--db",
            db,
        )[0]
        == 0
    )
    for n, item in enumerate(ITEMS):
        assert run(capsys, "item", "sign", number, item, "--db", db)[0] == 0
        assert (
            run(capsys, "item", "approve", number, item, "--result-no", f"XK-{n}", *ENTERED_OPTIONS, "--db", db)[0] == 0
        )
    paper = tmp_path / "电子送达.pdf"
    address = "孟根 menggen@nmg.example.cn"
    code, printed, _ = run(capsys, "hand-over", number, "--way", "electronic", "--address", address, "--db", db,
                           "--out", str(paper))  # fmt: skip
    assert code == 0
    assert f"送达 {len(ITEMS)} 项" in printed
    assert "menggen@nmg.example.cn" in pdf_text(paper)
    code, shown, _ = run(capsys, "case", "show", number, "--db", db)
    assert code == 0
    (line,) = [line for line in shown.splitlines() if "送达：电子送达至" in line]
    # by name, as the case page names them (the item commands take the codes `item list` shows beside the names)
    assert line.endswith(
        f"送达：电子送达至 {address}：市场主体设立登记、食品经营许可、户外招牌设置审批、新办纳税人涉税事项"
    )


@pytest.mark.slow
def test_a_training_hand_over_is_dated_on_the_training_day(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``--today`` is the desk's day for every step: routing, the departments' steps, the hand-over and its paper."""
    day = dt.date(2026, 11, 20)  # a Friday; not the machine's date, whenever the test runs
    training = ("--today", day.isoformat())
    db = made_database(tmp_path / "training.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db, day)
    assert run(capsys, *training, "item", "route", number, "--db", db)[0] == 0
    entrusted = [f"--entrust={item}={ENTRUSTMENT}" for item in by_command(ITEMS, db)]
    assert run(capsys, *training, "site", "authority", ACTS_OPTION, *entrusted, "--db", db)[0] == 0
    for n, item in enumerate(ITEMS):
        assert run(capsys, *training, "item", "sign", number, item, "--db", db)[0] == 0
        assert (
            run(
                capsys,
                *training,
                "item",
                "approve",
                number,
                item,
                "--result-no",
                f"XK-{n}",
                *ENTERED_OPTIONS,
                "--db",
                db,
            )[0]
            == 0
        )
    out = tmp_path / "回证.pdf"
    posted = ("--way", "post", "--carrier", "中国邮政EMS", "--tracking-no", "1151234567890")
    code, printed, err = run(capsys, *training, "hand-over", number, *posted, "--db", db, "--out", str(out))
    assert (code, err) == (0, "")
    assert f"-{day:%y%m%d}-D-" in printed  # the 送达回证 numbered in the training day's series
    assert "2026年11月20日" in pdf_text(out)
    code, shown, _ = run(capsys, *training, "case", "show", number, "--db", db)
    steps = [line for line in shown.splitlines() if "8号窗口" in line]
    assert steps  # the intake, routing, the departments' steps and the hand-over
    assert [line for line in steps if not line.strip().startswith(day.isoformat())] == []


@pytest.mark.slow
def test_the_signed_return_of_a_posted_result_dates_its_service(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    day, signed = dt.date(2026, 11, 20), dt.date(2026, 11, 23)
    db = made_database(tmp_path / "training.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    number = accepted_case(db, day)
    assert run(capsys, "--today", day.isoformat(), "item", "route", number, "--db", db)[0] == 0
    entrusted = [f"--entrust={item}={ENTRUSTMENT}" for item in by_command(ITEMS, db)]
    assert run(capsys, "--today", day.isoformat(), "site", "authority", ACTS_OPTION, *entrusted, "--db", db)[0] == 0
    for n, item in enumerate(ITEMS):
        for step in (("sign",), ("approve", "--result-no", f"XK-{n}", *ENTERED_OPTIONS)):
            assert run(capsys, "--today", day.isoformat(), "item", step[0], number, item, *step[1:], "--db", db)[0] == 0
    posted = ("--way", "post", "--carrier", "中国邮政EMS", "--tracking-no", "1151234567890", "--db", db)
    first = tmp_path / "寄出.pdf"
    assert run(capsys, "--today", day.isoformat(), "hand-over", number, *posted, "--out", str(first))[0] == 0
    assert "送达日期年月日" in pdf_lines(first)

    record = ("hand-over-signed", number, "--db", db)
    code, _, err = run(capsys, "--today", day.isoformat(), *record, "--signed-on", signed.isoformat())
    assert code == 1
    assert "不能晚于今天" in err
    code, printed, _ = run(capsys, "--today", signed.isoformat(), *record, "--signed-on", signed.isoformat())
    assert code == 0
    assert "2026-11-23" in printed
    reprint = tmp_path / "回执后.pdf"
    command = ("print", number, "--doc", "service", "--db", db, "--out", str(reprint))
    assert run(capsys, "--today", signed.isoformat(), *command)[0] == 0
    assert "送达日期2026年11月23日" in pdf_lines(reprint)
    code, shown, _ = run(capsys, "--today", signed.isoformat(), "case", "show", number, "--db", db)
    assert "第1次送达，回执签收日期 2026-11-23" in shown


def test_a_service_receipt_the_printer_did_not_take_keeps_its_number(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The results are handed over whatever the printer does; a 送达回证 it did not take is a problem (exit 1), as for
    every paper, and keeps its number with the failed print on its record: printed later, it is the same paper."""
    path = tmp_path / "cli.sqlite3"
    db = made_database(path)
    number = accepted_case(db)
    assert run(capsys, "item", "route", number, "--db", db)[0] == 0
    entrusted = [f"--entrust={item}={ENTRUSTMENT}" for item in by_command(ITEMS, db)]
    assert run(capsys, "site", "authority", ACTS_OPTION, *entrusted, "--db", db)[0] == 0
    for n, item in enumerate(ITEMS):
        assert run(capsys, "item", "sign", number, item, "--db", db)[0] == 0
        assert (
            run(capsys, "item", "approve", number, item, "--result-no", f"XK-{n}", *ENTERED_OPTIONS, "--db", db)[0] == 0
        )
    posted = ("--way", "post", "--carrier", "中国邮政EMS", "--tracking-no", "1151234567890", "--db", db)
    with monkeypatch.context() as no_cups:
        no_cups.setenv("PATH", str(tmp_path / "no-programs"))  # a desk without a print service
        code, printed, err = run(capsys, "hand-over", number, *posted, "--printer")
    assert (code, "送达 4 项" in printed) == (1, True)
    assert "本机没有安装打印服务" in err
    out = tmp_path / "回证.pdf"
    code, printed, _ = run(capsys, "print", number, "--doc", "service", "--out", str(out), "--db", db)
    assert code == 0
    with closing(sqlite3.connect(path)) as made:
        [(doc_no,)] = made.execute("SELECT doc_no FROM document_record WHERE kind LIKE 'service%'")
        prints = made.execute("SELECT target, ok FROM print_record ORDER BY id").fetchall()
    assert printed.split("\t")[0] == doc_no
    assert prints == [("printer:", 0), (f"file:{out}", 1)]
