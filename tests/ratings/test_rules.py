"""The applicant's choice, the rectification's moves and due date, appeals, the office's settings."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.catalog.model import TimeLimit, TimeUnit
from counter.ratings.choice import ChoiceProblem, RatingChoice, choice_problems
from counter.ratings.levels import Level
from counter.ratings.rectification import (
    DEFAULT_PERIOD,
    MOVES,
    OPEN_STATES,
    AppealProblem,
    AppealStatus,
    Move,
    MoveProblem,
    RatedClerk,
    RectEvent,
    RectState,
    Reviewer,
    appeal_problems,
    appeal_status,
    effective_due,
    filing_problems,
    is_overdue,
    move_problems,
    moves_from,
    rectification_due,
    reviewer_problems,
    state_after,
)
from counter.ratings.settings import (
    KEY_DEFAULT,
    KEY_IDLE_TEXT,
    KEY_MODE,
    KEY_PERIOD,
    KEY_REASONS,
    KEY_TIMEOUT,
    DefaultRule,
    RatingMode,
    RatingSettings,
    SettingProblem,
    SettingProblemCode,
    read_settings,
    settings_problems,
    settings_values,
)

OFFERED = ("办理时间长", "服务态度差", "其他")
DAY = dt.date(2026, 11, 20)


def test_a_bad_rating_needs_a_reason_a_good_one_none() -> None:
    assert choice_problems(RatingChoice(Level.DISSATISFIED), OFFERED) == [ChoiceProblem.REASON_REQUIRED]
    assert choice_problems(RatingChoice(Level.VERY_DISSATISFIED, ("其他",)), OFFERED) == []
    assert choice_problems(RatingChoice(Level.SATISFIED), OFFERED) == []
    assert choice_problems(RatingChoice(Level.SATISFIED, ("其他",)), OFFERED) == [ChoiceProblem.REASON_NOT_ASKED]


def test_a_bad_face_left_before_its_reasons_is_a_rating_and_only_a_bad_one_is_left() -> None:
    assert choice_problems(RatingChoice(Level.DISSATISFIED, left=True), OFFERED) == []
    assert choice_problems(RatingChoice(Level.VERY_DISSATISFIED, ("其他",), left=True), OFFERED) == []
    assert choice_problems(RatingChoice(Level.SATISFIED, left=True), OFFERED) == [ChoiceProblem.REASON_NOT_ASKED]


def test_every_problem_of_a_choice_at_once() -> None:
    choice = RatingChoice(Level.VERY_DISSATISFIED, ("排队太乱",), "说" * 301)
    assert choice_problems(choice, OFFERED) == [ChoiceProblem.REASON_NOT_OFFERED, ChoiceProblem.COMMENT_TOO_LONG]


def test_a_comment_that_reaches_the_platform_holds_no_control_invisible_or_reordering_character() -> None:
    for typed in ("态度\u202e差", "态\u200b度差", "态度差\x00"):
        assert choice_problems(RatingChoice(Level.SATISFIED, (), typed), OFFERED) == [ChoiceProblem.COMMENT_NOT_TAKEN]
    assert choice_problems(RatingChoice(Level.SATISFIED, (), "第一行\n第二行"), OFFERED) == []


def test_the_happy_path_of_a_rectification() -> None:
    state = RectState.AWAITING_REVISIT
    assert moves_from(state) == (RectEvent.REVISITED, RectEvent.NOTE)
    state = state_after(state, RectEvent.REVISITED)
    assert state is RectState.VERIFYING
    assert moves_from(state) == (RectEvent.FIX_AT_ONCE, RectEvent.FIX_BY_DEADLINE, RectEvent.EXPLAINED, RectEvent.NOTE)
    for handling, handled in (
        (RectEvent.FIX_AT_ONCE, RectState.FIX_AT_ONCE),
        (RectEvent.FIX_BY_DEADLINE, RectState.FIX_BY_DEADLINE),
        (RectEvent.EXPLAINED, RectState.EXPLAINED),
    ):
        after = state_after(state, handling)
        assert after is handled
        assert state_after(after, RectEvent.FED_BACK) is RectState.FED_BACK
    assert moves_from(RectState.FED_BACK) == ()
    assert moves_from(RectState.VOIDED) == ()


def test_a_rectification_cannot_skip_the_revisit_or_be_fed_back_twice() -> None:
    with pytest.raises(ValueError, match="fed_back not allowed in awaiting_revisit"):
        state_after(RectState.AWAITING_REVISIT, RectEvent.FED_BACK)
    with pytest.raises(ValueError, match="not allowed in fed_back"):
        state_after(RectState.FED_BACK, RectEvent.FED_BACK)
    assert all(state in OPEN_STATES for state in MOVES[RectEvent.VOIDED][0])


def test_a_note_keeps_the_state() -> None:
    for state in OPEN_STATES:
        assert state_after(state, RectEvent.NOTE) is state


def test_every_problem_of_a_move_at_once() -> None:
    move = Move(RectEvent.FIX_BY_DEADLINE, " ", "")
    assert move_problems(RectState.AWAITING_REVISIT, move, DAY) == [
        MoveProblem.NOT_ALLOWED,
        MoveProblem.WHO_REQUIRED,
        MoveProblem.NOTE_REQUIRED,
        MoveProblem.FIX_DUE_REQUIRED,
    ]
    past = Move(RectEvent.FIX_BY_DEADLINE, "其其格", "窗口增设叫号屏", DAY - dt.timedelta(days=1))
    assert move_problems(RectState.VERIFYING, past, DAY) == [MoveProblem.FIX_DUE_PAST]
    ok = Move(RectEvent.FIX_BY_DEADLINE, "其其格", "窗口增设叫号屏", DAY + dt.timedelta(days=20))
    assert move_problems(RectState.VERIFYING, ok, DAY) == []


def test_the_due_date_is_seven_days_and_never_a_day_off() -> None:
    calendar = WorkCalendar(HolidayTable.from_chinesecalendar())
    assert TimeLimit(7, TimeUnit.CALENDAR_DAY) == DEFAULT_PERIOD
    assert rectification_due(DAY, DEFAULT_PERIOD, calendar).date == dt.date(2026, 11, 27)
    # opened on a Monday, due the next Monday
    assert rectification_due(dt.date(2026, 11, 23), DEFAULT_PERIOD, calendar).date == dt.date(2026, 11, 30)
    # 2026-09-28 + 7 = 2026-10-05, inside the National Day holiday: the first working day after it
    due = rectification_due(dt.date(2026, 9, 28), DEFAULT_PERIOD, calendar).date
    assert due > dt.date(2026, 10, 5)
    assert calendar.is_working_day(due)
    five_working = TimeLimit(5, TimeUnit.WORKING_DAY)
    assert rectification_due(DAY, five_working, calendar).date == dt.date(2026, 11, 27)


def test_overdue_and_the_ledger_date_of_a_fix_by_deadline() -> None:
    due = dt.date(2026, 11, 27)
    ledger = dt.date(2026, 12, 20)
    assert effective_due(due, RectState.FIX_BY_DEADLINE, ledger) == ledger
    assert effective_due(due, RectState.VERIFYING, None) == due
    assert not is_overdue(due, RectState.VERIFYING, due)
    assert is_overdue(due, RectState.VERIFYING, due + dt.timedelta(days=1))
    assert not is_overdue(due, RectState.FED_BACK, due + dt.timedelta(days=30))


def test_an_appeal_needs_who_and_a_real_reason() -> None:
    assert appeal_problems("", "", False) == [AppealProblem.WHO_REQUIRED, AppealProblem.REASON_REQUIRED]
    assert appeal_problems("其其格", "误评", True) == [AppealProblem.REASON_TOO_SHORT, AppealProblem.ALREADY_EXCLUDED]
    assert appeal_problems("其其格", "申请人当场表示误按，已电话确认", False) == []


def test_settings_default_when_nothing_is_stored() -> None:
    settings, problems = read_settings({})
    assert settings == RatingSettings()
    assert settings.timeout_seconds == 60
    assert settings.period == TimeLimit(7, TimeUnit.CALENDAR_DAY)
    assert problems == []


def test_settings_round_trip_through_their_stored_strings() -> None:
    settings = RatingSettings(
        90, ("排队时间长", "其他"), "今日大厅10号窗口暂停服务", TimeLimit(5, TimeUnit.WORKING_DAY)
    )
    assert settings_problems(settings) == []
    assert read_settings(settings_values(settings)) == (settings, [])


def test_unusable_stored_settings_fall_back_one_by_one_and_are_reported() -> None:
    raw: dict[str, str | None] = {
        KEY_TIMEOUT: "5",
        KEY_REASONS: "not json",
        KEY_PERIOD: "7 fortnights",
        KEY_IDLE_TEXT: "欢迎",
    }
    settings, problems = read_settings(raw)
    assert settings == RatingSettings(idle_text="欢迎")
    assert [p.code for p in problems] == [
        SettingProblemCode.UNREADABLE,
        SettingProblemCode.UNREADABLE,
        SettingProblemCode.TIMEOUT_RANGE,
    ]


def test_every_problem_of_the_period_the_pad_text_and_the_default_rating_at_once() -> None:
    settings = RatingSettings(
        idle_text="欢" * 401, period=TimeLimit(90, TimeUnit.CALENDAR_DAY), default_rule=DefaultRule(61, " " * 3)
    )
    assert [(p.code, p.key, p.detail) for p in settings_problems(settings)] == [
        (SettingProblemCode.PERIOD_RANGE, KEY_PERIOD, "90"),
        (SettingProblemCode.IDLE_TEXT_TOO_LONG, KEY_IDLE_TEXT, ""),
        (SettingProblemCode.DEFAULT_DAYS_RANGE, KEY_DEFAULT, "61"),
        (SettingProblemCode.DEFAULT_BASIS_REQUIRED, KEY_DEFAULT, ""),
    ]
    cited = RatingSettings(default_rule=DefaultRule(7, "依据" * 101))
    assert [p.code for p in settings_problems(cited)] == [SettingProblemCode.DEFAULT_BASIS_TOO_LONG]
    assert settings_problems(RatingSettings(default_rule=DefaultRule(0, ""))) == []  # off: no basis needed


def test_a_stored_way_of_rating_that_cannot_be_read_is_the_pad_with_no_default_and_is_reported() -> None:
    raw: dict[str, str | None] = {KEY_TIMEOUT: "sixty", KEY_MODE: "kiosk", KEY_DEFAULT: '{"days": 7}'}
    settings, problems = read_settings(raw)
    assert (settings.timeout_seconds, settings.mode, settings.default_rule) == (60, RatingMode.PAD, DefaultRule())
    assert problems == [
        SettingProblem(SettingProblemCode.UNREADABLE, KEY_TIMEOUT, "sixty"),
        SettingProblem(SettingProblemCode.UNREADABLE, KEY_MODE, "kiosk"),
        SettingProblem(SettingProblemCode.UNREADABLE, KEY_DEFAULT, '{"days": 7}'),
    ]
    # a rule stored whole but out of its range is off, as if never set: no unrated service becomes 基本满意
    settings, problems = read_settings({KEY_DEFAULT: '{"days": 90, "basis": "本地规定"}'})
    assert settings.default_rule == DefaultRule()
    assert [p.code for p in problems] == [SettingProblemCode.DEFAULT_DAYS_RANGE]


def test_every_problem_of_a_reason_list() -> None:
    settings = RatingSettings(reasons=("其他", " ", "其他", "办理时间实在是太长太长了", *"ABCDEF"))
    assert [p.code for p in settings_problems(settings)] == [
        SettingProblemCode.TOO_MANY_REASONS,
        SettingProblemCode.REASON_EMPTY,
        SettingProblemCode.REASON_REPEATED,
        SettingProblemCode.REASON_TOO_LONG,
    ]


def test_nobody_reviews_their_own_rating_and_a_desk_without_accounts_reviews_none() -> None:
    """By name, login or staff number; a supervisor's role, signed in; whatever the permissions say."""
    rated = RatedClerk("乌兰", "XA0815")
    nobody = Reviewer("", "乌兰", "XA0815", supervisor=True)  # a desk without accounts, whatever it may do
    assert reviewer_problems(rated, nobody) == [AppealProblem.NO_ACCOUNT]
    assert reviewer_problems(rated, Reviewer("wulan", "乌兰", "", supervisor=True)) == [AppealProblem.OWN_RATING]
    assert reviewer_problems(rated, Reviewer("wl", "乌兰娜", "XA0815", supervisor=True)) == [AppealProblem.OWN_RATING]
    assert reviewer_problems(rated, Reviewer("乌兰", "另一人", "", supervisor=True)) == [AppealProblem.OWN_RATING]
    assert reviewer_problems(rated, Reviewer("sarula", "萨如拉", "", supervisor=False)) == [
        AppealProblem.NOT_SUPERVISOR
    ]
    assert reviewer_problems(rated, Reviewer("baoyin", "宝音", "XA0101", supervisor=True)) == []
    assert reviewer_problems(RatedClerk("乌兰", ""), Reviewer("baoyin", "宝音", "", supervisor=True)) == []


