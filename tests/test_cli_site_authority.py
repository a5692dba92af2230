"""``counter site authority``: only the catalog's codes, in either shape; no vertically led body's power held; no
entrustment without its agreement (许可法 第二十四条: a written agreement naming the body and the items)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import made_database
from tests.test_cli import run

AGREEMENT = "兴市监授〔2026〕3号（2026年3月2日）"
ACTS = "--acts=受理,补正,不予受理,决定"  # what the agreement lists: the 核查 and the 撤销 stay the department's


@pytest.fixture
def db(tmp_path: Path) -> str:
    return made_database(tmp_path / "authority.sqlite3")


def held(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, object]:
    code, out, _ = run(capsys, "site", "authority", "--json", "--db", db)
    assert code == 0
    found: dict[str, object] = json.loads(out)
    return found


def test_an_unknown_code_is_refused_by_name_and_nothing_changes(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(
        capsys, "site", "authority", ACTS, f"--entrust=NOPE-99={AGREEMENT}", f"--entrust=YJS008-02={AGREEMENT}",
        "--db", db,
    )  # fmt: skip
    assert code == 1
    assert "事项目录中没有实施编码为“NOPE-99”的事项" in err
    assert "YJS008-02" not in err
    assert held(capsys, db)["entrusted"] == {}  # the good code with the bad: nothing kept


def test_either_shape_names_the_items_it_matched(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "site", "authority", ACTS, f"--entrust=YJS008-02={AGREEMENT}", "--db", db)
    assert code == 0
    assert f"152201-YJS008-02  部门授权窗口代为录入：{AGREEMENT}（委托的行为：受理、补正、不予受理、决定）" in out
    assert "YJS008-02 对应事项：152201-YJS008-02 食品经营许可（我要开小餐馆" in out
    assert "实施主体：" in out
    assert run(capsys, "office", "--administrative-organ", "yes", "--db", db)[0] == 0  # a licence held: a 行政机关's
    code, out, _ = run(capsys, "site", "authority", "--hold", "152201-YJS008-03", "--json", "--db", db)
    assert code == 0
    answer = json.loads(out)
    assert answer["site_items"] == ["152201-YJS008-03"]
    assert answer["entrusted"] == {"152201-YJS008-02": AGREEMENT}
    assert [(m["typed"], m["code"]) for m in answer["matched"]] == [("152201-YJS008-03", "152201-YJS008-03")]
    code, _, _ = run(capsys, "site", "authority", "--release", "yjs008-02", "--db", db)
    assert code == 0
    assert held(capsys, db)["entrusted"] == {}


def test_a_tax_office_item_cannot_be_the_halls_own(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "site", "authority", "--hold", "152201-YJS008-04", "--db", db)
    assert code == 1
    assert "“152201-YJS008-04”是实行垂直领导的部门（税务、海关等）的事项，本中心不能自行决定" in err
    assert held(capsys, db)["site_items"] == []


def test_a_licence_is_the_halls_own_only_once_the_hall_is_known_to_be_an_administrative_organ(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """许可法 第二十二条: a licence is granted by a 行政机关 with the power; whether the hall is one is the 司法局's
    answer (office setting administrative_organ), and until it is yes the hall only receives the licence."""
    code, _, err = run(capsys, "site", "authority", "--hold", "152201-YJS008-02", "--db", db)
    assert code == 1
    assert "“152201-YJS008-02”是行政许可事项，只有行政机关才能以自己的名义实施" in err
    assert "--" not in err
    assert held(capsys, db)["site_items"] == []
    assert run(capsys, "office", "--administrative-organ", "no", "--db", db)[0] == 0
    assert run(capsys, "site", "authority", "--hold", "152201-YJS008-02", "--db", db)[0] == 1
    assert run(capsys, "office", "--administrative-organ", "yes", "--db", db)[0] == 0
    assert run(capsys, "site", "authority", "--hold", "152201-YJS008-02", "--db", db)[0] == 0
    assert held(capsys, db)["site_items"] == ["152201-YJS008-02"]


def test_a_tax_office_item_is_entrusted_to_no_hall(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """A vertically led body's power is no more the hall's by 授权 than by holding (许可法 第二十四条)."""
    entrust = f"--entrust=152201-YJS008-04={AGREEMENT}"
    code, _, err = run(capsys, "site", "authority", ACTS, entrust, f"--entrust=YJS008-02={AGREEMENT}", "--db", db)
    assert code == 1
    assert "“152201-YJS008-04”是实行垂直领导的部门（税务、海关等）的事项，不能委托本中心以其名义办理" in err
    assert held(capsys, db)["entrusted"] == {}  # the good code with the bad: nothing kept


@pytest.mark.parametrize("text", ["兴市监授", "兴市监授〔2026〕3号", "2026年3月2日授权"])
def test_an_entrustment_names_its_agreement_number_and_date(
    capsys: pytest.CaptureFixture[str], db: str, text: str
) -> None:
    code, _, err = run(capsys, "site", "authority", ACTS, f"--entrust=152201-YJS008-02={text}", "--db", db)
    assert code == 1
    assert "“152201-YJS008-02”的授权文书须写明文号和日期" in err
    assert held(capsys, db)["entrusted"] == {}


def test_an_entrustment_names_the_acts_it_covers(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """许可法 第二十四条 entrusts "在委托范围内": an agreement recorded without its acts would cover what nobody
    agreed to, so none is recorded; an act the law does not know is named back; the acts are shown and kept."""
    code, _, err = run(capsys, "site", "authority", f"--entrust=YJS008-02={AGREEMENT}", "--db", db)
    assert code == 1
    assert "“YJS008-02”的委托须写明委托协议所列的行为" in err
    assert "受理、补正、不予受理、决定、核查、撤销" in err
    assert held(capsys, db)["entrusted"] == {}
    code, _, err = run(capsys, "site", "authority", "--acts=受理,审批", f"--entrust=YJS008-02={AGREEMENT}", "--db", db)
    assert code == 1
    assert "--acts 中的“审批”不是可以委托的行为" in err
    assert held(capsys, db)["entrusted"] == {}
    code, _, err = run(capsys, "site", "authority", ACTS, "--db", db)
    assert code == 1
    assert "须与 --entrust 一起使用" in err
    code, _, _ = run(
        capsys, "site", "authority", "--acts", "决定、受理", f"--entrust=YJS008-02={AGREEMENT}", "--db", db
    )
    assert code == 0
    found = held(capsys, db)
    assert found["entrusted"] == {"152201-YJS008-02": AGREEMENT}
    assert found["acts"] == {"152201-YJS008-02": ["受理", "决定"]}
