"""The input-method plugin the window asks Qt for: fcitx5 through its IBus face where Qt has no fcitx plugin.

The hanzi typed through a real fcitx5 are in tests/ui/keyboard/test_hanzi_input.py and tests/packaging/test_offline.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from counter.ui.keyboard.input_method import choose_input_method, has_fcitx_plugin, input_method_settings

IBUS = {"QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "1", "IBUS_ENABLE_SYNC_MODE": "1"}


@pytest.mark.parametrize("name", ["fcitx", "fcitx5", "Fcitx"])
def test_fcitx_asked_of_a_qt_without_its_plugin_is_reached_as_ibus(name: str) -> None:
    assert input_method_settings({"QT_IM_MODULE": name}, fcitx_plugin=False, ibus_daemon=False) == IBUS


def test_a_session_naming_fcitx_only_for_x11_gets_ibus_too() -> None:
    session = {"XMODIFIERS": "@im=fcitx"}
    assert input_method_settings(session, fcitx_plugin=False, ibus_daemon=False) == IBUS


def test_with_ibus_daemon_installed_the_bus_is_found_without_the_portal() -> None:
    changes = input_method_settings({"QT_IM_MODULE": "fcitx"}, fcitx_plugin=False, ibus_daemon=True)
    assert changes == {"QT_IM_MODULE": "ibus", "IBUS_ENABLE_SYNC_MODE": "1"}


def test_an_ibus_desk_keeps_ibus_and_gets_its_keys_in_order() -> None:
    changes = input_method_settings({"QT_IM_MODULE": "ibus"}, fcitx_plugin=False, ibus_daemon=True)
    assert changes == {"IBUS_ENABLE_SYNC_MODE": "1"}


def test_a_qt_with_an_fcitx_plugin_is_left_to_use_it() -> None:
    assert input_method_settings({"QT_IM_MODULE": "fcitx"}, fcitx_plugin=True, ibus_daemon=False) == {}


@pytest.mark.parametrize(
    "session",
    [
        {},  # no input method named: Qt's own compose
        {"QT_IM_MODULES": "fcitx;ibus", "QT_IM_MODULE": "fcitx"},  # Qt's list, chosen by someone
        {"QT_IM_MODULE": "xim", "XMODIFIERS": "@im=fcitx"},
    ],
)
def test_what_the_session_chose_otherwise_is_left_alone(session: dict[str, str]) -> None:
    assert input_method_settings(session, fcitx_plugin=False, ibus_daemon=False) == {}


def test_the_sessions_own_ibus_settings_are_kept() -> None:
    session = {"QT_IM_MODULE": "fcitx", "IBUS_USE_PORTAL": "", "IBUS_ENABLE_SYNC_MODE": "0"}
    assert input_method_settings(session, fcitx_plugin=False, ibus_daemon=False) == {"QT_IM_MODULE": "ibus"}


def test_an_fcitx_plugin_is_found_in_any_plugin_folder(tmp_path: Path) -> None:
    bundled, system = tmp_path / "bundled", tmp_path / "system"
    (bundled / "platforminputcontexts").mkdir(parents=True)
    (bundled / "platforminputcontexts" / "libibusplatforminputcontextplugin.so").touch()
    assert not has_fcitx_plugin([bundled, system])
    (system / "platforminputcontexts").mkdir(parents=True)
    (system / "platforminputcontexts" / "libfcitx5platforminputcontextplugin.so").touch()
    assert has_fcitx_plugin([bundled, system])


def test_the_choice_is_set_before_qt_starts_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    """PySide6's Qt carries no fcitx plugin: a Kylin session's variables are changed, and the log says from what."""
    session = {"QT_IM_MODULE": "fcitx", "XMODIFIERS": "@im=fcitx", "PATH": ""}  # no ibus-daemon on an empty PATH
    with caplog.at_level(logging.INFO, logger="counter.ui.keyboard.input_method"):
        choose_input_method(session)
    assert session == {"XMODIFIERS": "@im=fcitx", "PATH": ""} | IBUS
    assert "the session's QT_IM_MODULE=fcitx" in caplog.text
