"""The translation mechanism: Chinese by default, a .po file makes a second language, a broken one never crashes."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.resources import translations_dir
from counter.words import translate
from counter.words.translate import CatalogueError, active_language, read_po, set_language, tr

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(autouse=True)
def chinese_again() -> Iterator[None]:
    """Every test leaves the process in Chinese, the language the rest of the suite reads."""
    yield
    set_language(None)
    translate._state.produced = False


def test_chinese_is_the_default_and_needs_no_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNTER_LANG", raising=False)
    assert translate.language_from_environment() is None
    monkeypatch.setenv("COUNTER_LANG", "zh_CN")
    assert translate.language_from_environment() is None
    monkeypatch.setenv("COUNTER_LANG", "en")
    assert translate.language_from_environment() == "en"
    assert set_language(None)
    assert (active_language(), tr("受理")) == ("zh_CN", "受理")


def test_english_words_come_from_the_file_and_untranslated_ones_stay_chinese() -> None:
    assert set_language("en")
    assert active_language() == "en"
    assert tr("受理") == "Accept"
    assert tr("受理：{bundle}").format(bundle="X") == "Intake: X"
    assert tr("一件事一次办，办事更省心。\n办理完成后，请您对我们的服务作出评价。") == (
        "One visit for one matter.\nWhen you are done, please tell us how we served you."
    )
    assert tr("感谢您的评价！") == 'Thank you for your "review"!'  # an escaped quote
    assert tr("提交评价") == "提交评价"  # fuzzy: not yet checked, so not used
    assert tr("不予批准") == "不予批准"  # not translated: the Chinese source


def test_the_language_is_chosen_at_process_start_for_every_words_module() -> None:
    """COUNTER_LANG=en: module-level words (NAME = tr("…")) and the helpers read English where translated."""
    script = (
        "from counter.words import intake, catalog, dates, cases\n"
        "import datetime as dt\n"
        "from counter.catalog.model import Necessity, TimeLimit, TimeUnit\n"
        "from counter.intake.outcome import Outcome\n"
        "print(intake.OUTCOME[Outcome.DEFER], catalog.NECESSITY[Necessity.REQUIRED], sep='|')\n"
        "print(catalog.time_limit(TimeLimit(5, TimeUnit.WORKING_DAY)), dates.day_text(dt.date(2025, 3, 6)), sep='|')\n"
        "print(intake.OUTCOME[Outcome.INCOMPLETE])\n"
    )
    env = {**os.environ, "COUNTER_LANG": "en", "PYTHONPATH": str(REPO)}
    env.pop("COUNTER_RESOURCES", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["Accept with deferral|Required", "5 working days|6/3/2025", "材料尚未核对完毕"]


def test_a_broken_catalogue_is_reported_in_chinese_and_the_desk_carries_on_in_chinese(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "mn.po").write_text('msgid "受理"\nmsgstr "unterminated\n', encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="counter.words.translate"):
        assert not set_language("mn", tmp_path)
    assert active_language() == "zh_CN"
    assert tr("受理") == "受理"
    (problem,) = caplog.messages
    assert problem.startswith(f"翻译文件 {tmp_path / 'mn.po'} 无法读取（第2行：")
    assert problem.endswith("界面继续使用中文")


def test_a_missing_catalogue_is_reported_and_chinese_stays(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="counter.words.translate"):
        assert not set_language("mn", tmp_path)
    assert caplog.messages == [f"没有找到语言“mn”的翻译文件 {tmp_path / 'mn.po'}，界面继续使用中文"]
    assert tr("受理") == "受理"


def test_a_catalogue_that_is_not_utf8_is_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "en.po").write_bytes('msgid "受理"\nmsgstr "Accept"\n'.encode("gb18030"))
    with caplog.at_level(logging.ERROR, logger="counter.words.translate"):
        assert not set_language("en", tmp_path)
    assert "无法读取" in caplog.text


def test_changing_the_language_after_words_were_made_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    set_language("en")
    assert tr("受理") == "Accept"
    with caplog.at_level(logging.WARNING, logger="counter.words.translate"):
        set_language(None)
    assert "after translated words were made" in caplog.text


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('msgid "a"\n', "没有 msgstr"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "msgstr 重复"),
        ('msgid "a\\q"\nmsgstr "b"\n', "无法识别的转义"),
        ('msgid "a"\nmsgstr "b" c\n', "双引号"),
        ('"orphan"\n', "续行前面没有"),
        ('msgid "a"\nmsgid_plural "as"\n', "复数"),
        ("msgid a\n", "无法识别"),
    ],
)
def test_the_reader_names_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(CatalogueError, match=problem):
        read_po(text)


def test_the_reader_reads_what_gettext_writes() -> None:
    text = (
        '# comment\nmsgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#: a.py\nmsgid ""\n"two\\n"\n"lines"\nmsgstr "zwei\\tZeilen"\n\n'
        'msgctxt "x"\nmsgid "c"\nmsgstr ""\n\n'
        '#, fuzzy, python-format\nmsgid "d"\nmsgstr "D"\n'
        'msgid "e"\nmsgstr "E \\"quoted\\" \\\\ back"\n'
    )
    assert read_po(text) == {"two\nlines": "zwei\tZeilen", "e": 'E "quoted" \\ back'}


def test_every_shipped_catalogue_reads_and_translates_only_messages_of_the_template() -> None:
    template = read_po_ids((translations_dir() / "counter.pot").read_text(encoding="utf-8"))
    catalogues = sorted(translations_dir().glob("*.po"))
    assert [p.name for p in catalogues] == ["en.po", "mn.po"]
    for path in catalogues:
        table = read_po(path.read_text(encoding="utf-8"))
        assert table
        assert set(table) <= template, set(table) - template


def read_po_ids(text: str) -> set[str]:
    """The msgids of a template (whose msgstrs are all empty, so read_po keeps none)."""
    filled = text.replace('msgstr ""\n', 'msgstr "x"\n')
    return set(read_po(filled))


@pytest.mark.slow
def test_the_template_is_up_to_date() -> None:
    """tools/extract_words.py --check: the committed counter.pot holds exactly the messages of the code."""
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "extract_words.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
