"""告知承诺 from the command line, on a real SQLite database: 035's 消防 item refused to a window without the
brigade's 授权, granted with it, listed for the brigade with its 核查 date, found false and revoked, and its papers
written (国办发〔2020〕42号; 行政许可法 第六十九条第二款).  In the entrusted standing each step that binds the
applicant is refused while its paper cannot be made (the brigade's 复议 body not set), each paper is dated the day
its step made it, and each period runs from the paper's recorded service."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.entered_for import Entered
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from tests.conftest import made_database
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED, ENTERED_OPTIONS, entrust
from tests.test_cli import run

TODAY = dt.date(2026, 11, 20)
FIRE = "YJS035-05"
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")


def homestay_case(db: str) -> str:
    engine = make_engine(db)
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=DESK)
        stored = current_guide(s, "XAM-YJS-035")
        assert stored is not None
        checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
        applicant = Applicant(ApplicantKind.PERSON, "孟根", make_id_number("152201", dt.date(1980, 1, 1), 59))
        taken = take_intake(s, DESK, IntakeRequest(checklist, Parties(applicant)), TODAY, office_calendar(s))
    engine.dispose()
    return taken.case_no


def entrusted(db: str) -> None:
    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        entrust(s, DESK, FIRE)
    engine.dispose()


def pledge_number(db: str) -> str:
    """The number the 告知承诺书 of the case's 消防 item took; empty until it is made."""
    engine = make_engine(db)
    with make_sessions(engine)() as s:
        number = s.scalars(select(models.PledgeCheck.pledge_doc_no).where(models.PledgeCheck.item_code == FIRE)).one()
    engine.dispose()
    return number


