"""The pad in Mongolian (mn.po) while the clerk's windows stay Chinese; its welcome in both scripts."""

from __future__ import annotations

import dataclasses
import errno
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from counter.host.machine.desk_config import PadMode, config_path, load_desk_config
from counter.ratings.eval_content import load_eval_content
from counter.ratings.levels import Level
from counter.ratings.reasons import DEFAULT_LABELS
from counter.ui.pad import desk_pad_form
from counter.ui.pad.controller import PadController
from counter.ui.pad.desk_pad_form import DeskPadForm
from counter.ui.pad.pad_window import PadWindow
from counter.ui.pad.vertical_text import VerticalText
from counter.ui.pad.words import (
    DESK_PAD_SAVE_FAILED,
    PAD_QUESTION,
    PAD_REASON_LABELS,
    PAD_REGION_ADDRESS,
    PAD_REGION_CASE,
    PAD_REGION_QUESTION,
    PAD_SAVE_FAILED,
    PAD_TAP_HINT,
)
from counter.ui.words import DESK_SEARCH_PLACEHOLDER
from counter.words.files import file_fault
from counter.words.ratings import RATING_LEVEL
from counter.words.translate import active_language, words_in
from tests.ui.pad.pictures import CASE, IDLE

WELCOME_MN = "ᠲᠠᠪᠲᠠᠢ ᠮᠣᠷᠢᠯᠠᠭᠠᠷᠠᠢ"  # tabtai morilagarai: welcome
QUESTION_MN = "ᠡᠨᠡ ᠤᠳᠠᠭ᠎ᠠ\u202fᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠳᠦ ᠦᠨᠡᠯᠡᠭᠡ ᠥᠭᠭᠦᠨ᠎ᠡ ᠦᠦ"
HINGGAN = "ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ"
BUNDLE_MN = "ᠵᠢᠵᠢᠭ ᠬᠣᠭᠣᠯᠠᠨ ᠤ ᠭᠠᠵᠠᠷ ᠨᠡᠭᠡᠭᠡᠬᠦ"  # a sample of a bundle named in Mongolian script


def mongolian(text: str) -> bool:
    return any("\u1820" <= char <= "\u18aa" for char in text)


def test_the_welcome_is_in_both_scripts_the_mongolian_above(qtbot: QtBot, pad_font: str | None) -> None:
    pad = PadWindow()
    qtbot.addWidget(pad)
    pad.show_idle(IDLE)
    first, second = pad.welcome.text().split("\n")
    assert first == WELCOME_MN
    assert second == "欢迎来到兴安盟政务服务中心"
    pad.show_idle(dataclasses.replace(IDLE, office_mn=HINGGAN))
    assert pad.welcome.text().split("\n")[0] == f"{HINGGAN}　{WELCOME_MN}"


def test_a_mongolian_pad_asks_in_mongolian_and_the_desk_stays_chinese(qtbot: QtBot, pad_font: str | None) -> None:
    pad = PadWindow(language="mn")
    qtbot.addWidget(pad)
    pad.show_case(CASE)
    assert pad.question.text() == QUESTION_MN
    assert mongolian(pad.tap_hint.text())
    assert all(mongolian(button.text()) for button in pad.face_buttons.values())
    assert pad.bundle.text().endswith(CASE.bundle_name)  # the bundle's name is the catalog's, in Chinese
    pad.on_face_clicked(Level.DISSATISFIED)
    assert mongolian(pad.chosen.text())
    assert mongolian(pad.submit_button.text())
    assert mongolian(pad.back_button.text())
    # the process, and so every window of the clerk, stays Chinese
    assert active_language() == "zh_CN"
    assert DESK_SEARCH_PLACEHOLDER == "输入事项名称或拼音首字母，如 xcg"
    assert PAD_QUESTION == "请您对本次服务作出评价"


def shown_on(button: QPushButton) -> str:
    """The words a reason button shows: on it, or in its Mongolian columns."""
    column = button.findChild(VerticalText)
    return column.text() if column is not None and not column.isHidden() else button.text()


