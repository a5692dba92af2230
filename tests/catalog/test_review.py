"""What a department must confirm in a 待核 guide (counter.catalog.review), and ``counter catalog review``."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from counter.catalog.model import Bundle, GuideStatus, TimeLimit, TimeUnit
from counter.catalog.review import Concern, Finding, bare_laws, review_bundle
from counter.cli.main import main
from tests.catalog.builders import valid_bundle, write_catalog
from tests.catalog.folder import read_folder, shipped_catalog
from tests.conftest import made_database


def _draft(tmp_path: Path) -> Bundle:
    doc = valid_bundle(8)
    doc["status"] = "draft"
    for local in ("address", "hours", "consult_phone", "complaint_phone"):
        del doc[local]
    [(_, bundle)] = read_folder(write_catalog(tmp_path, {"008.toml": doc})).bundles
    return bundle


def test_a_law_named_without_an_article_is_asked_for_one() -> None:
    basis = "《医疗机构管理条例》；《医疗机构管理条例实施细则》第十五条；《国务院关于……的意见》（国发〔2015〕52号）"
    assert bare_laws(basis) == ("《医疗机构管理条例》",)
    assert bare_laws("《中华人民共和国食品安全法》第三十五条") == ()


def test_a_published_guide_is_not_reviewed(tmp_path: Path) -> None:
    bundle = _draft(tmp_path)
    assert review_bundle(dataclasses.replace(bundle, status=GuideStatus.PUBLISHED)) == ()


def test_the_review_lists_limits_promises_bases_deferrals_forms_and_codes(tmp_path: Path) -> None:
    bundle = _draft(tmp_path)
    a, b = bundle.items
    sourced = dataclasses.replace(
        a, limit_basis="《食品经营许可和备案管理办法》", legal_basis="《食品安全法》第三十五条"
    )
    filing = dataclasses.replace(b, legal_limit=None, no_legal_limit=True, basic_code="")
    bundle = dataclasses.replace(bundle, items=(sourced, filing))

    found = review_bundle(bundle)

    assert Finding(Concern.LIMIT_SOURCE_WITHOUT_ARTICLE, a.code, detail="《食品经营许可和备案管理办法》") in found
    assert Finding(Concern.PROMISE_WITHOUT_LAW, b.code, detail="10 working_day") in found
    assert Finding(Concern.NO_OFFICIAL_CODE, detail="1") in found
    assert not any(f.item == a.code and f.concern is Concern.BASIS_WITHOUT_ARTICLE for f in found)
    deferred = next(m for m in bundle.materials if m.deferral_limit is not None)
    assert Finding(Concern.DEFERRABLE, material=deferred.code, detail="7 working_day") in found
    forms = [m.code for m in bundle.materials if m.kind is not None and m.kind.value == "form" and not m.fields]
    assert {f.material for f in found if f.concern is Concern.FORM_WITHOUT_FIELDS} == set(forms)


def test_an_unsourced_limit_is_the_departments_to_confirm(tmp_path: Path) -> None:
    bundle = _draft(tmp_path)
    a = dataclasses.replace(bundle.items[0], limit_basis="", legal_limit=TimeLimit(20, TimeUnit.WORKING_DAY))
    found = review_bundle(dataclasses.replace(bundle, items=(a, bundle.items[1])))
    assert Finding(Concern.LIMIT_UNSOURCED, a.code, detail="20 working_day") in found


def test_the_shipped_drafts_leave_no_borrowed_limit_and_ask_for_the_clinics_promise() -> None:
    shipped = {b.code: b for _, b in shipped_catalog().bundles}
    clinic = review_bundle(shipped["XAM-YJS-027"])
    filing = next(i for i in shipped["XAM-YJS-027"].items if i.name == "诊所备案")
    assert Finding(Concern.PROMISE_WITHOUT_LAW, filing.code, detail="0 working_day") in clinic
    assert not any(f.concern is Concern.FORM_WITHOUT_FIELDS for f in clinic)  # its forms have their boxes
    factory = review_bundle(shipped["XAM-YJS-001"])
    assert {f.material for f in factory if f.concern is Concern.FORM_WITHOUT_FIELDS} == {"M01", "M05", "M09", "M12"}


@pytest.mark.slow
def test_the_command_prints_one_report_of_the_sites_drafts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "review.sqlite3")
    assert main(["catalog", "review", "--db", db]) == 0
    out = capsys.readouterr().out
    head = out.splitlines()[0]
    assert head.startswith("待核指南 91 个，须由实施部门确认 ")
    clinic = out[out.index("【027】我要开诊所") :].split("\n\n")[0]
    assert "诊所备案（YJS027-02）：乌兰浩特市卫生健康委员会" in clinic
    assert "法律法规未规定办理时限：承诺办结时限（现为即时办结）须由部门按实际业务确定" in clinic
    assert "【008】" not in out  # a published sample: its site confirmed it
    assert main(["catalog", "review", "--json", "--db", db]) == 0
    guides = json.loads(capsys.readouterr().out)
    assert len(guides) == 91
    drug_store = next(g for g in guides if g["code"] == "XAM-YJS-001")
    unsourced = [f for f in drug_store["findings"] if f["concern"] == "limit_unsourced"]
    assert [(f["item"], f["detail"], f["department"]) for f in unsourced] == [
        ("YJS001-02", "10 working_day", "兴安盟市场监督管理局")
    ]
    assert all(f["text"] for g in guides for f in g["findings"])
