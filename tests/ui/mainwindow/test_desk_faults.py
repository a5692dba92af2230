"""What the desk says when the database (or the hall server) fails F5, a kept draft's 恢复 or 放弃, or a 补正
answer's reading: the fault in plain words in the desk's message, nothing lost, and the same key works once the
database answers again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Permission, Role
from counter.actions.site.store import Store
from counter.case.number_faults import NumbersBehind
from counter.db.draft_store import load_drafts, save_draft
from counter.documents.made import GuideNotFound
from counter.intake.draft import DraftProblemCode, DraftUnreadable
from counter.service.cases import DAY_LISTS
from counter.service.catalog import READ_GUIDE, SYNC_BUNDLED
from counter.service.documents import GUIDE_FORMS, MAKE_FORMS, MAKE_GUIDE_NOTICE
from counter.service.intake import CHECK_DRAFT, DROP_DRAFT, READ_CURRENT_GUIDE, READ_GUIDE_VERSION, RESUBMISSION
from counter.service.local import InProcess
from counter.ui import words
from counter.ui.intake import IntakePanel
from counter.ui.intake.drafts import unreadable_text
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.printing.words import (
    FORMS_DB_FAILED,
    FORMS_NO_GUIDE,
    PRINTING_DB_FAILED,
    PRINTING_GUIDE_DB_FAILED,
    PRINTING_GUIDE_UNPUBLISHED,
)
from counter.words.access import not_permitted, refused_for
from counter.words.database import document_numbers_behind_text, fault_text
from tests.ui.conftest import start_window
from tests.ui.failing import LOCKED, failing
from tests.ui.mainwindow.test_desk_actions import demo_desk, open_bundle, shown_messages

LOCKED_SAID = fault_text("locked")


def test_f5_the_database_cannot_answer_is_said_and_f5_again_opens_the_intake(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xcg")
    away = failing(window.runner, LOCKED, READ_CURRENT_GUIDE)
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert away.asked == [READ_CURRENT_GUIDE.name]
    assert window.desk_actions.intake is None
    assert LOCKED_SAID in shown_messages(window)
    away.mend()
    QTest.keyClick(window, Qt.Key.Key_F5)  # not still "being read": the key opens the intake now
    panel = window.desk_actions.intake
    assert isinstance(panel, IntakePanel)
    qtbot.addWidget(panel)


def test_f5_while_the_database_opens_that_then_fails_closes_the_opening_and_says_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_bundle(window, "xcg")
    window.desk_actions.database_opening = True  # a quick start's warm-up still opening it
    away = failing(window.runner, LOCKED, READ_CURRENT_GUIDE)
    QTest.keyClick(window, Qt.Key.Key_F5)
    opening = window.desk_actions.opening
    assert opening is not None
    qtbot.waitUntil(lambda: window.desk_actions.opening is None)
    assert away.asked == [READ_CURRENT_GUIDE.name]
    assert not shiboken6.isValid(opening) or not opening.isVisible()  # closed, and let go of
    assert window.desk_actions.intake is None
    assert LOCKED_SAID in shown_messages(window)


#: an account signed in at the desk that takes no intake (a department's), or one whose roles changed since
NOT_TAKING = NotPermitted(Permission.TAKE_INTAKE, signed_in=True)


def kept_draft(qtbot: QtBot, db: Store, catalog_dir: Path) -> MainWindow:
    """A desk started again over an intake left unfinished (乌云其木格's), its draft offered."""
    first = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    open_bundle(first, "xcg")
    QTest.keyClick(first, Qt.Key.Key_F5)
    panel = first.desk_actions.intake
    assert panel is not None
    qtbot.addWidget(panel)
    panel.applicant_form.name.setText("乌云其木格")
    assert panel.drafts.save_now()
    second = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    second.offer_draft()
    assert second.draft_offer.isVisible()
    return second


@pytest.mark.slow
def test_a_draft_the_database_cannot_restore_is_said_and_still_offered(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    window = kept_draft(qtbot, db, catalog_dir)
    away = failing(window.runner, LOCKED, READ_GUIDE_VERSION)
    QTest.mouseClick(window.draft_offer.restore_button, Qt.MouseButton.LeftButton)
    assert away.asked == [READ_GUIDE_VERSION.name]
    assert window.desk_actions.intake is None
    assert LOCKED_SAID in shown_messages(window)
    assert window.draft_offer.isVisible()  # nothing lost: 恢复 again once the database answers
    assert window.draft_offer.restore_button.isVisible()
    away.mend()
    QTest.mouseClick(window.draft_offer.restore_button, Qt.MouseButton.LeftButton)
    restored = window.desk_actions.intake
    assert restored is not None
    qtbot.addWidget(restored)
    assert restored.applicant_form.name.text() == "乌云其木格"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("raised", "said"),
    [(LOCKED, LOCKED_SAID), (NOT_TAKING, refused_for(NOT_TAKING))],
    ids=["database", "role"],
)
def test_a_draft_the_database_or_the_role_will_not_discard_is_said_and_still_offered(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None, raised: Exception, said: str
) -> None:
    window = kept_draft(qtbot, db, catalog_dir)
    away = failing(window.runner, raised, DROP_DRAFT)
    QTest.mouseClick(window.draft_offer.discard_button, Qt.MouseButton.LeftButton)
    assert away.asked == [DROP_DRAFT.name]
    assert shown_messages(window) == [said]
    assert window.draft_offer.isVisible()
    away.mend()
    QTest.mouseClick(window.draft_offer.discard_button, Qt.MouseButton.LeftButton)
    assert not window.draft_offer.isVisible()
    window.offer_draft()
    assert not window.draft_offer.isVisible()  # gone now


def test_a_resubmission_the_account_may_not_take_says_why(window: MainWindow) -> None:
    """重新提交 by an account whose roles no longer take intakes (changed since it signed in), or of a case out of its
    reach: the action's refusal is said, not the box of an unexpected error."""
    refused = NotPermitted(Permission.SEE_FULL_ID, signed_in=True)
    away = failing(window.runner, refused, RESUBMISSION)
    window.desk_actions.on_resubmit_requested("XAM01-20261120-0001", "XCG")
    assert away.asked == [RESUBMISSION.name]
    assert window.desk_actions.intake is None
    assert shown_messages(window) == [refused_for(refused)]


@pytest.mark.parametrize("op", [READ_CURRENT_GUIDE, RESUBMISSION], ids=["guide", "case"])
def test_a_resubmission_the_database_cannot_read_is_said(window: MainWindow, op: object) -> None:
    away = failing(window.runner, LOCKED, op)  # type: ignore[arg-type]
    window.desk_actions.on_resubmit_requested("XAM01-20261120-0001", "XCG")
    assert away.asked == [op.name]  # type: ignore[attr-defined]
    assert window.desk_actions.intake is None
    assert LOCKED_SAID in shown_messages(window)


@pytest.mark.slow
def test_a_draft_whose_guide_version_went_away_is_dropped_and_said(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = kept_draft(qtbot, db, catalog_dir)
    call = window.runner.service.call

    def gone(op: object, *args: object, **kwargs: object) -> object:
        return None if op is READ_GUIDE_VERSION else call(op, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(window.runner.service, "call", gone)
    QTest.mouseClick(window.draft_offer.restore_button, Qt.MouseButton.LeftButton)
    assert window.desk_actions.intake is None
    assert unreadable_text(DraftUnreadable(DraftProblemCode.GUIDE_MISSING)) in shown_messages(window)
    assert not window.draft_offer.isVisible()
    monkeypatch.undo()
    window.offer_draft()
    assert not window.draft_offer.isVisible()  # dropped: not offered again


@pytest.mark.slow
def test_f9_after_a_restart_with_the_database_away_says_so_not_that_no_case_was_taken(qtbot: QtBot, db: Store) -> None:
    """F9 asks for the last case this desk took today: a database that cannot answer is not a day without cases."""
    _made, window = demo_desk(qtbot, db)
    away = failing(window.runner, LOCKED, DAY_LISTS)
    window.desk_actions.send_to_pad()
    assert away.asked == [DAY_LISTS.name]
    assert shown_messages(window) == [LOCKED_SAID]
    assert window.desk_actions.pad is None  # nothing sent


def test_a_guide_the_database_cannot_read_is_said_and_no_other_guide_stays_on_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Enter on a search hit with the database locked: the fault in the status bar, and the guide shown before is
    not left on screen as if it were the one chosen (F5 would open its intake)."""
    open_bundle(window, "xcg")
    shown = window.current_bundle
    assert shown is not None
    away = failing(window.runner, LOCKED, READ_GUIDE)
    window.on_bundle_chosen("SOMETHING-ELSE")
    assert away.asked == [READ_GUIDE.name]
    assert window.statusBar().currentMessage() == LOCKED_SAID
    assert window.current_bundle is None
    assert window.version_label.text() == ""
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.desk_actions.intake is None  # nothing to take: no guide on screen
    away.mend()
    window.on_bundle_chosen(shown.code)
    assert window.current_bundle == shown


def test_a_bundled_catalog_the_database_cannot_take_is_said_and_the_desk_goes_on(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    window = MainWindow(InProcess(db), catalog_dir)
    qtbot.addWidget(window)
    window.show()
    failing(window.runner, LOCKED, SYNC_BUNDLED)
    with qtbot.waitSignal(window.catalog_ready, timeout=10_000) as ready:
        window.start_sync()
    assert ready.args == [False]
    assert window.statusBar().currentMessage() == words.DESK_STATUS_SYNC_FAILED
    assert window.banner.isVisible()
    said = words.DESK_BANNER_SYNC_FAILED.format(cause=LOCKED_SAID)
    assert said in window.banner.label.text()


def test_f5_by_an_account_that_may_not_take_intakes_says_whose_step_it_is(window: MainWindow) -> None:
    window.desk_actions.sign_in_as(Actor("lina", "李娜", frozenset({Role.DEPARTMENT})), "0309")
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.desk_actions.intake is None
    assert not_permitted(Permission.TAKE_INTAKE, signed_in=True) in shown_messages(window)


def test_f4_by_an_account_that_may_not_serve_projects_says_so_and_opens_nothing(window: MainWindow) -> None:
    """帮您办 is the agents' work: a department's F4 is told whose it is rather than shown another's projects."""
    window.desk_actions.sign_in_as(Actor("lina", "李娜", frozenset({Role.DEPARTMENT})), "0309")
    QTest.keyClick(window, Qt.Key.Key_F4)
    assert window.desk_actions.projects is None
    assert not_permitted(Permission.AGENT_SERVICE, signed_in=True) in shown_messages(window)


@pytest.mark.slow
def test_a_draft_the_database_cannot_check_at_the_start_is_offered_once_it_answers(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    """The start's look for a kept draft meets the database away: nothing is offered and nothing dropped (the
    database names its problem at the clerk's first step); the draft is offered when it answers."""
    first = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    open_bundle(first, "xcg")
    QTest.keyClick(first, Qt.Key.Key_F5)
    panel = first.desk_actions.intake
    assert panel is not None
    qtbot.addWidget(panel)
    panel.applicant_form.name.setText("乌云其木格")
    assert panel.drafts.save_now()
    second = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    away = failing(second.runner, LOCKED, CHECK_DRAFT)
    second.offer_draft()
    assert away.asked == [CHECK_DRAFT.name]
    assert not second.draft_offer.isVisible()
    assert shown_messages(second) == []
    away.mend()
    second.offer_draft()
    assert second.draft_offer.isVisible()
    assert "乌云其木格" in second.draft_offer.label.text()


PAPERS: dict[str, tuple[Any, Exception, str]] = {
    "notice, database": (MAKE_GUIDE_NOTICE, LOCKED, PRINTING_GUIDE_DB_FAILED.format(fault=LOCKED_SAID)),
    "notice, numbers behind": (
        MAKE_GUIDE_NOTICE,
        NumbersBehind("XAM01-GZ-20261120-0007", "records"),
        document_numbers_behind_text("XAM01-GZ-20261120-0007"),
    ),
    "notice, guide gone": (MAKE_GUIDE_NOTICE, GuideNotFound("XAM-YJS-008"), PRINTING_GUIDE_UNPUBLISHED),
    "forms, database": (GUIDE_FORMS, LOCKED, FORMS_DB_FAILED.format(fault=LOCKED_SAID)),
    "forms, guide gone": (GUIDE_FORMS, GuideNotFound("XAM-YJS-008"), FORMS_NO_GUIDE),
    "form, database": (MAKE_FORMS, LOCKED, FORMS_DB_FAILED.format(fault=LOCKED_SAID)),
}


@pytest.mark.parametrize("paper", PAPERS)
def test_a_paper_of_the_guide_on_screen_that_cannot_be_made_says_why(window: MainWindow, paper: str) -> None:
    """Ctrl+P's 一次性告知单 and Ctrl+Shift+P's forms, refused by the database or the action: said in the desk's
    message, nothing previewed."""
    op, raised, said = PAPERS[paper]
    open_bundle(window, "xcg")
    away = failing(window.runner, raised, op)
    if op is MAKE_GUIDE_NOTICE:
        window.on_guide_notice_requested()
    elif op is MAKE_FORMS:  # the list read, a form chosen from it
        window.on_forms_requested()
        chooser = window.desk_actions.papers.form_chooser
        assert chooser is not None
        chooser.forms.setCurrentRow(0)
        chooser.on_blank()
    else:
        window.on_forms_requested()
    assert away.asked == [op.name]
    assert shown_messages(window) == [said]
    assert "办件" not in said  # a guide's paper belongs to no case: its failure says nothing of one
    assert said != PRINTING_DB_FAILED.format(fault=LOCKED_SAID)
    assert window.desk_actions.papers.preview is None
    if op is not MAKE_FORMS:  # a form refused leaves the list it was chosen from, to choose again
        assert window.desk_actions.papers.form_chooser is None


def test_a_draft_unreadable_at_the_start_is_said_dropped_and_not_offered(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    """A desk's kept form that cannot be read back (written by an older release, a disk's fault): the bar says it
    was dropped and why, offers neither 恢复 nor 放弃, and the next start offers nothing."""
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    with db.sessions().begin() as session:
        save_draft(session, window.desk_actions.desk().draft_key, "a" * 32, "{not json")
    window.offer_draft()
    assert window.draft_offer.isVisible()
    assert window.draft_offer.label.text().startswith("上次未完成的受理草稿无法恢复，已丢弃：")
    assert not window.draft_offer.restore_button.isVisible()
    assert not window.draft_offer.discard_button.isVisible()
    assert window.draft_offer.chosen() == ""  # nothing to restore or give up
    with db.sessions()() as session:
        assert load_drafts(session, window.desk_actions.desk().draft_key) == []
    window.draft_offer.hide()
    window.offer_draft()
    assert not window.draft_offer.isVisible()


@pytest.mark.slow
def test_a_gone_drafts_drop_refused_to_the_account_is_left_for_the_start(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """恢复 by an account that takes no intake (a department's, signed in at the desk) on a draft whose guide version
    went away: the draft is said dropped, as for anyone, not the box of an unexpected error; the action refuses that
    account the drop, so the draft waits for the next start's check, which drops it."""
    window = kept_draft(qtbot, db, catalog_dir)
    window.desk_actions.sign_in_as(Actor("lina", "李娜", frozenset({Role.DEPARTMENT})), "0309")
    call = window.runner.service.call

    def gone(op: object, *args: object, **kwargs: object) -> object:
        return None if op is READ_GUIDE_VERSION else call(op, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(window.runner.service, "call", gone)
    QTest.mouseClick(window.draft_offer.restore_button, Qt.MouseButton.LeftButton)
    assert window.desk_actions.intake is None
    assert shown_messages(window) == [unreadable_text(DraftUnreadable(DraftProblemCode.GUIDE_MISSING))]
    assert not window.draft_offer.isVisible()
    with db.sessions()() as session:
        assert load_drafts(session, window.desk_actions.desk().draft_key) != []  # not the account's to drop
