"""The desk's pad settings (staff number, photo, pad screen and mode, area code) are kept with the desk."""

from __future__ import annotations

import json

from counter.host.machine.desk_config import DeskConfig, config_path, load_desk_config, save_desk_config


def test_the_pad_fields_are_saved_and_read_back() -> None:
    config = DeskConfig(
        site_code="HLR02", site_name="海拉尔区政务服务中心", desk_no="12", clerk="其其格",
        staff_no="HL1203", photo="/srv/photos/qiqige.png", pad_screen="HDMI-2", area_code="150702000000",
        pad_mode="strip", pad_keyboard="yes",
    )  # fmt: skip
    save_desk_config(config)
    assert load_desk_config() == config


def test_a_desk_file_from_before_the_pad_still_loads_with_defaults() -> None:
    old = {"site_code": "XAM01", "site_name": "兴安盟政务服务中心", "desk_no": "3", "clerk": "其其格"}
    config_path().write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    loaded = load_desk_config()
    assert (loaded.desk_no, loaded.clerk) == ("3", "其其格")
    assert (loaded.staff_no, loaded.photo, loaded.pad_screen, loaded.area_code) == ("", "", "", "152200")
    assert (loaded.pad_mode, loaded.pad_keyboard) == ("auto", "no")
