"""The league's lines folded from the lines per site: a county's counts are its halls' counts added."""

from __future__ import annotations

from fractions import Fraction

from counter.case.league_figures import LeagueGroup, league_lines
from counter.case.period_figures import CaseCounts, PeriodLine, RectCounts
from counter.case.promise_figures import BundleFacts, PromiseFigures, VersionCount
from counter.ratings.figures import Figures

#: a case of four items, one decided on the day it was taken, three measured with cuts of 1/2 each; a case of one
#: item cut whole, decided on the day
FOUR = (BundleFacts(4, (Fraction(1, 2),) * 3, 1), 1)
ONE = (BundleFacts(1, (Fraction(1),), 0), 1)


def _site(code: str, *counts: tuple[tuple[BundleFacts, int], int]) -> PeriodLine:
    promise = PromiseFigures((code,), code)
    for (facts, decided), cases in counts:
        promise = promise.plus(VersionCount((code,), code, facts, cases, decided))
    accepted = sum(cases for _facts, cases in counts)
    return PeriodLine(code, code, Figures(code, services=accepted), CaseCounts(accepted=accepted), promise,
                      RectCounts(opened=1))  # fmt: skip


SITES = (_site("AES01", (FOUR, 1)), _site("ARH01", (ONE, 3)), _site("WLH01", (FOUR, 2)), _site("ZLT01", (ONE, 1)))
COUNTY_OF = {"AES01": "152202", "ARH01": "152202", "WLH01": "152201"}  # ZLT01 registered without one


def test_a_county_adds_its_halls_counts_and_makes_its_rates_of_them() -> None:
    lines = league_lines(SITES, COUNTY_OF, {}, LeagueGroup.COUNTY, lambda code: f"县{code}" if code else "")
    assert [(line.key, line.label) for line in lines] == [("", ""), ("152201", "县152201"), ("152202", "县152202")]
    nowhere, wlh, aes = lines
    assert (nowhere.promise.cases, nowhere.promise.same_day_share) == (1, Fraction(1))
    # 阿尔山: four item-办件 (one 即办) and three 即办 item-办件: 4 of 7, not the mean of 1/4 and 1
    assert aes.promise.same_day_share == Fraction(4, 7)
    assert aes.promise.mean_reduction == (Fraction(3, 2) + 3) / 6
    assert aes.promise.key == ("152202",)
    assert (aes.cases.accepted, aes.ratings.services, aes.rectifications.opened) == (4, 4, 2)
    assert wlh.promise.same_day_share == Fraction(1, 4)


def test_a_hall_line_is_its_site_line_under_its_county_and_name() -> None:
    names = {"WLH01": "乌兰浩特市政务服务中心"}
    lines = league_lines(SITES, COUNTY_OF, names, LeagueGroup.HALL, str)
    assert [(line.key, line.label) for line in lines] == [
        ("/ZLT01", "ZLT01"),
        ("152201/WLH01", "乌兰浩特市政务服务中心"),
        ("152202/AES01", "AES01"),
        ("152202/ARH01", "ARH01"),
    ]
    assert lines[1].promise == PromiseFigures(("152201/WLH01",), "乌兰浩特市政务服务中心").plus(
        VersionCount((), "", FOUR[0], 2, FOUR[1])
    )
