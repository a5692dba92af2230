"""The guide's HTML, without a window: escaping, grouping, narrowing."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from counter.catalog.model import Bundle
from counter.catalog.reader import read_file
from counter.ui import words
from counter.ui.guide.guide_html import guide_html, unpublished_html
from counter.ui.guide.html_parts import unbroken
from counter.ui.guide.materials_html import material_groups, materials_html
from counter.words.documents import RECEIVED_DOC_TITLE
from tests.ui.conftest import FIXTURE_CATALOG
from tests.ui.shown_text import as_read

HOSTILE = '<img src="x">&amp;'


def shown_guide_html(*args: Any) -> str:
    """The guide's HTML as the clerk reads it: without the word joiners that keep a value on one line."""
    return as_read(guide_html(*args))


def shown_materials_html(*args: Any) -> str:
    return as_read(materials_html(*args))


@pytest.fixture
def bundle() -> Bundle:
    read, problems = read_file(FIXTURE_CATALOG / "008.toml")
    assert problems == []
    assert read is not None
    return read


def headings(html: str) -> list[str]:
    return re.findall(r"<h3>(.*?)</h3>", html)


def test_catalog_text_is_escaped_everywhere(bundle: Bundle) -> None:
    material = dataclasses.replace(bundle.materials[0], name=HOSTILE, requirement=HOSTILE, issuer=HOSTILE)
    hostile = dataclasses.replace(bundle, summary=HOSTILE, result=HOSTILE, consult_phone=HOSTILE, materials=(material,))
    html = shown_guide_html(hostile) + shown_materials_html(hostile, {})
    assert "<img" not in html
    assert "&lt;img src=&quot;x&quot;&gt;&amp;amp;" in html


def test_materials_for_every_case_come_first_then_each_situation(bundle: Bundle) -> None:
    assert headings(shown_materials_html(bundle, {})) == [
        words.DESK_ALL_SITUATIONS,
        "以什么形式经营？公司（企业）",
        "是否委托他人代办？委托代理人办理",
    ]


def test_a_material_under_two_situations_names_both(bundle: Bundle) -> None:
    power = dataclasses.replace(bundle.materials[-1], when=("agent.agent", "operator.company", "operator.individual"))
    both = dataclasses.replace(bundle, materials=(*bundle.materials[:-1], power))
    labels = [label for label, _ in material_groups(both, both.materials)]
    # conditions are named in the order the guide asks them, whatever order the file lists them in
    assert labels == [
        words.DESK_ALL_SITUATIONS,
        "以什么形式经营？个体工商户 或 公司（企业）；是否委托他人代办？委托代理人办理",
        "以什么形式经营？公司（企业）",
    ]


def test_answers_narrow_and_numbering_runs_through_groups(bundle: Bundle) -> None:
    html = shown_materials_html(bundle, {"operator": "company", "agent": "self"})
    assert "公司章程" in html
    assert "授权委托书" not in html
    numbers = re.findall(r"<tr><td>(\d+)</td>", html)
    assert numbers == ["1", "2", "3", "4"]
    assert words.DESK_MATERIAL_COUNT_FILTERED.format(count=4, total=5) in html


def test_deferral_and_data_sharing_are_marked(bundle: Bundle) -> None:
    html = shown_materials_html(bundle, {})
    assert "容缺后补" in html
    assert "3个工作日内补齐" in html
    assert words.DESK_SHARED in html
    assert "原件 1 份" in html
    assert "复印件 1 份" in html
    assert "纸质（A4）" in html


def test_guide_names_every_element(bundle: Bundle) -> None:
    html = shown_guide_html(bundle)
    for text in ("8号窗口", "0482-8261008", "12345", "1 次", "5个工作日", "窗口办理、网上办理", "行政许可", "承诺件"):
        assert text in html
    assert "承诺 2个工作日" in html
    assert "自然人、企业法人、非法人企业" in html  # 服务对象
    assert "法定 3个工作日" in html
    assert "经营面积在50平方米以下" in html  # 受理条件
    assert "窗口核验材料" in html  # a step's description


def test_unpublished_panel() -> None:
    assert words.DESK_UNPUBLISHED_PANEL in unpublished_html()


def test_each_item_names_its_department_for_the_site_with_level_and_entrustment() -> None:
    from tests.conftest import SHIPPED_CATALOG

    shipped, problems = read_file(SHIPPED_CATALOG / "008.toml")
    assert problems == []
    assert shipped is not None
    deciders = {item.code: item.department.replace("{place}", "乌兰浩特市") for item in shipped.items}

    html = shown_guide_html(shipped, deciders)

    assert "{place}" not in html
    assert "国家税务总局乌兰浩特市税务局" in html
    assert "窗口受乌兰浩特市城市管理综合行政执法局委托受理" in html
    assert "旗县市区级" in html
    assert "<td>自然人、企业法人、非法人企业</td>" in html
    # without the site's names the catalog's wording shows, never a guessed place
    assert "{place}市场监督管理局" in shown_guide_html(shipped)


