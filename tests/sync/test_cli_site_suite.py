"""``counter site suite``: a township chooses the national suite, and its new card registers at the hall by the
fingerprint it prints."""

from __future__ import annotations

import json
import stat

import pytest

from counter.sync.keys import key_fingerprint
from tests.sync.test_cli_site import TOWNSHIP_NAME, Sites, run, sites  # noqa: F401  (the fixture)


@pytest.mark.slow
def test_a_township_on_the_national_suite_hands_over_a_card_its_hall_registers(
    capsys: pytest.CaptureFixture[str],
    sites: Sites,  # noqa: F811
) -> None:
    township = sites.at("township")
    init = ("site", "init", "--code", "ARS01", "--name", TOWNSHIP_NAME, "--kind", "township", "--db", township)
    assert run(capsys, *init)[0] == 0
    code, out, err = run(capsys, "site", "suite", "national", "--json", "--db", township)
    assert (code, err) == (0, "")
    chosen = json.loads(out)
    assert chosen["national"] is True
    key_file = sites.root / "township" / "home" / "keys" / "site-sm2.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    card_file = sites.root / "township.json"
    code, out, _ = run(capsys, "site", "card", "--out", str(card_file), "--db", township)
    assert code == 0
    card = json.loads(card_file.read_text(encoding="utf-8"))
    assert card["sm2_key"] == chosen["sm2_key"]
    assert card["fingerprint"] == chosen["fingerprint"] in out
    assert card["fingerprint"] == key_fingerprint(card["public_key"], card["encryption_key"], card["sm2_key"])
    assert card["fingerprint"] != key_fingerprint(card["public_key"], card["encryption_key"])

    hall = sites.at("hall")
    register = ("site", "register", str(card_file), "--fingerprint", card["fingerprint"], "--db", hall)
    code, out, _ = run(capsys, *register)
    assert code == 0
    assert "已登记站点 ARS01" in out
    code, out, _ = run(capsys, "site", "peers", "--db", hall)
    assert card["fingerprint"] in out  # the hall lists the fingerprint the township's card printed

    township = sites.at("township")
    code, out, _ = run(capsys, "site", "suite", "standard", "--db", township)
    assert code == 0
    assert "国密数据包照常接收" in out
