"""How the figures read: from the cases' own rows, never joined to the ratings; the history of the period's
rectifications only; and without JIT on PostgreSQL.

The counts themselves are held to the domain's in ``tests/actions/test_period_figures.py``; here, the statements
a month's figures send (captured as they run).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.ratings.period_figures import period_figures
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig
from counter.ratings.figures import Grouping
from tests.db.plans import statements

DESK = desk_at(DeskConfig(site_code="XAM01", site_name="兴安盟政务服务中心", desk_no="8", clerk="乌兰"))
FIRST, LAST = dt.date(2026, 10, 1), dt.date(2026, 10, 31)


def _sent(hall: sessionmaker[Session], grouping: Grouping) -> list[str]:
    """The statements a month's figures by ``grouping`` send."""
    return [
        statement
        for statement, _ in statements(
            hall, partial(period_figures, first=FIRST, last=LAST, grouping=grouping, today=LAST, desk=DESK)
        )
    ]


def test_the_services_are_counted_without_joining_the_ratings(catalog_hall: sessionmaker[Session]) -> None:
    """What each service's rating came to is the standing its case keeps (counter.db.service_standing)."""
    sent = _sent(catalog_hall, Grouping.DESK)
    reads = [s for s in sent if 'FROM "case"' in s and "GROUP BY" in s]
    assert reads  # the services and the accepted cases
    for statement in reads:
        for table in ("rating_request", "rating_lapse", "rating_appeal", "rectification_history"):
            assert table not in statement


def test_only_the_periods_rectifications_have_their_history_read(catalog_hall: sessionmaker[Session]) -> None:
    """Each count used to look its state up in the league's whole history (a hashed subquery over every line)."""
    (statement,) = [s for s in _sent(catalog_hall, Grouping.DAY) if "rectification_history" in s]
    assert "EXISTS" not in statement
    assert statement.count("opened_on BETWEEN") == 2  # the rectifications counted, and those whose lines are read


def test_the_figures_are_not_jit_compiled(catalog_hall: sessionmaker[Session]) -> None:
    """A month's estimate passes PostgreSQL's JIT thresholds, and compiling cost more than counting."""
    with catalog_hall() as session:
        if session.get_bind().dialect.name != "postgresql":
            return
        session.execute(text("SET jit = on"))  # as a hall's server has it by default
        session.commit()
        period_figures(session, FIRST, LAST, Grouping.DAY, LAST, desk=DESK)
        assert session.scalar(text("SHOW jit")) == "off"  # for this read transaction
        session.commit()
        assert session.scalar(text("SHOW jit")) == "on"  # and no longer: the server's setting is left as it is
        session.execute(text("RESET jit"))
        session.commit()
