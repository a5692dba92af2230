"""The monthly report of 帮您办 projects: which projects a month served, each as it stood on the report's day
(its history replayed), and the counts by county and state and by county and stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from counter.projects.model import (
    ProjectEvent,
    ProjectLine,
    ProjectState,
    ProjectView,
    Satisfaction,
    Stage,
    StepState,
)
from counter.projects.report import NO_STAGE, Month, monthly_report, project_as_of, served_in
from tests.projects.samples import APPLIED, FACTS, OTHER, plan


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(2), dt.UTC)


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


def line(day: dt.date, event: ProjectEvent) -> ProjectLine:
    return ProjectLine(at(day), event, "乌兰")


def completed() -> ProjectView:
    """The food factory: applied 09-01, served from 09-02, 立项 done 09-05, the land stage filed 09-08 and done
    09-20 and 09-25, 施工 filed 09-26 and done 10-20, completed 10-21 and evaluated 10-22."""
    steps = plan(APPLIED)
    dates = {1: (d(9, 2), d(9, 5)), 2: (d(9, 8), d(9, 20)), 3: (d(9, 8), d(9, 25)), 4: (d(9, 26), d(10, 20))}
    done = tuple(replace(s, filed_on=dates[s.no][0], done_on=dates[s.no][1]) for s in steps)
    history = (
        line(APPLIED, ProjectEvent.APPLIED),
        line(APPLIED, ProjectEvent.ACCEPTED),
        line(APPLIED, ProjectEvent.AGENT_ASSIGNED),
        line(d(9, 2), ProjectEvent.SIGNED),
        line(d(9, 2), ProjectEvent.PLANNED),
        *(line(dates[n][0], ProjectEvent.STEP_FILED) for n in dates),
        *(line(dates[n][1], ProjectEvent.STEP_DONE) for n in dates),
        line(d(10, 21), ProjectEvent.COMPLETED),
        line(d(10, 22), ProjectEvent.EVALUATED),
    )
    return ProjectView(
        project_no="XAM01-20260901-P01-0001",
        site_code="XAM01",
        state=ProjectState.COMPLETED,
        facts=FACTS,
        applied_on=APPLIED,
        agents=("乌兰", "张敏"),
        accepted_on=APPLIED,
        signed_on=d(9, 2),
        ended_on=d(10, 21),
        satisfaction=Satisfaction.VERY_SATISFIED,
        evaluated_on=d(10, 22),
        steps=done,
        history=tuple(sorted(history, key=lambda h: h.at)),
    )


def terminated() -> ProjectView:
    """The wind farm: applied 09-03, accepted 09-04, terminated 09-15."""
    return ProjectView(
        project_no="XAM01-20260903-P01-0001",
        site_code="XAM01",
        state=ProjectState.TERMINATED,
        facts=OTHER,
        applied_on=d(9, 3),
        accepted_on=d(9, 4),
        ended_on=d(9, 15),
        end_reason="项目单位决定暂缓建设",
        history=(
            line(d(9, 3), ProjectEvent.APPLIED),
            line(d(9, 4), ProjectEvent.ACCEPTED),
            line(d(9, 15), ProjectEvent.TERMINATED),
        ),
    )


def test_the_project_as_of_a_day_is_its_history_replayed() -> None:
    p = completed()
    assert project_as_of(p, d(8, 31)).state is ProjectState.APPLIED  # before anything but the application
    assert project_as_of(p, APPLIED).state is ProjectState.ACCEPTED
    on_10th = project_as_of(p, d(9, 10))
    assert on_10th.state is ProjectState.IN_SERVICE
    assert [s.state for s in on_10th.steps] == [StepState.DONE, StepState.FILED, StepState.FILED, StepState.PLANNED]
    assert on_10th.ended_on is None
    assert on_10th.satisfaction is None
    on_21st = project_as_of(p, d(10, 21))
    assert on_21st.state is ProjectState.COMPLETED
    assert on_21st.ended_on == d(10, 21)
    assert on_21st.satisfaction is None  # evaluated the next day
    assert project_as_of(p, d(10, 22)).satisfaction is Satisfaction.VERY_SATISFIED
    assert project_as_of(p, d(12, 31)) == p
    t = terminated()
    assert project_as_of(t, d(9, 14)).state is ProjectState.ACCEPTED
    assert project_as_of(t, d(9, 15)).state is ProjectState.TERMINATED


def test_a_month_serves_the_projects_registered_by_its_end_and_not_ended_before_it() -> None:
    p, t = completed(), terminated()
    assert served_in(p, Month(2026, 9))
    assert served_in(p, Month(2026, 10))  # completed on 10-21
    assert not served_in(p, Month(2026, 11))
    assert not served_in(p, Month(2026, 8))  # registered on 09-01
    assert served_in(t, Month(2026, 9))
    assert not served_in(t, Month(2026, 10))  # terminated on 09-15
    open_ = replace(p, state=ProjectState.IN_SERVICE, ended_on=None)
    assert served_in(open_, Month(2027, 3))


def test_the_report_of_a_month_states_each_project_as_of_its_day() -> None:
    report = monthly_report([completed(), terminated()], Month(2026, 9), today=d(9, 20))
    assert report.as_of == d(9, 20)
    assert report.due_on == d(9, 23)
    by_no = {r.project_no: r for r in report.rows}
    food = by_no["XAM01-20260901-P01-0001"]
    assert (food.county, food.state, food.stage) == ("乌兰浩特市", ProjectState.IN_SERVICE, Stage.LAND.value)
    assert (food.steps_done, food.steps_total) == (2, 4)  # 立项 and 用地预审 done by the 20th
    assert food.steps_overdue == 0
    assert food.satisfaction is None
    wind = by_no["XAM01-20260903-P01-0001"]
    assert (wind.county, wind.state, wind.stage) == ("科尔沁右翼前旗", ProjectState.TERMINATED, NO_STAGE)
    assert [r.county for r in report.rows] == ["乌兰浩特市", "科尔沁右翼前旗"]
    assert report.by_state == (
        ("乌兰浩特市", ProjectState.IN_SERVICE, 1),
        ("科尔沁右翼前旗", ProjectState.TERMINATED, 1),
    )
    assert report.by_stage == (("乌兰浩特市", Stage.LAND.value, 1), ("科尔沁右翼前旗", NO_STAGE, 1))


def test_a_report_made_late_says_what_was_true_at_the_months_end() -> None:
    report = monthly_report([completed(), terminated()], Month(2026, 9), today=d(11, 5))
    assert report.as_of == d(9, 30)
    food = next(r for r in report.rows if r.county == "乌兰浩特市")
    assert (food.state, food.stage, food.steps_done) == (ProjectState.IN_SERVICE, Stage.CONSTRUCTION.value, 3)
    assert food.ended_on is None
    october = monthly_report([completed(), terminated()], Month(2026, 10), today=d(11, 5))
    assert [(r.project_no, r.state, r.satisfaction) for r in october.rows] == [
        ("XAM01-20260901-P01-0001", ProjectState.COMPLETED, Satisfaction.VERY_SATISFIED)
    ]
    assert october.by_stage == (("乌兰浩特市", Stage.CONSTRUCTION.value, 1),)


def test_overdue_steps_are_counted_as_of_the_reports_day() -> None:
    p = completed()
    late = replace(p, steps=(*p.steps[:3], replace(p.steps[3], done_on=None)), state=ProjectState.IN_SERVICE,
                   ended_on=None, satisfaction=None, evaluated_on=None,
                   history=tuple(h for h in p.history if h.event not in (ProjectEvent.COMPLETED,
                                                                         ProjectEvent.EVALUATED)))  # fmt: skip
    report = monthly_report([late], Month(2026, 11), today=d(11, 10))  # 施工 expected on 10-31
    assert report.rows[0].steps_overdue == 1
    assert report.rows[0].stage == Stage.CONSTRUCTION.value


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [("2026-09", d(9, 1), d(9, 30)), ("2028-02", dt.date(2028, 2, 1), dt.date(2028, 2, 29))],
)
def test_a_month_reads_from_its_text(text: str, first: dt.date, last: dt.date) -> None:
    month = Month.parse(text)
    assert (month.first, month.last, str(month)) == (first, last, text)
    assert month.due_on == dt.date(first.year, first.month, 23)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "1999-05", "2026", "九月"])
def test_a_month_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        Month.parse(text)
