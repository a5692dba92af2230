"""A 帮您办 project's history in words: each stored note said as the page says it, never as the format it is kept in."""

from __future__ import annotations

import datetime as dt
import json

from counter.projects.model import ProjectEvent, ProjectLine
from counter.words.projects import history_note_text, next_text

AT = dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC)


def said(event: ProjectEvent, note: str) -> str:
    return history_note_text(ProjectLine(AT, event, "乌兰", note))


def test_a_step_filed_as_a_case_names_the_case_and_one_done_its_day() -> None:
    filed = json.dumps({"step": 3, "day": "2026-11-20", "case": "XAM01-20261120-08-0007"})
    assert said(ProjectEvent.STEP_FILED, filed) == "第 3 步，2026-11-20，办件 XAM01-20261120-08-0007"
    assert said(ProjectEvent.STEP_DONE, json.dumps({"step": 3, "day": "2026-11-27"})) == "第 3 步，2026-11-27"


def test_a_note_not_kept_as_its_parameters_is_said_as_it_was_written() -> None:
    """A note written by hand or by an older program: shown as it is, not lost and not a traceback."""
    assert said(ProjectEvent.STEP_DONE, "第三步已办结") == "第三步已办结"
    assert said(ProjectEvent.AGENT_ASSIGNED, '["其其格"]') == '["其其格"]'


def test_a_project_waiting_on_nothing_says_nothing() -> None:
    assert next_text(None) == ""
