"""The line above a case's page names each item and each deferred material with its own date."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.case_view import read_case
from counter.case.item_clock import DueAlert
from counter.case.view import CaseView
from counter.documents.case_page import ItemLine
from counter.ui.cases.case_lines import case_alert
from tests.ui.cases.casebook import DAY, Casebook


def view_of(sessions: sessionmaker[Session], case_no: str) -> CaseView:
    with sessions() as session:
        page = read_case(session, case_no)
    assert page is not None
    return page.view


def test_items_due_on_different_days_are_named_each_with_its_date(
    case_sessions: sessionmaker[Session], book: Casebook
) -> None:
    view = view_of(case_sessions, book.accepted)
    items = [
        ItemLine("I1", "个体工商户登记", "市场监督管理局", dt.date(2026, 11, 25), DueAlert.DUE_NEXT),
        ItemLine("I2", "食品经营许可", "市场监督管理局", dt.date(2026, 11, 24), DueAlert.DUE_TODAY),
        ItemLine("I3", "户外招牌设置", "城市管理综合执法局", dt.date(2026, 11, 20), DueAlert.OVERDUE),
        ItemLine("I4", "涉税事项", "税务局", dt.date(2026, 12, 9), None),  # not near its date: not named
    ]
    style, text = case_alert(view, dt.date(2026, 11, 24), items) or ("", "")
    assert style == "alertOverdue"
    assert text == (
        "户外招牌设置（2026-11-20）已超过办结期限，请督促实施部门办理；"
        "食品经营许可（2026-11-24）今天到期，请督促实施部门办理；"
        "个体工商户登记（2026-11-25）即将到期，请督促实施部门办理"
    )
    # due today is red, as the lists colour it: no day left; the working day before stays amber
    today_and_next = case_alert(view, dt.date(2026, 11, 24), items[:2])
    assert today_and_next is not None
    assert today_and_next[0] == "alertOverdue"
    soon = "个体工商户登记（2026-11-25）、涉税事项（2026-12-09）即将到期，请督促实施部门办理"
    later = [items[0], dataclasses.replace(items[3], alert=DueAlert.DUE_NEXT)]
    assert case_alert(view, dt.date(2026, 11, 24), later) == ("alertDue", soon)


def test_deferred_materials_due_on_different_days_are_named_each_with_its_date(
    case_sessions: sessionmaker[Session], book: Casebook
) -> None:
    view = view_of(case_sessions, book.awaiting)
    waiting = [m for m in view.materials if m.due_on is not None and m.arrived_on is None]
    assert len(waiting) >= 2
    one_day = case_alert(view, DAY)
    assert one_day == ("alertDue", f"容缺材料须在{waiting[0].due_on}前补交")  # one date for all: said once
    due = waiting[0].due_on
    assert due is not None
    assert case_alert(view, due) == ("alertOverdue", f"容缺材料须在{due}前补交")  # the day itself: red
    first, second = waiting[0], waiting[1]
    earlier = dataclasses.replace(first, due_on=dt.date(2026, 11, 23))
    later = dataclasses.replace(second, due_on=dt.date(2026, 11, 27))
    rest = [dataclasses.replace(m, due_on=dt.date(2026, 11, 27)) for m in waiting[2:]]
    others = [m for m in view.materials if m not in waiting]
    apart = dataclasses.replace(view, materials=(*others, earlier, later, *rest))
    style, text = case_alert(apart, DAY) or ("", "")
    assert style == "alertDue"
    assert text.startswith(f"容缺材料各有补交期限：{first.name}须在2026-11-23前补交、{second.name}须在2026-11-27前补交")
    style, text = case_alert(apart, dt.date(2026, 11, 25)) or ("", "")
    assert style == "alertOverdue"
    assert text.startswith(f"容缺材料各有补交期限：{first.name}已逾期2天（补交期限2026-11-23）、{second.name}须在")
    assert text.endswith("；逾期的可记录逾期未补齐，相关事项由其实施部门作出决定")
