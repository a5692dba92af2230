"""The command line: exit codes, every problem listed, JSON keys stable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from counter.__main__ import window_args
from counter.access.desk import Desk
from counter.case.numbers import DeskIdentity
from counter.cli.main import main
from counter.db.engine import make_engine, make_sessions
from counter.intake.checklist import Receipt, record
from tests.actions.test_intake_actions import full_request, take
from tests.conftest import SHIPPED_CATALOG, made_database
from tests.entrusted import ACTS_OPTION, ENTRUSTMENT, by_command


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return made_database(tmp_path / "cli.sqlite3")


def test_shipped_catalog_validates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "validate", str(SHIPPED_CATALOG))
    assert code == 0
    assert "103 个一件事" in out


@pytest.mark.slow
def test_broken_catalog_lists_every_problem_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    folder = tmp_path / "catalog"
    shutil.copytree(SHIPPED_CATALOG, folder)
    (folder / "006.toml").write_text('code = "XAM-YJS-006"\nname = [', encoding="utf-8")
    text = (folder / "008.toml").read_text(encoding="utf-8")
    (folder / "008.toml").write_text(text.replace('desk_no = "8号窗口"', 'desk_no = ""'), encoding="utf-8")
    code, out, _ = run(capsys, "catalog", "validate", str(folder), "--json")
    assert code == 1
    problems = json.loads(out)["problems"]
    assert {(p["file"], p["rule"]) for p in problems} >= {
        ("006.toml", "syntax"),
        ("008.toml", "address_without_desk"),
    }
    assert all(p["message"] for p in problems)
    code, _, err = run(capsys, "catalog", "import", str(folder), "--db", db)
    assert code == 1
    assert "未导入任何内容" in err
    code, out, _ = run(capsys, "--db", db, "catalog", "list", "--json")
    assert code == 0  # the bundled catalog, not the broken one, is what the desk has


def test_list_and_find_say_daihe_for_a_draft_and_weifabu_only_without_a_guide(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "catalog", "list", "--db", db)
    assert code == 0
    lines = {line.split()[1]: line for line in out.splitlines()}
    assert lines["XAM-YJS-001"].endswith("（待核）")  # a draft guide, taken in training or where the site allows it
    assert lines["XAM-YJS-008"].endswith("我要开小餐馆（50平方米以下）")  # published: nothing beside the name
    assert "未发布" not in out  # every shipped bundle has a guide
    code, out, _ = run(capsys, "catalog", "list", "--json", "--db", db)
    by_code = {e["code"]: e for e in json.loads(out)}
    assert (by_code["XAM-YJS-001"]["status"], by_code["XAM-YJS-001"]["published"]) == ("draft", False)
    assert (by_code["XAM-YJS-008"]["status"], by_code["XAM-YJS-008"]["published"]) == ("published", True)
    code, out, _ = run(capsys, "catalog", "find", "木材加工", "--db", db)
    assert code == 0
    assert "我要开木材加工厂  （待核）" in out
    code, out, _ = run(capsys, "catalog", "find", "木材加工", "--json", "--db", db)
    assert json.loads(out)["hits"][0]["status"] == "draft"


def test_list_show_and_import_new_version(capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str) -> None:
    code, out, _ = run(capsys, "catalog", "list", "--json", "--db", db)
    assert code == 0
    listed = json.loads(out)
    assert len(listed) == 103
    assert set(listed[0]) == {"code", "number", "name", "published", "status"}
    code, out, _ = run(capsys, "catalog", "show", "xcg", "--json", "--db", db)
    assert code == 0
    shown = json.loads(out)
    assert (shown["code"], shown["version"]) == ("XAM-YJS-008", 1)
    code, out, _ = run(capsys, "catalog", "show", "8", "--db", db)
    assert "8号窗口" in out

    folder = tmp_path / "edited"
    shutil.copytree(SHIPPED_CATALOG, folder)
    path = folder / "008.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("8号窗口", "9号窗口"), encoding="utf-8")
    code, out, _ = run(capsys, "catalog", "import", str(folder), "--json", "--db", db)
    assert code == 0
    assert json.loads(out)["new_versions"] == ["XAM-YJS-008"]
    code, out, _ = run(capsys, "catalog", "show", "XAM-YJS-008", "--json", "--db", db)
    assert json.loads(out)["version"] == 2


def test_show_prints_a_draft_whole_and_says_it_is_one(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """A 待核 guide is read in full (a clerk checks it before it is published), under the words that say so."""
    code, out, _ = run(capsys, "catalog", "show", "1", "--db", db)
    assert code == 0
    assert "待核指南：已起草并通过校验" in out
    assert "指南未发布" not in out
    assert "食品生产许可" in out
    assert "咨询电话：" not in out  # the site's phones, not the guide's: no empty line for them


def test_show_says_a_material_fetched_by_data_sharing_is_not_to_be_handed_in(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """Bundle 33's 营业执照 is fetched by data sharing (第十条): its line says the applicant hands nothing in; the
    营业执照 a bundle's own 设立登记 issues is not (017's M07): it is passed on inside the case."""
    code, out, _ = run(capsys, "catalog", "show", "33", "--db", db)
    assert code == 0
    (line,) = [line for line in out.splitlines() if line.startswith("  M02 营业执照")]
    assert line.endswith("；数据共享获取，免提交")
    code, out, _ = run(capsys, "catalog", "show", "17", "--db", db)
    (line,) = [line for line in out.splitlines() if line.startswith("  M07 营业执照")]
    assert "免提交" not in line


def test_show_names_each_department_for_the_site(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "catalog", "show", "8", "--db", db)
    assert code == 0
    assert "{place}" not in out
    assert "服务对象：自然人、企业法人、非法人企业" in out
    signs = "乌兰浩特市城市管理综合行政执法局"
    assert f"户外招牌设置审批（{signs}；旗县市区级；窗口受{signs}委托受理）" in out
    code, out, _ = run(capsys, "catalog", "show", "8", "--json", "--db", db)
    shown = json.loads(out)
    assert shown["service_objects"] == ["自然人", "企业法人", "非法人企业"]
    first = shown["items"][0]
    assert (first["department"], first["decider_name"]) == ("{place}市场监督管理局", "乌兰浩特市市场监督管理局")
    assert (first["level"], first["entrusted"]) == ("county", True)


def test_template_then_import_of_the_empty_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    out_file = tmp_path / "模板.xlsx"
    code, _, _ = run(capsys, "catalog", "template", "--out", str(out_file))
    assert code == 0
    assert out_file.stat().st_size > 0
    code, _, _ = run(capsys, "catalog", "validate", str(out_file))
    assert code == 0


@pytest.mark.slow  # about a second alone: in the full run, not the quick tier
def test_demo_then_case_show_and_list(capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str) -> None:
    code, said, _ = run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", "2026-11-20", "--db", db)
    assert code == 0
    numbers = [line.split("\t")[0] for line in said.splitlines()]
    assert len(numbers) == 8  # two cases appear twice: taken, then completed or denied
    pdfs = sorted(p.name for p in (tmp_path / "demo").glob("*.pdf"))
    kinds = {name.rsplit("-", 1)[-1] for name in pdfs}
    # no 不予批准决定书: the lapse left 食品经营许可 to 市监局, which denies it in its own name, not the window
    assert kinds == {"application.pdf", "receipt.pdf", "deferral.pdf", "pledge.pdf", "correction.pdf", "refusal.pdf",
                     "guide_notice.pdf"}  # fmt: skip
    assert (tmp_path / "demo" / "cases.json").exists()
    code, out, _ = run(capsys, "case", "show", numbers[1], "--json", "--db", db)
    assert code == 0
    shown = json.loads(out)
    assert shown["case_no"] == numbers[1]
    assert shown["status"] == "in_approval"
    assert {"materials", "history", "applicant_name", "promised_on", "deferred_open"} <= set(shown)
    code, out, _ = run(capsys, "case", "list", "--json", "--db", db, "--today", "2026-11-20")
    rows = json.loads(out)
    assert {r["case_no"] for r in rows} == set(numbers)
    assert len(rows) == 6
    assert set(rows[0]) == {
        "case_no", "status", "status_text", "bundle_name", "applicant_name",
        "received_on", "desk_no", "next_due", "overdue",
    }  # fmt: skip
    summary = json.loads((tmp_path / "demo" / "cases.json").read_text("utf-8"))
    listed = {r["case_no"]: r["status_text"] for r in rows}
    assert {c["case_no"]: c["status_text"] for c in summary} == listed  # each state as its page names it
    assert all(dt.datetime.fromisoformat(h["at"]).tzinfo for c in summary for h in c["history"])  # zoned, as --json
    assert "已收件" in listed.values()  # the hall only received what no department entrusted it with
    # the applicant told the finding and not insisting withdrew: the list says so, never 不予受理
    printed = dict(line.split("\t") for line in said.splitlines())
    withdrawn = [printed[r["case_no"]] for r in rows if r["status"] == "withdrawn"]
    assert withdrawn == ["撤回申请"]
    assert not [label for label in printed.values() if "不予受理" in label]
    code, out, _ = run(capsys, "case", "show", numbers[0], "--db", db)
    assert "办件编号" in out
    code, _, err = run(capsys, "case", "show", "XAM01-20990101-01-0001", "--db", db)
    assert code == 1
    assert "未找到办件" in err


def test_misuse_exits_2(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, "catalog")[0] == 2
    assert run(capsys, "nonsense")[0] == 2
    code, _, err = run(capsys, "case", "list", "--today", "2026-13-01", "--db", db)
    assert code == 2
    assert "YYYY-MM-DD" in err
    code, _, err = run(capsys, "desk", "--desk", "八号")
    assert code == 2
    assert "窗口号" in err


def test_holiday_import_and_edit(capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str) -> None:
    schedule = tmp_path / "2027.txt"
    schedule.write_text("2027-01-01,off\n2027-02-06,work\n", encoding="utf-8")
    code, out, _ = run(capsys, "holidays", "import", str(schedule), "--year", "2027", "--db", db)
    assert code == 0
    code, out, _ = run(capsys, "holidays", "list", "--json", "--db", db)
    listed = json.loads(out)
    assert listed["covered_until"] == "2027-12-31"
    assert {"date": "2027-01-01", "kind": "off", "source": "2027.txt"} in listed["days"]
    schedule.write_text("元旦：这一行看不懂\n", encoding="utf-8")
    code, out, err = run(capsys, "holidays", "import", str(schedule), "--year", "2028", "--db", db)
    assert code == 1
    assert "未导入任何内容" in err
    assert run(capsys, "holidays", "set", "2027-03-08", "off", "--db", db)[0] == 0
    whole_year = "\n".join(f"{dt.date(2028, 1, 1) + dt.timedelta(days=n)},off" for n in range(336))
    schedule.write_text(whole_year, encoding="utf-8")
    code, out, err = run(capsys, "holidays", "import", str(schedule), "--year", "2028", "--db", db)
    assert code == 1
    assert "全年列出240个周一至周五放假，多于25个" in out
    code, out, _ = run(capsys, "holidays", "list", "--json", "--db", db)
    assert not [d for d in json.loads(out)["days"] if d["date"].startswith("2028")]


def test_a_database_from_a_newer_program_is_refused(capsys: pytest.CaptureFixture[str], db: str) -> None:
    from sqlalchemy import text

    from counter.db.engine import make_engine

    assert run(capsys, "db", "upgrade", "--db", db)[0] == 0
    with make_engine(db).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    code, _, err = run(capsys, "db", "upgrade", "--db", db)
    assert code == 1
    assert "更新版本" in err


def test_a_database_from_before_the_first_release_is_refused_in_chinese(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, db: str
) -> None:
    """Its revision was folded into the baseline: named for what it is, not as a newer program's, nor upgraded."""
    from sqlalchemy import text

    from counter.db.engine import make_engine
    from counter.words.database import SCHEMA_PRE_RELEASE

    with make_engine(db).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0050_pledge_steps'"))
    for command in (["db", "upgrade"], ["catalog", "list"]):
        code, _, err = run(capsys, *command, "--db", db)
        assert (code, err.strip()) == (1, SCHEMA_PRE_RELEASE)
    assert "0050_pledge_steps" in caplog.text
    with make_engine(db).connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0050_pledge_steps"


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--exit-when-ready"], True),
        (["--db", "sqlite:///x.sqlite3", "--today", "2026-11-20"], True),
        (["catalog", "validate", "counter/resources/catalog"], False),
        (["--db", "sqlite:///x.sqlite3", "case", "show", "XAM01-20261120-01-0001"], False),
        (["-h"], False),
        (["--db"], False),
    ],
)
def test_a_window_start_is_told_from_a_command(argv: list[str], window: bool) -> None:
    assert (window_args(argv) is not None) == window


