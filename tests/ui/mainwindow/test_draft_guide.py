"""A 待核 guide at the desk: its banner on the guide page, F5 refused where the site does not allow it, and the
intake panel saying so where it does (training, or the site's setting)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.actions.catalog.guide_status import allow_draft_intake, draft_intake
from counter.actions.site.store import Store
from counter.catalog.model import GuideStatus, TimeLimit, TimeUnit
from counter.db import models
from counter.db.catalog_store import current_guide, import_bundles
from counter.host.database.database_faults import DbFault, StoreFault
from counter.service.admin import GUIDE_DRAFTS, PUBLICATION_PREVIEW
from counter.service.catalog import ALLOW_DRAFT_INTAKE
from counter.service.intake import DRAFT_GUIDES_TAKEN
from counter.service.local import InProcess
from counter.ui import words
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_DRAFT_GUIDE
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.pad.guide_status_page import GuideStatusPage
from counter.ui.pad.words import GUIDE_PUBLISH_SAME, GUIDE_STATUS_FAILED, GUIDE_STATUS_NONE, GUIDE_STATUS_PUBLISHED
from counter.words.access import refused_for
from counter.words.catalog import DRAFT_GUIDE, time_limit
from counter.words.catalog_problems import PUBLISH_REFUSED
from counter.words.database import fault_text
from tests.ui.conftest import start_window
from tests.ui.failing import failing
from tests.ui.mainwindow.test_desk_actions import open_bundle, shown_messages
from tests.ui.runners import runner_for
from tests.ui.shown_text import guide_text

NAME = "我要开小餐馆（50平方米以下）"


@pytest.fixture
def draft_catalog(catalog_dir: Path) -> Path:
    """The test catalog with 我要开小餐馆 shipped as 待核, without the facts only the site knows."""
    path = catalog_dir / "008.toml"
    text = path.read_text(encoding="utf-8")
    assert 'status = "published"' in text
    path.write_text(text.replace('status = "published"', 'status = "draft"', 1), encoding="utf-8")
    return catalog_dir


@pytest.fixture
def window(qtbot: QtBot, db: Store, draft_catalog: Path, named_desk: None) -> MainWindow:
    return start_window(qtbot, MainWindow(InProcess(db), draft_catalog))


def test_a_draft_guide_is_shown_whole_under_its_banner(window: MainWindow) -> None:
    open_bundle(window, "xcg")
    view = window.guide_view
    assert view.draft_notice.isVisibleTo(view)
    assert view.draft_notice.text() == DRAFT_GUIDE
    assert view.materials.isVisibleTo(view)  # the whole guide, not the 未发布 panel
    assert DRAFT_GUIDE in guide_text(view)


def test_f5_on_a_draft_is_refused_where_the_site_does_not_allow_it(window: MainWindow) -> None:
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.desk_actions.intake is None
    assert words.DESK_INTAKE_DRAFT_REFUSED.format(name=NAME) in shown_messages(window)


def test_where_the_site_allows_drafts_the_intake_opens_and_says_so(qtbot: QtBot, db: Store, window: MainWindow) -> None:
    db.write(lambda unit: allow_draft_intake(unit, True))
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert isinstance(panel, IntakePanel)
    qtbot.addWidget(panel)
    assert panel.draft_guide.isVisibleTo(panel)
    assert panel.draft_guide.text() == INTAKE_DRAFT_GUIDE


def test_a_published_guide_has_no_draft_banner(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xse")  # unpublished: no guide at all, no banner either
    assert not window.guide_view.draft_notice.isVisibleTo(window.guide_view)


def test_the_administrator_allows_drafts_and_publishes_one_from_the_supervisor_window(
    qtbot: QtBot, db: Store, window: MainWindow
) -> None:
    page = GuideStatusPage(runner_for(db))
    qtbot.addWidget(page)
    page.load()
    assert not page.allow.isChecked()
    # the test catalog's 小餐馆 is a 样例 as well as 待核: the list says so
    assert [page.drafts.item(i).text() for i in range(page.drafts.count())] == [f"8 {NAME}（样例，第1版）"]
    page.allow.click()
    assert db.read(draft_intake).site_allows
    assert page.allow.isChecked()  # the setting answers nothing: kept, not taken back as refused
    assert page.message.text() == "已保存：允许依待核指南受理"
    page.publish_button.click()  # asked first, showing what changes: Space or Enter there goes back
    confirmation = page.confirmation
    assert confirmation is not None
    assert confirmation.changes.text().startswith(f"待核第1版将发布为第2版：此后受理“{NAME}”都按这一版")
    assert "这一件事此前没有发布过指南" in confirmation.changes.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is confirmation.back_button)
    QTest.keyClick(confirmation.back_button, Qt.Key.Key_Space)
    assert page.drafts.count() == 1  # nothing published
    page.publish_button.click()
    again = page.confirmation
    assert again is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is again.back_button)
    QTest.keyClick(again, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # 确认发布（Alt+Y）
    assert page.drafts.count() == 0
    assert page.message.text() == GUIDE_STATUS_PUBLISHED.format(name=NAME, version=2)
    open_bundle(window, "xcg")
    assert not window.guide_view.draft_notice.isVisibleTo(window.guide_view)


def test_the_window_refuses_to_publish_a_guide_the_gate_refuses_and_says_why(
    qtbot: QtBot, db: Store, draft_catalog: Path, named_desk: None
) -> None:
    """The window's 发布 goes through the same gate as ``catalog publish``: every problem on the page, in Chinese,
    and the guide still 待核."""
    path = draft_catalog / "008.toml"
    text = path.read_text(encoding="utf-8")
    shared = "窗口通过不动产登记信息共享调取。"
    assert text.count(shared) == 1
    path.write_text(text.replace(shared, shared.replace("。", "；租期不少于一年。")), encoding="utf-8")
    start_window(qtbot, MainWindow(InProcess(db), draft_catalog))
    page = GuideStatusPage(runner_for(db))
    qtbot.addWidget(page)
    page.load()
    page.drafts.setCurrentRow(0)
    page.publish(page.drafts.item(0).data(Qt.ItemDataRole.UserRole), NAME)
    head, *problems = page.message.text().splitlines()
    assert head == PUBLISH_REFUSED.format(name=NAME, count=len(problems))
    assert any("租期不少于一年" in line and "没有写明出处" in line for line in problems)
    assert page.drafts.count() == 1  # nothing published


REFUSED = NotPermitted(Permission.CHANGE_SETTINGS, signed_in=True)
LOCKED = StoreFault(DbFault.LOCKED, "lock timeout", "OperationalError")


@pytest.mark.parametrize(
    ("raised", "said"),
    [(LOCKED, GUIDE_STATUS_FAILED.format(fault=fault_text("locked"))), (REFUSED, refused_for(REFUSED))],
    ids=["database", "role"],
)
def test_a_setting_the_database_or_the_role_refused_is_said_and_taken_back(
    qtbot: QtBot, db: Store, monkeypatch: pytest.MonkeyPatch, raised: Exception, said: str
) -> None:
    runner = runner_for(db)
    page = GuideStatusPage(runner)
    qtbot.addWidget(page)
    page.load()
    call = runner.service.call

    def refusing(operation: object, *args: object, **kwargs: object) -> object:
        if operation is ALLOW_DRAFT_INTAKE:
            raise raised
        return call(operation, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner.service, "call", refusing)
    page.allow.click()
    assert page.message.text() == said
    assert not page.allow.isChecked()
    assert not db.read(draft_intake).site_allows


def test_f5_on_a_draft_whose_setting_the_database_cannot_read_says_so(window: MainWindow) -> None:
    open_bundle(window, "xcg")
    away = failing(window.runner, LOCKED, DRAFT_GUIDES_TAKEN)
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert away.asked == [DRAFT_GUIDES_TAKEN.name]
    assert window.desk_actions.intake is None
    assert fault_text("locked") in shown_messages(window)
    away.mend()
    QTest.keyClick(window, Qt.Key.Key_F5)  # asked again, and refused for what it is now
    assert words.DESK_INTAKE_DRAFT_REFUSED.format(name=NAME) in shown_messages(window)


def test_the_drafts_unread_are_said_and_the_sentence_goes_once_they_are_read(
    qtbot: QtBot, db: Store, window: MainWindow
) -> None:
    page = GuideStatusPage(runner_for(db))
    qtbot.addWidget(page)
    away = failing(page._runner, LOCKED, GUIDE_DRAFTS)
    page.load()
    assert away.asked == [GUIDE_DRAFTS.name]
    assert page.message.text() == GUIDE_STATUS_FAILED.format(fault=fault_text("locked"))
    away.mend()
    page.load()
    assert page.drafts.count() == 1
    assert page.message.text() == ""  # the list is read: no fault is said over it


def test_a_publication_the_database_cannot_preview_is_said_and_one_published_meanwhile_leaves_the_list(
    qtbot: QtBot, db: Store, window: MainWindow
) -> None:
    page = GuideStatusPage(runner_for(db))
    qtbot.addWidget(page)
    page.load()
    away = failing(page._runner, LOCKED, PUBLICATION_PREVIEW)
    page.publish_button.click()
    assert away.asked == [PUBLICATION_PREVIEW.name]
    assert page.message.text() == GUIDE_STATUS_FAILED.format(fault=fault_text("locked"))
    assert page.confirmation is None  # nothing asked: nothing to confirm
    assert page.drafts.count() == 1
    away.mend()
    other_desk = GuideStatusPage(runner_for(db))  # another desk publishes it meanwhile
    qtbot.addWidget(other_desk)
    other_desk.load()
    other_desk.publish(str(other_desk.drafts.item(0).data(Qt.ItemDataRole.UserRole)), NAME)
    page.publish_button.click()
    assert page.drafts.count() == 0  # read again: nothing left to publish
    assert page.message.text() == GUIDE_STATUS_NONE
    assert page.confirmation is None


def test_a_guide_published_at_another_desk_while_the_confirmation_is_open_is_not_published_twice(
    qtbot: QtBot, db: Store, window: MainWindow
) -> None:
    page = GuideStatusPage(runner_for(db))
    qtbot.addWidget(page)
    page.load()
    page.publish_button.click()
    confirmation = page.confirmation
    assert confirmation is not None
    other_desk = GuideStatusPage(runner_for(db))  # while this supervisor reads what changes
    qtbot.addWidget(other_desk)
    other_desk.load()
    code = str(other_desk.drafts.item(0).data(Qt.ItemDataRole.UserRole))
    other_desk.publish(code, NAME)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is confirmation.back_button)
    QTest.keyClick(confirmation, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # 确认发布
    assert page.drafts.count() == 0  # read again: nothing left to publish
    assert page.message.text() == GUIDE_STATUS_NONE
    with db.sessions()() as session:
        versions = session.scalars(select(models.GuideVersion.version).where(models.GuideVersion.bundle_code == code))
        assert sorted(versions) == [1, 2]  # the other desk's publication, once


def test_a_revised_draft_is_confirmed_with_what_it_changes_against_the_published_version(
    qtbot: QtBot, db: Store, window: MainWindow
) -> None:
    """Publishing a second time: the question lists the materials added, taken away and reworded, and the promised
    time limit before and after, against the version the site published; a draft that changes nothing an intake asks
    says so."""
    page = GuideStatusPage(runner_for(db))
    qtbot.addWidget(page)
    page.load()
    code = str(page.drafts.item(0).data(Qt.ItemDataRole.UserRole))
    page.publish(code, NAME)  # version 2, the site's
    published = db.read(lambda unit: current_guide(unit, code))
    assert published is not None
    bundle = published.bundle
    reworded = replace(bundle, status=GuideStatus.DRAFT, summary=bundle.summary + "（修订）")  # nothing asked differs
    db.write(lambda unit: import_bundles(unit, [reworded], "catalog", "bundled"))
    page.load()
    page.publish_button.click()
    same = page.confirmation
    assert same is not None
    assert same.changes.text().splitlines()[-1] == GUIDE_PUBLISH_SAME.format(version=2)
    same.reject()
    gone, changed, *kept = bundle.materials
    revised = replace(
        bundle,
        status=GuideStatus.DRAFT,
        materials=(
            replace(changed, copies=changed.copies + 1),
            *kept,
            replace(gone, code="M99", name="消防安全承诺书"),
        ),
        promised_limit=TimeLimit(3, TimeUnit.WORKING_DAY),
    )
    db.write(lambda unit: import_bundles(unit, [revised], "catalog", "bundled"))
    page.load()
    page.publish_button.click()
    confirmation = page.confirmation
    assert confirmation is not None
    lines = confirmation.changes.text().splitlines()
    assert lines[2:] == [
        "与本站点已发布的第2版相比：",
        "• 新增材料：消防安全承诺书",
        f"• 删去材料：{gone.name}",
        f"• 内容有改动的材料：{changed.name}",
        f"• 承诺办结时限：{time_limit(bundle.promised_limit)} → 3个工作日",
    ]
