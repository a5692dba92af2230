"""好评率, 差评数, 未评率, 整改率 from plain rows; the export in both codings."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from fractions import Fraction

from counter.ratings.export import FIELDS, RatingRecord, region_of, to_csv, to_json
from counter.ratings.figures import Grouping
from counter.ratings.levels import Channel, Level, RaterKind
from counter.ratings.rectification import RectState
from counter.ratings.status import DeskStatus
from tests.codings import OTHERS, shipped_codings
from tests.figures_oracle import ServiceFact, figures_by, total_figures

MON, TUE = dt.date(2026, 11, 23), dt.date(2026, 11, 24)


def fact(
    day: dt.date = MON,
    desk: str = "8",
    clerk: str = "乌兰",
    status: DeskStatus | None = DeskStatus.RATED,
    level: Level | None = Level.SATISFIED,
    excluded: bool = False,
    rectification: RectState | None = None,
    bundle: tuple[str, str] = ("XAM-YJS-008", "我要开小餐馆"),
) -> ServiceFact:
    return ServiceFact(day, desk, clerk, bundle[0], bundle[1], status, level, excluded, rectification)


FACTS = [
    fact(level=Level.VERY_SATISFIED),
    fact(level=Level.SATISFIED),
    fact(level=Level.BASIC),
    fact(level=Level.DISSATISFIED, rectification=RectState.FED_BACK),
    fact(level=Level.VERY_DISSATISFIED, rectification=RectState.VERIFYING),
    fact(level=Level.VERY_DISSATISFIED, excluded=True, rectification=RectState.VOIDED),
    fact(status=DeskStatus.UNRATED, level=None),
    fact(status=None, level=None, desk="3", clerk="其其格"),
    fact(status=DeskStatus.PENDING, level=None, day=TUE),
]


def test_the_total_follows_the_documented_rules() -> None:
    total = total_figures(FACTS)
    assert (total.services, total.pending, total.rated, total.good, total.bad) == (9, 1, 5, 3, 2)
    assert (total.unrated, total.not_sent, total.excluded, total.rectified) == (1, 1, 1, 1)
    assert total.good_rate == Fraction(3, 5)  # 基本满意 is a 好评; the excluded rating is in no rate
    assert total.unrated_rate == Fraction(2, 8)  # unrated + never sent, of the 8 services no longer on the pad
    assert total.rectification_rate == Fraction(1, 2)


def test_figures_by_desk_clerk_day_and_bundle() -> None:
    by_desk = figures_by(FACTS, Grouping.DESK)
    assert [(f.label, f.services) for f in by_desk] == [("3", 1), ("8", 8)]
    assert by_desk[0].unrated_rate == 1
    assert by_desk[0].good_rate is None  # nothing rated: no rate, not 0 %
    assert [f.label for f in figures_by(FACTS, Grouping.CLERK)] == ["乌兰", "其其格"]
    by_day = figures_by(FACTS, Grouping.DAY)
    assert [(f.label, f.services, f.pending) for f in by_day] == [("2026-11-23", 8, 0), ("2026-11-24", 1, 1)]
    assert by_day[1].unrated_rate is None
    assert [f.label for f in figures_by(FACTS, Grouping.BUNDLE)] == ["我要开小餐馆"]


def test_desks_sort_by_number_not_by_text() -> None:
    facts = [fact(desk="10"), fact(desk="9"), fact(desk="1")]
    assert [f.label for f in figures_by(facts, Grouping.DESK)] == ["1", "9", "10"]


def test_no_services_no_rates() -> None:
    total = total_figures([])
    assert (total.good_rate, total.unrated_rate, total.rectification_rate) == (None, None, None)


RECORD = RatingRecord(
    case_no="XAM01-20261120-8-0001",
    item_code="XAM-YJS-008",
    item_name="我要开小餐馆（50平方米以下）",
    department="兴安盟政务服务中心",
    clerk="乌兰",
    staff_no="XA0815",
    desk_no="8",
    site_code="XAM01",
    region="152201",
    channel=Channel.HALL_TABLET,
    rater_name="张海军",
    rater_id_no="152201199101010011",
    rater_kind=RaterKind.PERSON,
    anonymous=False,
    level=Level.VERY_DISSATISFIED,
    reasons=("办理时间长", "其他"),
    comment="材料要求前后不一",
    rated_at=dt.datetime(2026, 11, 20, 10, 31, 5, tzinfo=dt.timezone(dt.timedelta(hours=8))),
    round=1,
    excluded=False,
    appeal_reason="",
)


GBT, HCP = shipped_codings(OTHERS), shipped_codings()


def test_json_names_its_codings_on_every_line() -> None:
    gbt = json.loads(to_json([RECORD], GBT))[0]
    interface = json.loads(to_json([RECORD], HCP))[0]
    assert list(gbt) == list(FIELDS)
    assert (gbt["level"], gbt["satisfaction"]) == ("5", "very_dissatisfied")
    assert gbt["coding"] == "level=gbt39046;channel=gbt39046_names;round=count;applicant_kind=gbt39046"
    assert (interface["level"], interface["channel"]) == ("1", "4")
    assert interface["coding"] == "level=hcp;channel=hcp;round=count;applicant_kind=gbt39046"
    assert gbt["channel"] == "政务大厅平板电脑"
    assert gbt["rater_kind"] == "1"
    assert gbt["reasons"] == ["办理时间长", "其他"]
    assert gbt["rated_at"] == "2026-11-20T10:31:05+08:00"
    assert gbt["round"] == "1"
    assert gbt["anonymous"] is False


def test_csv_has_the_same_columns_in_both_codings() -> None:
    for codings, level in ((GBT, "5"), (HCP, "1")):
        rows = list(csv.DictReader(io.StringIO(to_csv([RECORD], codings))))
        assert len(rows) == 1
        assert tuple(rows[0]) == FIELDS
        assert rows[0]["level"] == level
        assert rows[0]["coding"] == codings.used_text("level", "channel", "round", "applicant_kind")
        assert rows[0]["reasons"] == "办理时间长；其他"
        assert rows[0]["excluded"] == "0"


def test_the_region_is_the_first_six_digits_of_the_area_code() -> None:
    assert region_of("152201000000") == "152201"
    assert region_of("152200") == "152200"