def test_a_draft_shows_the_sites_address_and_phones_where_it_leaves_them_out() -> None:
    """A 待核 guide never invents where or whom to call: the page shows the site's own, never "未载明"."""
    from counter.catalog.site_contacts import SiteContacts
    from tests.conftest import SHIPPED_CATALOG

    draft, problems = read_file(SHIPPED_CATALOG / "009.toml")
    assert problems == []
    assert draft is not None
    assert (draft.address, draft.consult_phone, draft.hours) == (None, "", ())
    site = SiteContacts("兴安盟乌兰浩特市兴安北大路1号", "0482-8261008", "12345")

    html = shown_guide_html(draft, {}, site)

    assert "兴安盟乌兰浩特市兴安北大路1号" in html
    assert "<td>0482-8261008</td>" in html
    assert "<td>12345</td>" in html
    assert words.DESK_SITE_HOURS in html
    assert words.DESK_NOT_STATED not in html.split("<h2")[1]  # nothing of the basic facts is left unstated


def test_an_item_no_law_gives_a_limit_says_so_and_its_promise(bundle: Bundle) -> None:
    first = bundle.items[0]
    filing = dataclasses.replace(first, legal_limit=None, no_legal_limit=True)
    html = shown_guide_html(dataclasses.replace(bundle, items=(filing, *bundle.items[1:])))
    row = html[html.index(first.name) :].split("</tr>")[0]
    assert words.DESK_NO_LEGAL_LIMIT in row
    assert "法定" not in row.replace(words.DESK_NO_LEGAL_LIMIT, "")


def test_a_township_reads_out_its_own_place_hours_and_phones(bundle: Bundle) -> None:
    """The guide names the league hall's floor and window: at a township the page shows the township's, as its
    papers print them, and nothing of the hall's."""
    from counter.catalog.site_contacts import SiteContacts

    assert bundle.address is not None
    assert bundle.hours
    township = SiteContacts("明水河镇政府院内一楼", "0482-5123456", "0482-5123457", "星期一至星期五 08:00-17:00",
                            own_place=True)  # fmt: skip
    basic = shown_guide_html(bundle, {}, township).split("<h2")[1]
    assert "明水河镇政府院内一楼" in basic
    assert "星期一至星期五 08:00-17:00" in basic
    assert "<td>0482-5123456</td>" in basic
    assert "<td>0482-5123457</td>" in basic
    assert bundle.address.desk_no not in basic
    assert bundle.hours[0].periods[0] not in basic
    hall = shown_guide_html(bundle, {}, dataclasses.replace(township, own_place=False)).split("<h2")[1]
    assert bundle.address.desk_no in hall  # the hall's own page keeps the guide's


def test_the_desk_number_in_the_address_is_kept_on_one_line(bundle: Bundle) -> None:
    """On a 1024-wide screen the guide said 8号窗 / 口, at 150 % 8 / 号窗口: the window's number in two pieces."""
    html = guide_html(bundle)
    assert f'<span class="desk">{unbroken("8号窗口")}</span>' in html
    assert "8号窗口" not in html  # joined: no break between 8 and 号, nor inside 窗口


def test_a_hall_that_only_receives_says_its_own_step_is_the_receipt_never_an_acceptance(bundle: Bundle) -> None:
    """The catalog's 受理 step (受理凭证) is the window's act where it accepts; where the hall only receives every
    item, the guide said 受理凭证 while the paper the applicant took said 收件凭证."""
    accepting = shown_guide_html(bundle)
    assert "受理凭证" in accepting
    html = as_read(guide_html(bundle, received=True))
    steps = html[html.index(words.DESK_H_STEPS) :]
    assert "收件凭证，或补齐材料告知书、容缺后补材料告知书" in steps
    assert "当日转送实施部门，由其依法决定是否受理" in steps
    assert "受理凭证" not in steps
    assert "补齐补正通知书" not in steps


def test_the_receiving_halls_step_names_its_papers_from_the_one_table(
    bundle: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 收件 step's result reads the window's one table of paper names (paper_title), not words of its own: a
    name changed there (a translation, a renamed paper) is the name the guide shows."""
    monkeypatch.setitem(RECEIVED_DOC_TITLE, "receipt", "收件回执")
    monkeypatch.setitem(RECEIVED_DOC_TITLE, "correction", "补齐告知")
    html = as_read(guide_html(bundle, received=True))
    steps = html[html.index(words.DESK_H_STEPS) :]
    assert "收件回执，或补齐告知、容缺后补材料告知书" in steps
    assert "收件凭证" not in steps
