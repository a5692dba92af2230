"""A coordination is recorded as the desk's clerk's, never the agent its request names.

The request's ``agent`` was kept as sent: through the hall server any token could record a 会商 as another agent's.
The operation records the desk's clerk (at the server, the session's account).
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.projects.project_steps import file_step, read_project
from counter.projects.model import Coordination
from counter.service.call import Call, Clock
from counter.service.projects import RecordCoordination, record_coordination
from tests.actions.test_projects import at, days, served


def test_a_coordination_is_the_desks_clerks_whatever_agent_is_sent(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = served(sessions, desk)
    clerk = dataclasses.replace(desk, clerk="张敏")  # one of the project's two agents, signed in at the desk
    with sessions.begin() as s:
        file_step(s, desk, number, 1, days(2), days(2), at(days(2)))
    forged = Coordination(days(3), "盟自然资源局 耕保科", "用地预审", "同意", agent="乌兰")
    with sessions.begin() as s:
        record_coordination(s, Call.on(Clock(days(3)), clerk), RecordCoordination(number, forged))
    with sessions() as s:
        view = read_project(s, number)
    assert [c.agent for c in view.coordinations] == ["张敏"]
