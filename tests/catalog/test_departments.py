"""The deciding department named for the site, and where its decisions are challenged."""

from __future__ import annotations

from counter.catalog.departments import AdminLevel, Level, Places, Rights, department_name, rights_for

PLACES = Places(
    {
        AdminLevel.COUNTY: Level("乌兰浩特市", "乌兰浩特市人民政府", "乌兰浩特市人民法院"),
        AdminLevel.LEAGUE: Level("兴安盟", "兴安盟行政公署", "乌兰浩特市人民法院"),
        AdminLevel.REGION: Level("内蒙古自治区", "内蒙古自治区人民政府", ""),
    }
)


def test_the_site_fills_in_the_place_of_the_departments_level() -> None:
    assert department_name("{place}市场监督管理局", AdminLevel.COUNTY, PLACES) == "乌兰浩特市市场监督管理局"
    assert department_name("{place}市场监督管理局", AdminLevel.LEAGUE, PLACES) == "兴安盟市场监督管理局"
    assert department_name("国网内蒙古东部电力有限公司兴安供电公司", AdminLevel.LEAGUE, PLACES).startswith("国网")


def test_an_unknown_level_keeps_the_placeholder_visible_instead_of_guessing() -> None:
    assert department_name("{place}民政局", AdminLevel.TOWNSHIP, PLACES) == "{place}民政局"
    assert rights_for("{place}民政局", AdminLevel.TOWNSHIP, False, PLACES) is None


def test_a_county_department_is_reviewed_by_the_county_government() -> None:
    """行政复议法 (2023) 第二十四条: the government at the department's level."""
    rights = rights_for("{place}市场监督管理局", AdminLevel.COUNTY, False, PLACES)
    assert rights == Rights("乌兰浩特市人民政府", "乌兰浩特市人民法院")
    assert rights_for("{place}市场监督管理局", AdminLevel.LEAGUE, False, PLACES) == Rights(
        "兴安盟行政公署", "乌兰浩特市人民法院"
    )


def test_a_vertically_led_department_is_reviewed_one_level_up() -> None:
    """行政复议法 第二十七条: 税务 and its kin go to the department one level up; the court stays where it sits."""
    tax = rights_for("国家税务总局{place}税务局", AdminLevel.COUNTY, False, PLACES)
    assert tax == Rights("国家税务总局兴安盟税务局", "乌兰浩特市人民法院")
    assert rights_for("国家税务总局{place}税务局", AdminLevel.LEAGUE, False, PLACES) == Rights(
        "国家税务总局内蒙古自治区税务局", "乌兰浩特市人民法院"
    )
    tobacco = rights_for("{place}烟草专卖局", AdminLevel.COUNTY, True, PLACES)
    assert tobacco is not None
    assert tobacco.review_body == "兴安盟烟草专卖局"


def test_the_administrators_exception_wins() -> None:
    special = Rights("兴安盟行政公署", "科尔沁右翼前旗人民法院")
    places = Places(PLACES.levels, {"乌兰浩特市自然资源局": special})
    assert rights_for("{place}自然资源局", AdminLevel.COUNTY, False, places) == special
