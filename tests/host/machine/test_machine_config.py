"""The machine's desk settings under each user's desk.json: precedence, a broken machine file, where it is found."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from counter.cli import phrases
from counter.cli.main import main
from counter.host.machine.desk_config import (
    CHOICES,
    DeskConfig,
    PadMode,
    Source,
    config_path,
    keep_photo,
    load_desk_settings,
    save_desk_config,
)
from counter.host.machine.machine_config import ENV_PATH, MachineFault, MachineProblem, machine_config_path
from counter.host.machine.paths import data_dir

MACHINE = """\
# written once by whoever installs the desk
site_code = "HLR02"
site_name = "海拉尔区政务服务中心"
desk_no = 8
printer = "hall-a"
"""


@pytest.fixture
def machine_file(counter_home: Path) -> Path:
    """Where the test's machine file is (the suite's own fixture points ``COUNTER_MACHINE_CONFIG`` there)."""
    path = machine_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def write_user_file(values: dict[str, str]) -> None:
    config_path().write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")


def test_the_users_file_overrides_the_machines_field_by_field(machine_file: Path) -> None:
    machine_file.write_text(MACHINE, encoding="utf-8")
    write_user_file({"clerk": "乌兰", "printer": "my-own"})
    settings = load_desk_settings()
    assert settings.config == replace(
        DeskConfig(), site_code="HLR02", site_name="海拉尔区政务服务中心", desk_no="8", clerk="乌兰", printer="my-own"
    )
    assert settings.sources == {
        "site_code": Source.MACHINE, "site_name": Source.MACHINE, "desk_no": Source.MACHINE, "clerk": Source.USER,
        "staff_no": Source.DEFAULT, "photo": Source.DEFAULT, "pad_screen": Source.DEFAULT,
        "area_code": Source.DEFAULT, "printer": Source.USER, "pad_mode": Source.DEFAULT,
        "pad_keyboard": Source.DEFAULT, "text_scale": Source.DEFAULT, "id_reader": Source.DEFAULT,
        "id_reader_at": Source.DEFAULT, "id_reader_format": Source.DEFAULT, "queue_at": Source.DEFAULT,
        "queue_format": Source.DEFAULT, "pad_language": Source.DEFAULT,
        "pad_voice": Source.DEFAULT, "camera": Source.DEFAULT, "camera_at": Source.DEFAULT,
        "server": Source.DEFAULT, "server_ca": Source.DEFAULT,
    }  # fmt: skip
    assert settings.machine.problems == ()


def test_without_either_file_every_value_is_the_default(machine_file: Path) -> None:
    settings = load_desk_settings()
    assert settings.config == DeskConfig()
    assert set(settings.sources.values()) == {Source.DEFAULT}
    assert not settings.machine.found


def test_a_machine_file_that_is_not_toml_is_left_out_whole_and_the_users_file_still_counts(
    machine_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    machine_file.write_text(MACHINE.replace('"hall-a"', '"hall-a'), encoding="utf-8")
    write_user_file({"desk_no": "3"})
    with caplog.at_level(logging.WARNING):
        first, again = load_desk_settings(), load_desk_settings()
    assert first == again
    assert (first.config.site_code, first.config.desk_no, first.config.printer) == ("XAM01", "3", "")
    [problem] = first.machine.problems
    assert problem.fault is MachineFault.NOT_TOML
    assert "line 5" in problem.detail
    [logged] = [r.getMessage() for r in caplog.records if str(machine_file) in r.getMessage()]  # once, not per read
    assert "not_toml" in logged


def test_an_unreadable_machine_file_is_left_out(machine_file: Path) -> None:
    machine_file.mkdir()  # a folder where the file should be
    settings = load_desk_settings()
    assert settings.config == DeskConfig()
    assert [p.fault for p in settings.machine.problems] == [MachineFault.UNREADABLE]


def test_a_bad_value_in_the_machine_file_leaves_out_that_value_only(machine_file: Path) -> None:
    machine_file.write_text(
        'site_code = "hlr 02"\ndesk_no = 12345\nclerk = true\nsitename = "海拉尔"\nprinter = "hall-a"\n',
        encoding="utf-8",
    )
    settings = load_desk_settings()
    assert settings.config == replace(DeskConfig(), printer="hall-a")
    assert settings.machine.problems == (
        MachineProblem(MachineFault.BAD_SITE_CODE, "site_code", "hlr 02"),
        MachineProblem(MachineFault.BAD_DESK_NO, "desk_no", "12345"),
        MachineProblem(MachineFault.NOT_TEXT, "clerk", "True"),
        MachineProblem(MachineFault.UNKNOWN_FIELD, "sitename", "海拉尔"),
    )


def test_the_pads_mode_is_one_of_its_few_values_in_the_machine_file_and_in_counter_desk(
    machine_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine_file.write_text(MACHINE + 'pad_mode = "window"\npad_keyboard = "yes"\n', encoding="utf-8")
    settings = load_desk_settings()
    assert (settings.config.pad_mode, settings.config.pad_keyboard) == ("auto", "yes")
    assert settings.config.pad_has_keyboard()
    assert settings.machine.problems == (MachineProblem(MachineFault.NOT_A_CHOICE, "pad_mode", "window"),)

    assert main(["desk", "--pad-mode", "strip", "--pad-keyboard", "no"]) == 0
    out, err = capsys.readouterr()
    assert phrases.DESK_VALUE_LINE.format(field="评价器方式", value="strip", source="用户设置文件") in out.splitlines()
    assert phrases.MACHINE_PROBLEM["not_a_choice"].format(field="pad_mode", detail="window") in err
    assert json.loads(config_path().read_text(encoding="utf-8")) == {"pad_mode": "strip", "pad_keyboard": "no"}
    assert load_desk_settings().config.pad_placement() is PadMode.STRIP
    assert main(["desk", "--pad-mode", "window"]) == 2  # refused: not a mode this desk knows
    assert "--pad-mode" in capsys.readouterr().err
    assert set(CHOICES["pad_mode"]) == {"auto", "on_request", "strip"}


def test_a_mode_this_version_does_not_know_places_the_pad_as_auto(caplog: pytest.LogCaptureFixture) -> None:
    write_user_file({"pad_mode": "floating"})
    config = load_desk_settings().config
    with caplog.at_level(logging.WARNING):
        assert config.pad_placement() is PadMode.AUTO
    assert "floating" in caplog.text


def test_saving_writes_only_what_the_user_set_so_the_machine_file_still_leads(machine_file: Path) -> None:
    machine_file.write_text(MACHINE, encoding="utf-8")
    save_desk_config(replace(load_desk_settings().config, clerk="乌兰"))
    assert json.loads(config_path().read_text(encoding="utf-8")) == {"clerk": "乌兰"}
    machine_file.write_text(MACHINE.replace("hall-a", "hall-b"), encoding="utf-8")  # the administrator changes it
    assert load_desk_settings().config.printer == "hall-b"


def test_the_machine_file_is_where_each_system_keeps_settings_for_all_users(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_PATH)
    assert machine_config_path() == Path("/etc/counter/desk.toml")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert machine_config_path() == Path("/Library/Application Support/counter/desk.toml")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", "D:/ProgramData")  # Windows reads it in any case
    assert machine_config_path() == Path("D:/ProgramData/counter/desk.toml")
    monkeypatch.setenv(ENV_PATH, "/srv/counter/desk.toml")
    assert machine_config_path() == Path("/srv/counter/desk.toml")


def test_counter_desk_marks_a_default_nobody_set(capsys: pytest.CaptureFixture[str]) -> None:
    """XAM01 and 152200 are the shipped example: shown as the hall's own, a technician would leave them."""
    assert main(["desk"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "  站点编码：XAM01（默认值，未设置）" in lines
    assert "  行政区划代码：152200（默认值，未设置）" in lines
    assert "  工号：未设置（默认值）" in lines  # empty: said once
    assert lines[0].endswith("（站点为默认值，未设置）")
    assert main(["desk", "--site", "XAM07", "--site-name", "科右前旗政务服务中心"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "  站点编码：XAM07（用户设置文件）" in lines
    assert not lines[0].endswith("（站点为默认值，未设置）")


def test_counter_desk_says_where_each_value_comes_from_and_what_the_machine_file_lacks(
    machine_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine_file.write_text(MACHINE + 'desk-no = "9"\n', encoding="utf-8")
    assert main(["desk", "--clerk", "乌兰"]) == 0
    out, err = capsys.readouterr()
    assert phrases.DESK_VALUE_LINE.format(field="窗口号", value="8", source="本机设置文件") in out.splitlines()
    assert phrases.DESK_VALUE_LINE.format(field="工作人员", value="乌兰", source="用户设置文件") in out.splitlines()
    assert phrases.DESK_VALUE_LINE.format(field="工号", value="未设置", source="默认值") in out.splitlines()
    assert phrases.DESK_MACHINE_FILE.format(path=machine_file) in out
    problem = phrases.MACHINE_PROBLEM["unknown_field"].format(field="desk-no", detail="9")
    assert err.strip() == phrases.DESK_MACHINE_PROBLEM.format(path=machine_file, problem=problem)

    assert main(["desk", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["desk_no"], shown["sources"]["desk_no"], shown["sources"]["clerk"]) == ("8", "machine", "user")
    assert shown["machine_file"] == str(machine_file)
    assert shown["machine_problems"] == [
        {"problem": "unknown_field", "field": "desk-no", "detail": "9", "message": problem}
    ]


def test_a_users_file_that_makes_no_case_number_is_left_out_whole(
    machine_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A desk.json edited by hand to a desk number no case number can carry: the machine's desk, not half of each."""
    machine_file.write_text(MACHINE, encoding="utf-8")
    write_user_file({"desk_no": "八号", "clerk": "乌兰"})
    settings = load_desk_settings()
    assert (settings.config.site_code, settings.config.desk_no, settings.config.clerk) == ("HLR02", "8", "")
    assert set(settings.sources.values()) == {Source.MACHINE, Source.DEFAULT}
    assert "desk.json makes no valid case number" in caplog.text


def test_a_users_file_that_is_not_an_object_counts_for_nothing(machine_file: Path) -> None:
    machine_file.write_text(MACHINE, encoding="utf-8")
    config_path().write_text('["clerk", "乌兰"]', encoding="utf-8")
    settings = load_desk_settings()
    assert settings.config.clerk == ""
    assert Source.USER not in settings.sources.values()


def test_the_clerks_photo_is_kept_in_the_data_folder_and_chosen_again_as_it_is(tmp_path: Path) -> None:
    stick = tmp_path / "stick" / "Wulan.JPG"
    stick.parent.mkdir()
    stick.write_bytes(b"\xff\xd8 the clerk's photo")
    kept = keep_photo(stick)
    assert kept.parent == data_dir()
    assert (kept.suffix, kept.read_bytes()) == (".jpg", b"\xff\xd8 the clerk's photo")
    stick.unlink()  # the stick taken away: the pad still finds it
    assert keep_photo(kept) == kept  # the kept photo chosen again: neither copied onto itself nor lost
    assert kept.read_bytes() == b"\xff\xd8 the clerk's photo"


def test_a_desk_number_with_a_leading_zero_in_the_machine_file_is_left_out_in_chinese(
    machine_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The machine's file is a desk number given: "08" would be a desk apart from 8 that issues its case numbers."""
    machine_file.write_text(MACHINE.replace("desk_no = 8", 'desk_no = "08"'), encoding="utf-8")
    settings = load_desk_settings()
    assert settings.config.desk_no == DeskConfig().desk_no
    assert settings.machine.problems == (MachineProblem(MachineFault.BAD_DESK_NO, "desk_no", "08"),)
    assert main(["desk"]) == 0
    said = capsys.readouterr().err.strip()
    assert said == phrases.DESK_MACHINE_PROBLEM.format(
        path=machine_file, problem="desk_no = 08 不是有效的窗口号（1至9999的整数，不以0开头），已忽略"
    )


def test_a_desk_json_holding_a_leading_zero_is_still_read_as_it_was_written(machine_file: Path) -> None:
    """A desk set up as "08" before the rule has cases numbered for it: read as it is, never renamed, and kept as it is
    when something else of the desk is saved."""
    write_user_file({"site_code": "HLR02", "desk_no": "08", "clerk": "乌兰"})
    settings = load_desk_settings()
    assert (settings.config.desk_no, settings.sources["desk_no"]) == ("08", Source.USER)
    save_desk_config(replace(settings.config, clerk="其木格"))
    assert json.loads(config_path().read_text(encoding="utf-8"))["desk_no"] == "08"
    assert load_desk_settings().config.desk_no == "08"
