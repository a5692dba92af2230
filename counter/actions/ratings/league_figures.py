"""The league's figures (``counter figures --by county|hall``): its halls' period, per county and per hall.

A league's database holds the cases its halls sent by sync (:mod:`counter.actions.sync.packages`); the period is read
with the halls' own queries per site (:func:`counter.actions.ratings.period_figures.period_figures`) and folded by the
county each hall was registered with (:mod:`counter.case.league_figures`, :mod:`counter.sync.counties`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.admin.site import peers
from counter.actions.ratings.period_figures import period_figures
from counter.case.league_figures import LeagueGroup, league_lines
from counter.projects.period_figures import PeriodFigures
from counter.ratings.figures import Grouping
from counter.sync.counties import county_name

__all__ = ["LeagueFigures", "league_figures"]


@dataclass(frozen=True, slots=True)
class LeagueFigures:
    """The period's figures in the league's lines (``figures.lines``), with the total over every hall."""

    group: LeagueGroup
    figures: PeriodFigures


def league_figures(
    session: Session,
    first: dt.date,
    last: dt.date,
    group: LeagueGroup,
    today: dt.date,
    *,
    desk: Desk | None = None,
) -> LeagueFigures:
    """The period's figures (``first`` to ``last``, both included) by county or by hall, for whoever acts at
    ``desk`` and may see figures; a county's name is ``""`` where the league gave the hall no county."""
    by_site = period_figures(session, first, last, Grouping.SITE, today, desk=desk)
    registered = peers(session)
    county_of = {peer.code: peer.county for peer in registered}
    names = {peer.code: peer.name for peer in registered}
    lines = league_lines(by_site.lines, county_of, names, group, lambda code: county_name(code) if code else "")
    return LeagueFigures(group, replace(by_site, lines=lines))
