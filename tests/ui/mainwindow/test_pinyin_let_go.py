"""The pinyin tables a desk's catalog sync reads are let go once it has read them (counter.catalog.search)."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from counter.actions.site.store import Store
from counter.catalog import haystack, search
from counter.catalog.haystack import search_text
from counter.catalog.search import pinyin_while
from counter.service.local import InProcess
from counter.ui.mainwindow.main_window import MainWindow
from tests.ui.conftest import start_window


def pinyin_modules() -> list[str]:
    return [name for name in sys.modules if name == "pypinyin" or name.startswith("pypinyin.")]


@pytest.fixture
def desk_without_pinyin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process as a desk starts it: pypinyin not loaded (the run's own copy is put back afterwards)."""
    monkeypatch.delenv("PYPINYIN_NO_DICT_COPY", raising=False)
    kept: dict[str, ModuleType] = {name: sys.modules.pop(name) for name in pinyin_modules()}
    yield
    for name in pinyin_modules():
        del sys.modules[name]
    sys.modules.update(kept)


def stored_search_text(db: Store, code: str) -> str:
    path = db.url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT search_text FROM bundle WHERE code = ?", (code,)).fetchone()
    finally:
        conn.close()
    assert row is not None
    return str(row[0])


def test_the_window_s_sync_lets_the_tables_go(
    desk_without_pinyin: None, qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    assert pinyin_modules() == []
    assert "yaodian" in stored_search_text(db, "T-YJS-006")  # 我要开药店: its pinyin was read all the same


def test_the_tables_come_back_when_a_block_needs_them_again(desk_without_pinyin: None) -> None:
    with pinyin_while():
        first = search_text("我要开药店")
    assert pinyin_modules() == []
    with pinyin_while():
        assert search_text("我要开药店") == first
    assert pinyin_modules() == []


def test_the_tables_are_read_as_loaded_not_copied(desk_without_pinyin: None) -> None:
    with pinyin_while():
        search_text("我要开药店")
        constants, phrases = sys.modules["pypinyin.constants"], sys.modules["pypinyin.phrases_dict"]
        assert constants.PHRASES_DICT is phrases.phrases_dict


def test_a_process_that_had_pypinyin_keeps_it(desk_without_pinyin: None) -> None:
    import pypinyin  # noqa: F401 - someone else's, before the block

    with pinyin_while():
        search_text("我要开药店")
    assert "pypinyin" in sys.modules


def test_not_let_go_from_under_a_reading_on_another_thread(
    desk_without_pinyin: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, finish = threading.Event(), threading.Event()

    def reading(text: str) -> tuple[list[str], list[str]]:
        entered.set()
        assert finish.wait(10)
        return [], []

    monkeypatch.setattr(haystack, "_readings_of", reading)
    other = threading.Thread(target=search_text, args=("我要开药店",))
    with pinyin_while():
        import pypinyin  # noqa: F401 - loaded by the block, so the block's to let go

        other.start()
        assert entered.wait(10)
    assert "pypinyin" in sys.modules  # the other thread is still reading
    finish.set()
    other.join()


@pytest.mark.slow  # a race, given seconds to happen
def test_the_tables_are_let_go_while_another_thread_imports(desk_without_pinyin: None) -> None:
    """A desk's first start: its warm-up thread imports while the catalog sync lets pypinyin go.  Walking
    ``sys.modules`` as it changed raised in the sync (dictionary changed size during iteration) and the first start
    said the catalog could not be brought in, one start in ten on a busy machine."""
    stop = threading.Event()

    def importing() -> None:  # as the warm-up does: modules come into sys.modules one after another
        n = 0
        while not stop.is_set():
            sys.modules[f"counter_warm_up_{n % 64}"] = ModuleType("warm")
            sys.modules.pop(f"counter_warm_up_{(n + 32) % 64}", None)
            n += 1

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # the threads take turns as often as a busy machine makes them
    other = threading.Thread(target=importing)
    other.start()
    try:
        for _ in range(3000):
            sys.modules["pypinyin"] = ModuleType("pypinyin")  # loaded by the block, as an import would
            search.PINYIN_USE.enter(block=True)
            search.PINYIN_USE.kept = False
            search.PINYIN_USE.leave(block=True)
            assert "pypinyin" not in sys.modules
    finally:
        stop.set()
        other.join()
        sys.setswitchinterval(switch)
        for name in [name for name in sys.modules.copy() if name.startswith("counter_warm_up_")]:
            del sys.modules[name]