def test_a_promise_granted_checked_and_revoked_from_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0  # the bundled catalog, imported at first use
    number = homestay_case(db)
    day = ("--db", db, "--today", TODAY.isoformat())

    def on(today: str) -> tuple[str, ...]:
        return ("--db", db, "--today", today)

    number_given = ("--result-no", "乌消安检字〔2026〕第0123号")
    code, _, err = run(capsys, "item", "pledge", number, FIRE, *number_given, *day)
    assert code == 1
    assert "乌兰浩特市消防救援大队" in err  # the window may not decide the brigade's item without its 授权
    code, _, err = run(capsys, "item", "pledge", number, "YJS035-01", *number_given, *day)
    assert (code, err.strip()) == (1, f"办件 {number} 的事项 YJS035-01 在办事指南中未实行告知承诺，不能依承诺当场许可")
    entrusted(db)
    code, _, err = run(capsys, "item", "pledge", number, FIRE, *number_given, *day)
    assert code == 1  # a desk without accounts could never take a false promise to its end: it does not grant
    assert "本机没有启用账号" in err
    password = "Xam-2026-fuze"
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    clerk, user = ("--user", "saran"), ("--user", "batu")
    for by, login, name, roles in (
        ((), "batu", "巴图", ("admin", "clerk", "supervisor")),
        (user, "saran", "萨仁", ("clerk",)),
    ):
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        given = [arg for role in roles for arg in ("--role", role)]
        assert run(capsys, *by, "user", "add", login, "--name", name, *given, "--db", db, "--password-stdin")[0] == 0
    code, _, err = run(capsys, *clerk, "item", "pledge", number, FIRE, *number_given, *day)
    assert code == 1  # entered for the brigade under its 授权: its 文号 and officer, or nothing kept
    assert "尚未填写：部门文号、承办人" in err
    lapsed = ("--valid-until", (TODAY - dt.timedelta(days=1)).isoformat())  # ended before its grant: refused
    code, _, err = run(capsys, *clerk, "item", "pledge", number, FIRE, *number_given, *lapsed, *ENTERED_OPTIONS, *day)
    assert code == 1
    assert "早于准予决定的日期" in err
    valid = ("--valid-until", "2029-12-17")  # the licence's 有效期限, as any 准予 keeps it
    code, out, _ = run(capsys, *clerk, "item", "pledge", number, FIRE, *number_given, *valid, *ENTERED_OPTIONS, *day)
    assert code == 0
    assert "核查期限 2026-12-18" in out
    code, out, _ = run(capsys, *clerk, "case", "show", number, "--db", db)
    assert "乌消安检字〔2026〕第0123号" in out  # the licence's own number, not "告知承诺"
    code, out, _ = run(capsys, *clerk, "case", "show", number, "--json", "--db", db)
    [note] = [h["note"] for h in json.loads(out)["history"] if h["event"] == "item_approved"]
    assert note.endswith("乌消安检字〔2026〕第0123号〔有效期至2029-12-17〕")  # kept as any 准予's
    department = ("--department", "乌兰浩特市消防救援大队")
    code, out, _ = run(capsys, *clerk, "item", "pledges", *department, "--json", "--db", db)
    [row] = json.loads(out)
    assert (row["case_no"], row["item"], row["check_due"], row["kept"]) == (number, FIRE, "2026-12-18", None)
    nowhere = tmp_path / "usb" / "pledge.pdf"  # a stick not in: named, as for every paper, and no folder made
    code, _, err = run(capsys, *clerk, "item", "pledge-paper", number, FIRE, "--out", str(nowhere), *day)
    assert (code, f"文件夹 {nowhere.parent} 不存在" in err) == (1, True)
    assert not nowhere.parent.exists()
    assert pledge_number(db) == ""  # refused before it was made: its series has no gap
    pledge = tmp_path / "pledge.pdf"
    assert run(capsys, *clerk, "item", "pledge-paper", number, FIRE, "--out", str(pledge), *day)[0] == 0
    assert "三、违诺后果" in pdf_text(pledge, page=1)
    assert pledge_number(db) in pdf_text(pledge, page=1)
    check = (*ENTERED_OPTIONS, *on("2026-12-10"))  # the brigade's check, entered for it under its 授权
    finding = "疏散通道被封堵，与承诺内容不符。"
    code, _, err = run(capsys, *clerk, "item", "check", number, FIRE, "--false", finding, *check)
    assert code == 1  # a revocation is a supervisor's, as a 不予批准 is
    code, _, err = run(capsys, *user, "item", "check", number, FIRE, "--false", finding, *check)
    assert code == 1  # 消防法 第五十八条第二款: a correction is ordered first, within days the brigade sets
    assert "期限" in err
    false = ("item", "check", number, FIRE, "--false", finding, "--correct-within")
    code, _, err = run(capsys, *user, *false, "1", *check)
    assert code == 1
    assert "期限不得少于 5 个工作日" in err  # one working day is no chance to correct
    code, _, err = run(capsys, *user, *false, "5", *check)
    assert code == 1  # its order names the brigade's 复议 body, which the site has not named: nothing recorded
    assert err.startswith(f"办件 {number} 事项 {FIRE} 不能出具这种文书：")
    assert "“单位信息”的“例外”" in err  # the setting, named
    assert "乌兰浩特市消防救援大队" in err
    assert brigade_row(capsys, user, db)["checked_on"] is None
    named = "乌兰浩特市消防救援大队=兴安盟消防救援支队|乌兰浩特市人民法院"
    naming = ("office", "--rights-overrides", named, "--db", db)
    other = "乌兰浩特市市场监督管理局=乌兰浩特市人民政府|乌兰浩特市人民法院"  # the brigade's line taken back
    unname = ("office", "--rights-overrides", other, "--db", db)
    assert run(capsys, *user, *naming)[0] == 0
    code, _, err = run(capsys, *user, *false, "5", *on("2026-12-10"))
    assert code == 1  # entered for the brigade: its 文号 and officer, or nothing kept
    assert "尚未填写：部门文号、承办人" in err
    assert brigade_row(capsys, user, db)["checked_on"] is None
    code, out, _ = run(capsys, *user, *false, "5", *check)
    assert code == 0
    assert out.startswith(f"办件 {number} 事项 {FIRE}：承诺不实，已责令自通知书送达之日起 5 个工作日内改正")
    code, _, err = run(capsys, *user, "item", "check", number, FIRE, "--kept", *on("2026-12-16"))
    assert code == 1
    assert "已核查认定承诺不实，不能改记为属实" in err  # the false finding stands
    correction = tmp_path / "correction.pdf"
    papers = ("item", "pledge-paper", number, FIRE, "--out")
    assert run(capsys, *user, *papers, str(correction), "--correction", *on("2026-12-14"))[0] == 0
    text = pdf_text(correction, page=1)
    assert "本机关责令你自收到本通知书之日起5个工作日内改正" in text
    assert "2026年12月10日" in text  # dated the day the check made it
    assert "2026年12月14日" not in text
    assert entered_line(ENTERED, "通知书") in text  # the brigade's 文号 and officer of its check
    recheck = ("item", "recheck", number, FIRE, *ENTERED_OPTIONS)
    code, _, err = run(capsys, *user, *recheck, "--lapsed", "通道仍被封堵。", *on("2026-12-11"))
    assert code == 1
    assert "请先记录送达" in err  # its period runs from its service, not yet recorded
    code, out, _ = run(capsys, *user, "item", "serve", number, FIRE, "--correction", "--hand", "孟根",
                       "--on", "2026-12-11", *on("2026-12-11"))  # fmt: skip
    assert (code, out.strip()) == (0, f"办件 {number} 事项 {FIRE}：已记录 2026-12-11 送达，期限至 2026-12-18")
    revoke = ("item", "revoke", number, FIRE, *ENTERED_OPTIONS)
    code, _, err = run(capsys, *user, *revoke, "--unheard", *on("2026-12-21"))
    assert code == 1
    assert "尚未记录复查结果" in err  # no revocation without the 复查's finding
    code, _, err = run(capsys, *user, *recheck, "--lapsed", "通道仍被封堵。", *on("2026-12-18"))
    assert code == 1
    assert "责令改正的期限未满" in err  # the last day to correct is the applicant's
    rechecked = "复查发现二层疏散通道仍被封堵。"
    code, out, _ = run(capsys, *user, *recheck, "--lapsed", rechecked, *on("2026-12-21"))
    assert (code, out.strip()) == (0, f"办件 {number} 事项 {FIRE}：已记录复查结果（期满未改正）")
    hear = ("item", "hear", number, FIRE, "--within", "5", *ENTERED_OPTIONS, *on("2026-12-21"))
    assert run(capsys, *user, *unname)[0] == 0  # the site's setting taken back: the revocation could not be made
    code, _, err = run(capsys, *user, *hear)
    assert code == 1
    assert "“单位信息”的“例外”" in err  # so it is not announced
    assert run(capsys, *user, *naming)[0] == 0
    code, out, _ = run(capsys, *user, *hear)
    assert code == 0
    assert out.startswith(f"办件 {number} 事项 {FIRE}：已告知陈述、申辩的权利，期限为告知书（")
    code, _, err = run(capsys, *user, *revoke, "--unheard", *on("2026-12-22"))
    assert code == 1
    assert "请先记录送达" in err  # the period to be heard has not begun
    hearing = tmp_path / "hearing.pdf"
    assert run(capsys, *user, *papers, str(hearing), "--hearing", *on("2026-12-22"))[0] == 0
    text = pdf_text(hearing, page=1)
    assert "你有权进行陈述和申辩。请自收到本告知书之日起5个工作日内向本机关提出陈述、申辩意见" in text
    assert "2026年12月21日" in text  # the day it was made, printed the next
    assert "2026年12月22日" not in text
    assert "本机关于2026年12月21日复查，你期满未改正：" + rechecked in text
    assert entered_line(ENTERED, "告知书") in text
    code, out, _ = run(capsys, *user, "item", "serve", number, FIRE, "--hearing", "--post", "1190123456789",
                       "--on", "2026-12-23", *on("2026-12-23"))  # fmt: skip
    assert (code, out.strip()) == (0, f"办件 {number} 事项 {FIRE}：已记录 2026-12-23 送达，期限至 2026-12-30")
    code, _, err = run(capsys, *user, *revoke, "--unheard", *on("2026-12-30"))
    assert code == 1
    assert "陈述申辩期限未满" in err  # the last day to be heard is the applicant's
    assert run(capsys, *user, *unname)[0] == 0
    code, _, err = run(capsys, *user, *revoke, "--unheard", *on("2026-12-31"))
    assert code == 1
    assert "“单位信息”的“例外”" in err  # not revoked on record without its paper
    assert run(capsys, *user, *naming)[0] == 0
    said = "通道内是临时堆放的货物，当天已清走"
    code, _, err = run(capsys, *user, *revoke, "--said", said, *on("2026-12-31"))
    assert code == 1
    assert "复核意见" in err  # what was said is answered
    answer = "经复查通道仍被封堵，申辩理由不成立"
    code, out, _ = run(capsys, *user, *revoke, "--said", said, "--answer", answer, *on("2026-12-31"))
    assert code == 0
    assert out.startswith(f"办件 {number} 事项 {FIRE}：承诺不实，许可已撤销（决定书 ")
    check = on("2026-12-31")
    assert json.loads(run(capsys, *user, "item", "pledges", "--json", "--db", db)[1]) == []
    code, out, _ = run(capsys, *user, "case", "show", number, "--db", db)
    assert f"已撤销的许可：事项 {FIRE} 于 2026-12-31 撤销（告知承诺不实）：{finding}" in out  # the case's own record
    assert f"{finding}（部门文号{ENTERED.department_no}，承办人{ENTERED.officer}）" in out  # the history line: whose
    code, out, _ = run(capsys, *user, "item", "list", number, *check)
    [line] = [line for line in out.splitlines() if line.startswith(FIRE)]
    assert "已撤销（2026-12-31）" in line  # the licence is no longer held
    assert "准予" not in line
    code, out, _ = run(capsys, *user, "item", "list", number, "--json", *check)
    [row] = [row for row in json.loads(out) if row["code"] == FIRE]
    assert (row["state"], row["revoked_on"]) == ("approved", "2026-12-31")
    revoked = tmp_path / "revoked.pdf"
    paper = ("item", "pledge-paper", number, FIRE, "--revocation", "--out", str(revoked))
    assert run(capsys, *user, *paper, *check)[0] == 0
    text = pdf_text(revoked, page=1)
    assert "本机关于2026年12月21日复查，你期满未改正：" + rechecked in text  # one 复查 finding
    assert "期满未改正或者改正后仍不符合承诺内容" not in text
    assert "告知书于2026年12月23日送达，陈述、申辩期限至2026年12月30日" in text  # the hearing, from its service
    assert f"你提出陈述、申辩意见：{said}。本机关复核认为：{answer}。" in text  # and what it gave
    assert "本机关决定撤销该行政许可" in text
    assert "兴安盟消防救援支队申请行政复议" in text
    assert "2026年12月31日" in text  # the revocation's day
    assert entered_line(ENTERED, "决定书") in text  # the brigade's decision, entered: its 文号 and officer
    assert "以本机关名义出具" in text.replace("\n", "")  # the hall issued what the brigade decided
    assert "以本机关名义作出" not in text.replace("\n", "")
    later = tmp_path / "revoked-later.pdf"
    assert run(capsys, *user, "item", "pledge-paper", number, FIRE, "--revocation", "--out", str(later),
               *on("2027-01-04"))[0] == 0  # fmt: skip
    assert pdf_text(later, page=1) == text  # printed again later: the same paper, of the day it was made
    code, out, _ = run(capsys, *user, "item", "serve", number, FIRE, "--revocation", "--window", "孟根",
                       "--on", "2026-12-31", *check)  # fmt: skip
    assert (code, out.strip()) == (0, f"办件 {number} 事项 {FIRE}：已记录 2026-12-31 送达")  # no period runs from it
    code, _, err = run(capsys, *user, "item", "serve", number, FIRE, "--revocation", "--window", "孟根",
                       "--on", "2026-12-31", *check)  # fmt: skip
    assert code == 1
    assert "送达已经记录" in err


