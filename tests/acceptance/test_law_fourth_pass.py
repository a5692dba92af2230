"""The law's fourth pass, as a hall's legal officer drives it: from the command line with ``--today``, reading
each paper back from its PDF and what the platform (:mod:`tests.platform_stub`) was sent.

The other lines of the pass are proven beside their features: 035's 告知承诺 chain in tests/test_cli_pledges.py,
008's 补正 before its 受理 in tests/test_cli_item_correction.py, the 税务 entrustment refused in
tests/test_cli_site_authority.py, the township's papers in tests/cli/test_township_office.py and
tests/sync/test_township_papers.py, the received intake's event in tests/actions/test_platform.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.catalog.departments import PLACE
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from tests.codings import CHOSEN, confirm_guides_at
from tests.conftest import made_database
from tests.documents.pdf_tools import pdf_text
from tests.platform_stub import SECRET, running_platform
from tests.test_cli import run

DAY = "2026-11-20"  # a Friday
NEW_CAR = "XAM-YJS-055"  # 我要办理新车上牌: 车辆购置税申报 (旗县市税务局), 机动车注册登记 (盟车管所)
ELSEWHERE = "科尔沁右翼前旗"


def new_car_request(db: str, insists: bool | None) -> dict[str, Any]:
    """A complete 新车上牌 request file, found by the window not to be for the bodies it receives for (第二项):
    the car is another place's; ``insists`` is the applicant's answer once told (None: not asked yet)."""
    engine = make_engine(db)
    with make_sessions(engine)() as s:
        stored = current_guide(s, NEW_CAR)
        assert stored is not None
        checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
        items = {i.code: i.department.replace(PLACE, ELSEWHERE) for i in stored.bundle.items}
    engine.dispose()
    materials: dict[str, dict[str, Any]] = {}
    for entry in checklist.entries:
        line: dict[str, Any] = {"receipt": entry.receipt.value}
        if entry.originals:
            line["originals"] = entry.originals
        if entry.copies:
            line["copies"] = entry.copies
        if entry.medium is not None:
            line["medium"] = entry.medium.value
        materials[entry.code] = line
    refusal: dict[str, Any] = {"ground": "not_in_remit", "turn_to": items}
    if insists is not None:
        refusal["insists"] = insists
    return {
        "bundle": NEW_CAR,
        "applicant": {
            "kind": "person", "name": "张海军", "id_no": "152201198505050117", "phone": "13904821234",
            "address": "兴安盟乌兰浩特市和平街道民主路18号",
        },
        "answers": dict(checklist.answers),
        "materials": materials,
        "refusal": refusal,
        "uid": ("5a" if insists else "6b") * 16,
    }  # fmt: skip


def take(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, request: dict[str, Any]) -> tuple[int, str]:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "case", "take", str(path), "--json")
    return code, out


def reporting(capsys: pytest.CaptureFixture[str], db: str, url: str, ca_file: str) -> None:
    """The site reports to the platform at ``url``, as docs/platform.md sets it up."""
    codings = [arg for name, preset in CHOSEN.items() for arg in ("--coding", f"{name}={preset}")]
    code, _, err = run(capsys, "platform", "settings", "--on", "--endpoint", url, "--account", "hall",
                       "--secret-from-env", "--ca-file", ca_file, *codings, "--db", db)  # fmt: skip
    assert code == 0, err


def paper(capsys: pytest.CaptureFixture[str], db: str, number: str, doc: str, out: Path) -> str:
    code, _, err = run(capsys, "--db", db, "--today", DAY, "print", number, "--doc", doc, "--out", str(out))
    assert code == 0, err
    return pdf_text(out)


@pytest.mark.slow
def test_a_new_car_of_another_place_at_a_hall_that_only_receives_is_forwarded_or_withdrawn_never_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """055 第二项 at the league hall, which only receives for the tax office and the 车管所 (no agreement): the window
    refuses nothing.  Told, the applicant who insists gets a 收件凭证 and the items go to their departments that day;
    one who does not withdraws.  The platform hears a 收件 (no 受理 date) or a withdrawal, never a 不予受理; each
    paper the applicant takes away names 12345."""
    save_desk_config(DeskConfig(clerk="乌兰"))
    db = made_database(tmp_path / "law.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    confirm_guides_at(db, NEW_CAR)
    monkeypatch.setenv("COUNTER_PLATFORM_SECRET", SECRET)
    with running_platform() as platform:
        reporting(capsys, db, platform.url, platform.ca_file)
        code, out = take(capsys, db, tmp_path, new_car_request(db, None))
        assert code == 1
        assert "询问是否坚持按本次申请办理" in out  # unasked, nothing is taken

        code, out = take(capsys, db, tmp_path, new_car_request(db, True))
        assert code == 0, out
        insisted = json.loads(out)["case_no"]
        receipt = paper(capsys, db, insisted, "receipt", tmp_path / "receipt.pdf")
        assert "兴安盟政务服务中心收件凭证" in receipt
        assert "本中心作为收件窗口予以收件，不作出受理决定，收件后转送" in receipt
        assert "投诉电话12345；" in receipt
        assert "不予受理" not in receipt
        code, _, err = run(capsys, "--db", db, "--today", DAY, "print", insisted, "--doc", "refusal", "--out",
                           str(tmp_path / "refusal.pdf"))  # fmt: skip
        assert (code, "该办件不是不予受理" in err) == (1, True)  # no 申请事项告知书 to one who insisted
        code, out, err = run(capsys, "--db", db, "--today", DAY, "item", "route", insisted)
        assert (code, err) == (0, "")
        code, out, _ = run(capsys, "--db", db, "--today", DAY, "item", "list", insisted, "--json")
        assert {row["code"]: row["state"] for row in json.loads(out)} == {
            "152201-YJS055-01": "routed", "152200-YJS055-02": "routed"
        }  # fmt: skip
        code, out, _ = run(capsys, "--db", db, "case", "show", insisted)
        history = out.split("经办记录：")[1].splitlines()
        assert [line.split()[0] for line in history if "事项分发至实施部门" in line] == [DAY, DAY]  # the same day
        assert "状态：已收件    结果：收件" in out.splitlines()
        assert "受理日期" not in out  # the departments', each on its 签收

        code, out = take(capsys, db, tmp_path, new_car_request(db, False))
        assert code == 0, out
        withdrawn = json.loads(out)["case_no"]
        told = paper(capsys, db, withdrawn, "refusal", tmp_path / "told.pdf")
        assert "申请事项告知书" in told
        assert "12345" in told

        code, out, _ = run(capsys, "platform", "send", "--once", "--db", db)
        assert (code, out.strip()) == (0, "已上报 2 条，待重试 0 条，上报失败 0 条。")
        sent = {event["projid"]: event for event in platform.events()}
        code, out, _ = run(capsys, "platform", "list", "--db", db)
    # the desk's list of what it reported says what was told
    assert out.splitlines() == [f"2  {withdrawn}  撤回  已上报  尝试 1 次", f"1  {insisted}  收件  已上报  尝试 1 次"]
    assert sent[insisted]["event_type"] == "收件"
    assert "accept_date" not in sent[insisted]
    assert "promise_date" not in sent[insisted]
    assert sent[withdrawn]["event_type"] == "撤回"  # the applicant's, told as such
    assert not [event for event in sent.values() if "不予受理" in json.dumps(event, ensure_ascii=False)]