def test_an_appeal_is_filed_once_while_its_rectification_is_open() -> None:
    reason = "评价人当场说明按错了等级"
    assert filing_problems(reason, RectState.VERIFYING, AppealStatus.NONE) == []
    assert filing_problems("", RectState.VERIFYING, AppealStatus.NONE) == [AppealProblem.REASON_REQUIRED]
    assert filing_problems(reason, RectState.FED_BACK, AppealStatus.NONE) == [AppealProblem.NOT_OPEN]
    assert filing_problems(reason, None, AppealStatus.NONE) == [AppealProblem.NOT_OPEN]
    assert filing_problems(reason, RectState.VERIFYING, AppealStatus.PENDING) == [AppealProblem.ALREADY_APPEALED]
    assert filing_problems(reason, RectState.VERIFYING, AppealStatus.REJECTED) == [AppealProblem.ALREADY_APPEALED]
    assert filing_problems(reason, RectState.VOIDED, AppealStatus.UPHELD) == [AppealProblem.ALREADY_EXCLUDED]
    assert appeal_status(filed=True, decisions=[]) is AppealStatus.PENDING
    assert appeal_status(filed=True, decisions=[False]) is AppealStatus.REJECTED
    assert appeal_status(filed=False, decisions=[False, True]) is AppealStatus.UPHELD
    assert appeal_status(filed=False, decisions=[]) is AppealStatus.NONE


def test_a_note_or_an_appeals_reason_reaching_the_platform_holds_no_hidden_character() -> None:
    for typed in ("已回访\u202e申请人满意", "已回访申请人\u200b满意", "已回访申请人满意\x00"):
        move = Move(RectEvent.REVISITED, "其其格", typed)
        assert move_problems(RectState.AWAITING_REVISIT, move, DAY) == [MoveProblem.NOTE_NOT_TAKEN]
        assert appeal_problems("其其格", typed, False) == [AppealProblem.REASON_NOT_TAKEN]
    lines = Move(RectEvent.REVISITED, "其其格", "已回访申请人。\n申请人表示满意")
    assert move_problems(RectState.AWAITING_REVISIT, lines, DAY) == []