def entered_line(entered: Entered, noun: str) -> str:
    """The line a paper of a step entered for the brigade prints: its 文号 and officer."""
    return f"本机关决定文号：{entered.department_no}；承办人：{entered.officer}。本{noun}由"


def brigade_row(capsys: pytest.CaptureFixture[str], user: tuple[str, ...], db: str) -> dict[str, object]:
    """The case's 消防 item on the brigade's list of grants on a promise, checked or not."""
    code, out, _ = run(capsys, *user, "item", "pledges", "--all", "--json", "--db", db)
    assert code == 0
    [row] = json.loads(out)
    return dict(row)


def test_a_promise_found_kept_reads_so_in_the_brigades_list(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    number = homestay_case(db)
    entrusted(db)
    password = "Xam-2026-fuze"
    monkeypatch.setenv("COUNTER_PASSWORD", password)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    roles = ("--role", "admin", "--role", "clerk", "--role", "supervisor")
    assert run(capsys, "user", "add", "batu", "--name", "巴图", *roles, "--db", db, "--password-stdin")[0] == 0
    user, day = ("--user", "batu"), ("--db", db, "--today", TODAY.isoformat())
    assert (
        run(
            capsys,
            *user,
            "item",
            "pledge",
            number,
            FIRE,
            "--result-no",
            "乌消安检字〔2026〕第0123号",
            *ENTERED_OPTIONS,
            *day,
        )[0]
        == 0
    )
    department = ("--department", "乌兰浩特市消防救援大队")
    code, out, _ = run(capsys, *user, "item", "pledges", *department, "--db", db)
    assert code == 0
    name = "公众聚集场所投入使用、营业前消防安全检查"
    line = f"2026-12-18  乌兰浩特市消防救援大队  {number}  {FIRE}  {name}  许可 2026-11-20"
    assert out == line + "\n"  # not checked yet: nothing after the grant's day

    check = (*ENTERED_OPTIONS, "--db", db, "--today", "2026-12-10")
    code, out, _ = run(capsys, *user, "item", "check", number, FIRE, "--kept", *check)
    assert (code, out) == (0, f"办件 {number} 事项 {FIRE}：核查属实\n")
    code, out, _ = run(capsys, *user, "item", "pledges", *department, "--db", db)
    assert (code, out) == (0, "")  # checked: off the list of those to check
    code, out, _ = run(capsys, *user, "item", "pledges", *department, "--all", "--db", db)
    assert out == f"{line}  2026-12-10 核查属实\n"
    code, _, err = run(capsys, *user, "item", "check", number, FIRE, "--kept", *check)
    assert (code, err) == (1, f"办件 {number} 的事项 {FIRE} 已经核查，核查结果只能记录一次\n")
