"""The office settings are checked where the service saves them, whichever face sends them: refused settings cross
as :class:`OfficeRefused`, every problem named, and nothing is saved.

A desk sending its own settings to the hall server is not trusted to have checked them: a line not read is skipped
on every paper of the site after (a 告知书 without its 复议机关), so the server refuses it rather than keep it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from counter.actions.site.store import Store
from counter.documents.data import OfficeSettings
from counter.documents.office_check import OfficeRefused
from counter.parties.text import TextProblem
from counter.service.codec import Malformed
from counter.service.documents import READ_OFFICE, SAVE_OFFICE, SaveOffice
from counter.service.faults import decode_fault, encode_fault
from counter.service.local import InProcess
from counter.service.requests import SiteCode
from tests.conftest import made_database

SITE = "XAM01"
TAX = "国家税务总局乌兰浩特市税务局=国家税务总局兴安盟税务局|乌兰浩特市人民法院"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[InProcess]:
    store = Store(made_database(tmp_path / "desk.sqlite3", catalog=False), create=True)
    yield InProcess(store)
    store.dispose()


def test_settings_the_papers_cannot_print_are_refused_each_problem_named_and_nothing_saved(
    service: InProcess,
) -> None:
    before = service.call(READ_OFFICE, SiteCode(SITE))
    bad = replace(
        before,
        hours="星期一至星期五 09:00-17:00",  # a good change, not saved with the bad ones
        consult_phone=" ",
        court="",
        office_name_mn="ᠬᠢᠩᠭᠠᠨ\U0001f600",
        rights_overrides=f"{TAX}\n乌兰浩特市公安局：乌兰浩特市人民政府",
        entrustments="乌兰浩特市卫生健康委员会 委托受理协议",
        department_contacts="乌兰浩特市市场监督管理局=张丽|0482-8212315；乌兰浩特市城市管理综合行政执法局 李明",
    )
    with pytest.raises(OfficeRefused) as refused:
        service.call(SAVE_OFFICE, SaveOffice(SITE, bad))
    err = refused.value
    assert err.missing == ("consult_phone", "court")
    assert err.overrides == ("乌兰浩特市公安局：乌兰浩特市人民政府",)
    assert err.agreements == ("乌兰浩特市卫生健康委员会 委托受理协议",)
    assert err.contacts == ("乌兰浩特市城市管理综合行政执法局 李明",)
    assert (err.mongolian, err.mongolian_detail) == (TextProblem.UNPRINTABLE, "7 U+1F600")
    assert service.call(READ_OFFICE, SiteCode(SITE)) == before


def test_settings_that_read_are_saved_and_a_name_in_menksoft_codes_kept_in_unicode(service: InProcess) -> None:
    """A face that does not turn 蒙科立 codes into Unicode letters (``counter office``) has the name kept as the
    papers print it."""
    given = replace(OfficeSettings(), rights_overrides=TAX, office_name_mn="\ue2f2\ue289\ue2bc\ue2ec\ue289\ue2f9")
    service.call(SAVE_OFFICE, SaveOffice(SITE, given))
    assert service.call(READ_OFFICE, SiteCode(SITE)) == replace(given, office_name_mn="ᠮᠣᠩᠭᠣᠯ")


def test_the_refusal_crosses_the_wire_as_itself_and_a_forged_one_is_malformed() -> None:
    """What a server of this release sends reads back whole at the desk; a refusal naming no problem, or a field that
    is no setting (whose words the desk would look up), is refused as read."""
    err = OfficeRefused(("court",), contacts=("甲 乙",), mongolian=TextProblem.TOO_LONG, mongolian_detail="100 120")
    back = decode_fault(json.loads(json.dumps(encode_fault(err))))
    assert isinstance(back, OfficeRefused)
    assert (back.missing, back.contacts, back.mongolian, back.mongolian_detail) == (
        ("court",),
        ("甲 乙",),
        TextProblem.TOO_LONG,
        "100 120",
    )
    for values in ({}, {"missing": ["no_such_setting"]}):
        with pytest.raises(Malformed):
            decode_fault({"fault": "OfficeRefused", "values": values})
