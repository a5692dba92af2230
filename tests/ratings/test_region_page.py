"""The site's 好差评 on the 自治区 system's page: the pad shows the page for the 办件编号, the desk keeps no rating."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.record import record_rating, record_unrated, send_to_pad
from counter.audit.actions import AuditAction
from counter.db import models
from counter.db.platform_store import PLATFORM_KEY
from counter.db.settings_store import put_setting
from counter.platform.mapping import mapping_file
from counter.platform.rating_page import RatingPageError, load_rating_page, rating_page_from
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.refusals import RatingRefused
from counter.ratings.settings import (
    KEY_DEFAULT,
    KEY_MODE,
    DefaultRule,
    RatingMode,
    RatingSettings,
    SettingProblemCode,
    read_settings,
    settings_problems,
    settings_values,
)
from counter.ratings.status import SendRefusal
from counter.words.ratings import RATING_REFUSAL
from tests.ratings.conftest import DESK, Clock


def region_mode(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        put_setting(session, KEY_MODE, RatingMode.REGION_PAGE.value)


def test_the_shipped_mapping_names_the_page_with_its_source_and_period() -> None:
    page = load_rating_page(mapping_file("nmg"))
    assert page is not None
    assert page.address.startswith("https://")
    assert "{case_no}" in page.address
    assert "内政服发〔2022〕15号" in page.source
    assert not page.confirmed
    assert page.period_days == 7
    assert "广东" in page.period_source
    assert page.address_for("XAM01-2026/0001").endswith("XAM01-2026%2F0001")


@pytest.mark.parametrize(
    "raw",
    [
        {"address": "http://example.cn/?no={case_no}", "period_days": 7},  # not https
        {"address": "https://example.cn/", "period_days": 7},  # no place for the 办件编号
        {"address": "https://example.cn/?no={case_no}", "period_days": 0},
        # a yes for a number: read as 1, the paper told the applicant one day to rate again
        {"address": "https://example.cn/?no={case_no}", "period_days": True},
        {"address": "https://example.cn/?no={case_no}", "period_days": "7"},
        # a no written as text: text is true, an unconfirmed page read as confirmed
        {"address": "https://example.cn/?no={case_no}", "period_days": 7, "confirmed": "false"},
        "https://example.cn/?no={case_no}",  # not a table
    ],
)
def test_a_page_the_region_could_not_be_reached_by_is_refused(raw: object) -> None:
    with pytest.raises(RatingPageError):
        rating_page_from({"rating_page": raw})


def test_the_mode_is_kept_and_an_unknown_one_falls_back_to_the_pad() -> None:
    settings = RatingSettings(mode=RatingMode.REGION_PAGE)
    assert read_settings(settings_values(settings)) == (settings, [])
    read, problems = read_settings({KEY_MODE: "kiosk"})
    assert read.mode is RatingMode.PAD
    assert [p.key for p in problems] == [KEY_MODE]


def test_the_pad_is_given_the_page_and_the_desk_records_only_the_asking(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    region_mode(sessions)
    case_no = demo_cases["受理"]
    with sessions.begin() as session:
        shown = send_to_pad(session, case_no, DESK, clock())
    page = load_rating_page(mapping_file("nmg"))
    assert page is not None
    assert shown.page_address == page.address_for(case_no)
    with sessions.begin() as session:
        with pytest.raises(RatingRefused) as refused:  # a pad that still offered faces: nothing enters the file
            record_rating(
                session, shown.request_id, RatingChoice(Level.SATISFIED), DESK, clock(), office_calendar(session)
            )
        assert refused.value.code is SendRefusal.REGION_PAGE
    with sessions.begin() as session:
        record_unrated(session, shown.request_id, DESK, clock())  # the page's time on the pad is over
    with sessions() as session:
        assert session.scalars(select(models.Rating)).all() == []
        entry = session.scalars(
            select(models.AuditEntry).where(models.AuditEntry.action == AuditAction.SENT_TO_PAD.value)
        ).one()
        detail = json.loads(entry.detail)
        assert (detail["mode"], detail["page"]) == ("region_page", shown.page_address)


def test_a_mapping_no_longer_shipped_refuses_the_asking_and_nothing_is_kept(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """The site asks on the region's page, but its platform settings name a mapping file this program does not ship
    (stored by an older version): there is no page to show, so the desk says so and asks nothing of the pad."""
    region_mode(sessions)
    with sessions.begin() as session:
        put_setting(session, PLATFORM_KEY, json.dumps({"enabled": False, "mapping": "nmg-2024"}))
    with sessions.begin() as session, pytest.raises(RatingRefused) as refused:
        send_to_pad(session, demo_cases["受理"], DESK, clock())
    assert refused.value.code is SendRefusal.NO_RATING_PAGE
    assert RATING_REFUSAL[refused.value.code].startswith("本站点设为在自治区好差评系统评价，但对接配置中没有评价页地址")
    with sessions() as session:
        assert session.scalars(select(models.RatingRequest)).all() == []


def test_the_pad_mode_gives_no_page(sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock) -> None:
    with sessions.begin() as session:
        assert send_to_pad(session, demo_cases["受理"], DESK, clock()).page_address == ""


def test_a_default_rating_is_off_and_needs_the_rule_it_follows() -> None:
    assert not RatingSettings().default_rule.on
    rule = RatingSettings(default_rule=DefaultRule(7, "广东省政务服务“好差评”管理办法"))
    assert settings_problems(rule) == []
    assert read_settings(settings_values(rule)) == (rule, [])
    codes = [p.code for p in settings_problems(RatingSettings(default_rule=DefaultRule(90, "")))]
    assert codes == [SettingProblemCode.DEFAULT_DAYS_RANGE, SettingProblemCode.DEFAULT_BASIS_REQUIRED]
    read, problems = read_settings({KEY_DEFAULT: "7"})
    assert not read.default_rule.on
    assert [p.key for p in problems] == [KEY_DEFAULT]
