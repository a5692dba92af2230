"""The site card says which suite the site's packages are in, and ``audit verify`` prints the card's fingerprint.

Before, a card of a site on the national suite carried its SM2 key, but a site that had gone back to today's suite
carried it too: nobody registering the card could tell which algorithms the packages and seals would come in.
"""

from __future__ import annotations

import json

import pytest

from counter.sync.sites import read_card_file
from counter.sync.sm_seal import SM_SUITE
from tests.sync.test_cli_site import TOWNSHIP_NAME, Sites, run, sites  # noqa: F401  (the fixture)


def card(capsys: pytest.CaptureFixture[str], sites: Sites, db: str) -> tuple[dict[str, object], str]:  # noqa: F811
    card_file = sites.root / "card.json"
    code, out, _ = run(capsys, "site", "card", "--out", str(card_file), "--db", db)
    assert code == 0
    identity, problems = read_card_file(card_file)
    assert problems == []
    assert identity is not None
    shown = json.loads(card_file.read_text(encoding="utf-8"))
    assert identity.suite == shown.get("suite", "")
    return shown, out


def verify_fingerprint(capsys: pytest.CaptureFixture[str], db: str) -> str:
    code, out, _ = run(capsys, "audit", "verify", "--json", "--db", db)
    assert code == 0
    return str(json.loads(out)["seal_key_fingerprint"])


@pytest.mark.slow
def test_the_card_names_the_suite_in_use_and_verify_prints_its_fingerprint(
    capsys: pytest.CaptureFixture[str],
    sites: Sites,  # noqa: F811
) -> None:
    db = sites.at("township")
    init = ("site", "init", "--code", "ARS01", "--name", TOWNSHIP_NAME, "--kind", "township", "--db", db)
    assert run(capsys, *init)[0] == 0
    today, out = card(capsys, sites, db)
    assert "suite" not in today  # a card of today's suite is as it always was
    assert "现有算法" in out
    assert verify_fingerprint(capsys, db) == today["fingerprint"]

    assert run(capsys, "site", "suite", "national", "--db", db)[0] == 0
    national, out = card(capsys, sites, db)
    assert national["suite"] == SM_SUITE
    assert "国密算法" in out
    assert verify_fingerprint(capsys, db) == national["fingerprint"] != today["fingerprint"]

    assert run(capsys, "site", "suite", "standard", "--db", db)[0] == 0
    back, out = card(capsys, sites, db)
    assert "suite" not in back  # its SM2 key still on the card, its packages in today's suite again
    assert back["sm2_key"] == national["sm2_key"]
    assert "现有算法" in out


@pytest.mark.parametrize("lost", ["deleted", "damaged"])
def test_a_national_sites_sm2_key_file_lost_is_named_not_taken_for_a_database_changed(
    capsys: pytest.CaptureFixture[str],
    sites: Sites,  # noqa: F811
    lost: str,
) -> None:
    """The SM2 key file left behind when the key folder was copied to a new machine, or spoilt: the card is refused
    for that file, which the administrator can bring back, not as a database whose keys someone changed."""
    db = sites.at("township")
    init = ("site", "init", "--code", "ARS01", "--name", TOWNSHIP_NAME, "--kind", "township", "--db", db)
    assert run(capsys, *init)[0] == 0
    assert run(capsys, "site", "suite", "national", "--db", db)[0] == 0
    card(capsys, sites, db)  # the SM2 key is made and on the card
    sm2_file = sites.root / "township" / "home" / "keys" / "site-sm2.key"
    if lost == "deleted":
        sm2_file.unlink()
    else:
        sm2_file.write_text("not a key\n", encoding="ascii")
    card_file = sites.root / "again.json"
    code, _, err = run(capsys, "site", "card", "--out", str(card_file), "--db", db)
    assert code == 1
    assert not card_file.exists()
    said = "本机没有本站点的解密密钥文件" if lost == "deleted" else "本站点的解密密钥文件不可用"
    assert said in err
    assert "已被改动" not in err
    code, out, err = run(capsys, "site", "show", "--json", "--db", db)
    assert code == 0
    assert json.loads(out)["stored_keys_changed"] is False