def test_an_option_without_its_value_is_named_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db")
    assert code == 2
    assert err.count("后面须跟一个值") == 1


def test_the_office_options_are_the_fields_of_the_office_settings() -> None:
    from dataclasses import fields

    from counter.cli.office_options import OFFICE_FIELDS
    from counter.documents.data import OfficeSettings

    assert tuple(f.name for f in fields(OfficeSettings)) == OFFICE_FIELDS


def test_the_command_line_alone_asks_for_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)  # the window is counter.__main__'s, never the command line's
    assert code == 2
    assert "counter -h" in err


def test_the_program_hands_a_command_to_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from counter.__main__ import main as program

    assert program(["catalog", "validate", str(SHIPPED_CATALOG)]) == 0
    assert "103 个一件事" in capsys.readouterr().out


def test_the_program_says_its_version_and_what_it_runs_on(capsys: pytest.CaptureFixture[str]) -> None:
    """What support asks first, answered without a database, a log or a window."""
    import sqlalchemy

    from counter import __version__
    from counter.__main__ import main as program
    from counter.db.revision import HEAD

    assert program(["--version"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"counter {__version__}"
    assert [line.split(" ", 1)[0] for line in lines[1:]] == ["Python", "Qt", "PySide6", "reportlab", "SQLAlchemy",
                                                             "schema"]  # fmt: skip
    assert f"SQLAlchemy {sqlalchemy.__version__}" in lines
    assert lines[-1] == f"schema {HEAD}"


def test_a_damaged_database_is_named_as_such(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database at all, but long enough to be read as one" * 100)
    code, _, err = run(capsys, "--db", f"sqlite:///{damaged}", "case", "list")
    assert code == 1
    assert "数据库文件已损坏" in err


def test_a_database_never_made_is_named_missing_and_not_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A ``--db`` file that is not there is not made by opening it: the path and the command that makes one are said."""
    missing = tmp_path / "share" / "counter.sqlite3"
    code, out, err = run(capsys, "--db", f"sqlite:///{missing}", "case", "list")
    assert code == 1
    assert out == ""
    assert f"找不到数据库文件：{missing}" in err
    assert "文件夹" in err  # its folder is gone too: the share, not the file, is what to look for
    assert f"counter db upgrade --db sqlite:///{missing}" in err
    assert not missing.parent.exists()


def test_a_database_gone_after_use_is_not_made_anew(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The file this machine worked on, gone (a share not mounted today): named as used here, never made empty."""
    path = tmp_path / "counter.sqlite3"
    db = made_database(path)
    assert run(capsys, "--db", db, "case", "list")[0] == 0
    path.unlink()
    code, _, err = run(capsys, "--db", db, "case", "list")
    assert code == 1
    assert f"找不到数据库文件：{path}" in err
    assert "本机自" in err
    assert "起使用过这个数据库" in err
    assert "counter db upgrade" not in err  # not a database to set up: the one worked on is what is missing
    assert not path.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["catalog", "list"],
        ["case", "list"],
        pytest.param(["demo", "--today", "2026-11-20", "--out", "{tmp}"], marks=pytest.mark.slow),
        ["case", "show", "X"],
    ],
    ids=["catalog-list", "case-list", "demo", "a-reported-problem"],
)
def test_a_command_closes_every_connection_it_opened(argv: list[str], tmp_path: Path, db: str) -> None:
    """Left to the garbage collector, an open SQLite connection is a ResourceWarning from Python 3.13 on."""
    from sqlalchemy import event
    from sqlalchemy.pool import Pool

    opened: list[object] = []
    closed: list[object] = []

    def on_connect(dbapi_connection: object, _record: object) -> None:
        opened.append(dbapi_connection)

    def on_close(dbapi_connection: object, _record: object) -> None:
        closed.append(dbapi_connection)

    event.listen(Pool, "connect", on_connect)
    event.listen(Pool, "close", on_close)
    try:
        main([*(arg.format(tmp=tmp_path) for arg in argv), "--db", db])
    finally:
        event.remove(Pool, "connect", on_connect)
        event.remove(Pool, "close", on_close)
    assert opened
    assert sorted(map(id, closed)) == sorted(map(id, opened))


def test_notice_takes_the_bundle_as_catalog_show_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    """Pinyin initials, number and name name the same bundle for ``notice`` as for ``catalog show``."""
    for number, wanted in enumerate(("xcg", "8", "XAM-YJS-008")):
        out_file = tmp_path / f"notice-{number}.pdf"
        code, _, err = run(capsys, "notice", wanted, "--out", str(out_file), "--db", db)
        assert (code, err) == (0, "")
        assert out_file.read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "notice", "XAM-YJS-999", "--out", str(tmp_path / "none.pdf"), "--db", db)
    assert code != 0