def han(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def test_a_mongolian_pad_gives_its_reasons_and_messages_in_mongolian(qtbot: QtBot, pad_font: str | None) -> None:
    """The nine 差评 reasons on their buttons in Mongolian; what is recorded stays the label offered (data, Chinese)."""
    pad = PadWindow(language="mn")
    qtbot.addWidget(pad)
    pad.show_case(CASE)
    pad.on_face_clicked(Level.DISSATISFIED)
    assert len(pad.reason_buttons) == 9
    shown = [shown_on(button) for button in pad.reason_buttons]
    assert all(mongolian(text) and not han(text) for text in shown), shown
    assert len(set(shown)) == 9  # nine reasons, nine words
    assert mongolian(pad.reasons_question.text())
    pad.reason_buttons[0].click()
    pad.reason_buttons[-1].click()
    assert pad.chosen_reasons() == ("服务效率", "其他")  # the labels as offered, as a rating stores them
    pad.set_language("zh")
    assert [shown_on(button) for button in pad.reason_buttons] == list(CASE.reasons)
    pad.set_language("mn")
    assert [shown_on(button) for button in pad.reason_buttons] == shown
    pad.show_problem(PAD_SAVE_FAILED)
    assert mongolian(pad.thanks_detail.text())
    assert not han(pad.thanks_detail.text())


def test_every_reason_the_pad_offers_by_default_has_its_mongolian() -> None:
    """The national 测评内容 and the default list, each in the translation file (PAD_REASON_LABELS lists them)."""
    national = tuple(indicator.label for indicator in load_eval_content().indicators)
    assert set(PAD_REASON_LABELS) == {*national, *DEFAULT_LABELS.values()}
    words = words_in("mn")
    assert all(mongolian(words(label)) for label in PAD_REASON_LABELS)
    for prompt in (PAD_REGION_QUESTION, PAD_REGION_ADDRESS, PAD_REGION_CASE, PAD_SAVE_FAILED):
        assert mongolian(words(prompt)), prompt
        assert not han(words(prompt)), prompt


def test_every_word_of_the_pad_has_its_mongolian() -> None:
    """Every line of :mod:`counter.words.pad` (both pads' words, the device's own lines of a lost connection and a
    refused key included) is in mn.po, in Mongolian script alone; the Chinese welcome is the Chinese line the idle
    page shows beneath the Mongolian greeting, in both languages."""
    from counter.words import pad as pad_words

    words = words_in("mn")
    lines = [(name, line) for name, value in vars(pad_words).items() if name.isupper()
             for line in (value if isinstance(value, tuple) else (value,))]  # fmt: skip
    assert ("PAD_DEVICE_AWAY", pad_words.PAD_DEVICE_AWAY) in lines
    missing = [name for name, line in lines if name != "PAD_WELCOME" and not mongolian(words(line))]
    assert missing == []
    chinese = [name for name, line in lines if name != "PAD_WELCOME" and han(words(line))]
    assert chinese == []


def test_a_chinese_pad_is_as_before(qtbot: QtBot, pad_font: str | None) -> None:
    pad = PadWindow()
    qtbot.addWidget(pad)
    pad.show_case(CASE)
    assert pad.question.text() == PAD_QUESTION
    assert pad.tap_hint.text() == PAD_TAP_HINT
    assert [b.text() for b in pad.face_buttons.values()] == [RATING_LEVEL[level] for level in Level]


def test_the_desks_setting_changes_the_pad_at_once(controller: PadController) -> None:
    pad = controller.pad
    assert not mongolian(pad.notice.text())
    controller.apply(PadMode.AUTO, keyboard=False, language="mn")
    assert mongolian(pad.notice.text())  # the idle page, shown again in the new words
    assert mongolian(pad.idle_desk.text())
    controller.apply(PadMode.AUTO, keyboard=False, language="zh")
    assert not mongolian(pad.notice.text())
    assert pad.welcome.text().startswith(WELCOME_MN)  # both scripts either way


@pytest.mark.usefixtures("pad_font")
def test_the_desk_pad_form_keeps_the_language_and_the_voice(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desk_pad_form, "own_voice", lambda *_: None)  # espeak-ng is not asked in the quick tier
    form = DeskPadForm()
    qtbot.addWidget(form)
    form.load()
    assert form.language.currentData() == "zh"
    assert not form.voice.isChecked()  # off by default
    form.language.setCurrentIndex(1)
    form.voice.setChecked(True)
    with qtbot.waitSignal(form.saved) as saved:
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[2] == "mn"
    stored = json.loads(config_path().read_text(encoding="utf-8"))
    assert (stored["pad_language"], stored["pad_voice"]) == ("mn", "yes")
    assert load_desk_config().pad_speaks()


@pytest.mark.usefixtures("pad_font")
def test_pad_settings_the_data_folder_cannot_take_are_said_and_kept_on_the_form(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The settings file not written: the clerk reads why in words, the pad keeps the settings it has, and the
    choices stay on the form to save again once the folder takes them."""
    monkeypatch.setattr(desk_pad_form, "own_voice", lambda *_: None)
    form = DeskPadForm()
    qtbot.addWidget(form)
    form.load()
    config_path().parent.mkdir(parents=True, exist_ok=True)
    blocker = config_path().with_suffix(".tmp")
    blocker.mkdir()  # where the settings are written before they replace the file: a folder, not a file
    form.language.setCurrentIndex(1)
    saved: list[object] = []
    form.saved.connect(lambda *args: saved.append(args))
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == DESK_PAD_SAVE_FAILED.format(fault=file_fault(IsADirectoryError(errno.EISDIR, "")))
    assert form.message.property("role") == "problems"
    assert saved == []  # the pad is not told of settings it would lose at the next start
    assert load_desk_config().pad_language == "zh"
    assert form.language.currentData() == "mn"
    blocker.rmdir()
    with qtbot.waitSignal(form.saved) as again:
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert again.args[2] == "mn"
    assert load_desk_config().pad_language == "mn"


def test_a_mongolian_pad_names_the_office_in_mongolian_where_the_site_sets_it(
    qtbot: QtBot, pad_font: str | None
) -> None:
    """The idle page greeted in Mongolian and named the office on its card in Chinese only (兴安盟政务服务中心): the
    office's Mongolian name (单位信息), where set, stands in the greeting and on the rating page's card (the idle
    card names neither office nor desk: the greeting and the line above it do); a Chinese pad keeps the Chinese
    name, and so does a Mongolian one whose office has set none."""
    pad = PadWindow(language="mn")
    qtbot.addWidget(pad)
    pad.show_idle(dataclasses.replace(IDLE, office_mn=HINGGAN))
    assert pad.welcome.text().split("\n")[0].startswith(HINGGAN)
    pad.show_case(CASE)
    assert pad.rating_card.office.text().startswith(HINGGAN)
    assert not han(pad.rating_card.office.text())
    pad.set_language("zh")
    pad.show_case(CASE)
    assert pad.rating_card.office.text().startswith(IDLE.office)
    pad.set_language("mn")
    pad.show_idle(IDLE)
    pad.show_case(CASE)
    assert pad.rating_card.office.text().startswith(IDLE.office)


def test_a_mongolian_pad_says_the_bundles_name_is_given_in_chinese(qtbot: QtBot, pad_font: str | None) -> None:
    """ᠬᠡᠷᠡᠭ：我要开小餐馆 read to a Mongolian-only reader as a Mongolian line gone wrong: the catalog names a bundle in
    Chinese only, and the pad says so (ᠬᠢᠲᠠᠳ ᠪᠢᠴᠢᠭ ᠢᠶᠡᠷ: in Chinese script) before the name."""
    pad = PadWindow(language="mn")
    qtbot.addWidget(pad)
    pad.show_case(CASE)
    label, name = pad.bundle.text().split("᠄ ", 1)
    assert name == CASE.bundle_name
    assert "ᠬᠢᠲᠠᠳ ᠪᠢᠴᠢᠭ" in label
    assert not han(label)


def test_a_mongolian_pad_shows_the_bundles_mongolian_name_where_the_catalog_gives_one(
    qtbot: QtBot, pad_font: str | None
) -> None:
    """The catalog's ``name_mn`` stands alone on a Mongolian pad's bundle line, no Chinese beside it; a Chinese pad
    shows the Chinese name whatever the catalog gives."""
    named = dataclasses.replace(CASE, bundle_name_mn=BUNDLE_MN)
    pad = PadWindow(language="mn")
    qtbot.addWidget(pad)
    pad.show_case(named)
    assert pad.bundle.text().endswith(BUNDLE_MN)
    assert not han(pad.bundle.text())
    pad.set_language("zh")
    pad.show_case(named)
    assert pad.bundle.text() == f"办理事项：{CASE.bundle_name}"
