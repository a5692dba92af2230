"""A paper's service as a fact (counter.case.served): on a day from the paper's own to today, by hand or at the
window with who signed for it, by post with its tracking number; every reason at once."""

from __future__ import annotations

import datetime as dt

from counter.case.served import Service, ServiceProblem, ServiceWay, service_problems

MADE = dt.date(2026, 12, 10)
TODAY = dt.date(2026, 12, 14)


def test_a_service_by_hand_at_the_window_or_by_post_names_what_proves_it() -> None:
    assert service_problems(Service(ServiceWay.HAND, MADE, "孟根"), MADE, TODAY) == ()
    assert service_problems(Service(ServiceWay.WINDOW, TODAY, "孟根"), MADE, TODAY) == ()
    assert service_problems(Service(ServiceWay.POST, dt.date(2026, 12, 12), "", "1190123456789"), MADE, TODAY) == ()
    assert service_problems(Service(ServiceWay.HAND, MADE, " "), MADE, TODAY) == (ServiceProblem.NO_RECIPIENT,)
    assert service_problems(Service(ServiceWay.WINDOW, MADE), MADE, TODAY) == (ServiceProblem.NO_RECIPIENT,)
    assert service_problems(Service(ServiceWay.POST, MADE, "孟根"), MADE, TODAY) == (ServiceProblem.NO_TRACKING,)
    too_long = Service(ServiceWay.POST, MADE, "", "9" * 41)
    assert service_problems(too_long, MADE, TODAY) == (ServiceProblem.NO_TRACKING,)


def test_a_service_before_the_paper_or_still_to_come_is_no_fact() -> None:
    early = Service(ServiceWay.HAND, MADE - dt.timedelta(days=1), "孟根")
    assert service_problems(early, MADE, TODAY) == (ServiceProblem.BEFORE_MADE,)
    coming = Service(ServiceWay.POST, TODAY + dt.timedelta(days=1), "")
    assert service_problems(coming, MADE, TODAY) == (ServiceProblem.IN_FUTURE, ServiceProblem.NO_TRACKING)


def test_what_proves_a_service_is_held_to_the_shape_a_paper_prints() -> None:
    """A name or a tracking number sent by any face, the hall server's callers too: no character a paper cannot
    hold, no name longer than a name."""
    assert service_problems(Service(ServiceWay.HAND, MADE, "孟根\x07"), MADE, TODAY) == (ServiceProblem.NO_RECIPIENT,)
    assert service_problems(Service(ServiceWay.HAND, MADE, "孟" * 51), MADE, TODAY) == (ServiceProblem.NO_RECIPIENT,)
    bell = Service(ServiceWay.POST, MADE, "", "1190\x07")
    assert service_problems(bell, MADE, TODAY) == (ServiceProblem.NO_TRACKING,)


def test_an_electronic_service_is_the_platforms_confirmation_never_typed_in() -> None:
    """Recorded from the platform's word alone (counter.actions.cases.e_service): the way a clerk records a service
    by hand, at the window or by post refuses it, with its one reason."""
    online = Service(ServiceWay.ONLINE, TODAY, "孟根")
    assert service_problems(online, MADE, TODAY) == (ServiceProblem.ONLINE_CONFIRMED,)