@pytest.mark.slow
def test_an_unanswered_correction_lapses_from_the_command_line_only_after_its_deadline(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db: str
) -> None:
    code, out, _ = run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", "2026-11-20", "--db", db)
    assert code == 0
    correction = _correction_taken(db)
    # the lapse ends every item of the application: the window's where the departments entrusted it, a supervisor's
    items = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04")
    assert (
        run(
            capsys,
            "site",
            "authority",
            ACTS_OPTION,
            *(f"--entrust={i}={ENTRUSTMENT}" for i in by_command(items, db)),
            "--db",
            db,
        )[0]
        == 0
    )
    code, _, err = run(capsys, "case", "correction-lapse", correction, "--today", "2026-12-14", "--db", db)
    assert code == 1  # the desk without accounts is a clerk
    assert "本机没有启用账号" in err
    password = "Xam-2026-fuze"
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--role", "clerk", "--role",
               "supervisor", "--db", db, "--password-stdin")[0] == 0  # fmt: skip
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    user = ("--user", "batu")
    code, out, _ = run(capsys, *user, "case", "show", correction, "--json", "--db", db)
    due = json.loads(out)["correction_due"]
    assert due == "2026-12-11"  # fifteen working days from Friday 20 November
    code, _, err = run(capsys, *user, "case", "correction-lapse", correction, "--today", due, "--db", db)
    assert code == 1
    assert "期限届满后的下一个工作日（2026-12-14）起" in err
    code, out, _ = run(capsys, *user, "case", "list", "--overdue", "--json", "--today", "2026-12-12", "--db", db)
    assert correction in [r["case_no"] for r in json.loads(out)]
    code, _, err = run(capsys, *user, "case", "correction-lapse", correction, "--today", "2026-12-12", "--db", db)
    assert code == 1  # a Saturday: the lapse is the act of the next working day
    code, out, _ = run(
        capsys,
        *user,
        "case",
        "correction-lapse",
        correction,
        "--today",
        "2026-12-14",
        "--note",
        "电话联系未果",
        "--db",
        db,
    )
    assert code == 0
    assert "视为放弃申请" in out
    code, out, _ = run(capsys, *user, "case", "show", correction, "--json", "--db", db)
    assert json.loads(out)["status"] == "correction_lapsed"
    code, out, _ = run(capsys, *user, "case", "list", "--overdue", "--json", "--today", "2026-12-14", "--db", db)
    assert correction not in [r["case_no"] for r in json.loads(out)]
    code, _, err = run(capsys, *user, "case", "correction-lapse", correction, "--today", "2026-12-15", "--db", db)
    assert code == 1
    assert "不是待补正的办件" in err


def _correction_taken(db: str) -> str:
    """A correction notice nobody answered, taken on 20 November 2026 through the intake action."""
    engine = make_engine(db)
    sessions = make_sessions(engine)
    request = full_request(sessions)
    request = dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))
    number = take(sessions, Desk(DeskIdentity("XAM01", "8"), "乌兰"), request, dt.date(2026, 11, 20))
    engine.dispose()
    return number
