"""The league's lines of the period's figures: its halls, each under the county (旗县市区) it serves, and the counties.

A league takes its halls' cases by sync (docs/sites-and-sync.md) and reads them with the hall's own queries per site
(:func:`counter.actions.ratings.period_figures.period_figures`); this folds those site lines into the league's view.
Every count is additive, so a county's line is the sum of its halls' lines, and its 即办件占比 and 承诺时限压减率
are made of the summed counts (never the halls' rates averaged): a county whose big hall did well and whose small
one did not weighs as its item-办件 do.  A site the league has not given a county to (a hall registered without one)
is counted under the county ``""``, so nothing it took is lost from the total.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields, replace
from enum import StrEnum

from counter.case.period_figures import PeriodLine, total_line
from counter.case.promise_figures import PromiseFigures


class LeagueGroup(StrEnum):
    """The league's lines: one per county, or one per hall (sorted by county, then hall)."""

    COUNTY = "county"
    HALL = "hall"


def promise_sum(parts: Iterable[PromiseFigures], key: tuple[str, ...], label: str) -> PromiseFigures:
    """The promise figures of several lines as one: each count added (the rates follow from the counts)."""
    names = [f.name for f in fields(PromiseFigures) if f.name not in ("key", "label")]
    summed = PromiseFigures(key, label)
    for part in parts:
        summed = replace(summed, **{name: getattr(summed, name) + getattr(part, name) for name in names})
    return summed


def league_lines(
    site_lines: Sequence[PeriodLine],
    county_of: Mapping[str, str],
    hall_name: Mapping[str, str],
    group: LeagueGroup,
    county_label: Callable[[str], str],
) -> tuple[PeriodLine, ...]:
    """The league's lines from the lines per site (keyed by site code).

    ``county_of`` gives each site's county code, ``hall_name`` its name (a site it does not name is shown by its
    code), ``county_label`` a county's name from its code.  A hall line's key is ``county/site``; a county line's the
    county's code.
    """
    if group is LeagueGroup.HALL:
        halls = []
        for line in site_lines:
            key, label = f"{county_of.get(line.key, '')}/{line.key}", hall_name.get(line.key, line.key)
            halls.append(replace(line, key=key, label=label, promise=replace(line.promise, key=(key,), label=label)))
        return tuple(sorted(halls, key=lambda line: line.key))
    by_county: dict[str, list[PeriodLine]] = {}
    for line in site_lines:
        by_county.setdefault(county_of.get(line.key, ""), []).append(line)
    counties = []
    for county in sorted(by_county):
        lines, label = by_county[county], county_label(county)
        summed = total_line(lines, promise_sum((line.promise for line in lines), (county,), label))
        counties.append(replace(summed, key=county, label=label))
    return tuple(counties)
