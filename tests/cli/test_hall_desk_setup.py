"""A hall's desk whose set-up is not whole: a command says in words what the technician must put right, and asks
nothing of the server (no server runs here: none is reached).

The desk is set up as the manual says (``counter desk --desk 2``, then ``--server --ca [--desk-key-file]``); then the
key is never kept, or the CA certificate is lost or overwritten afterwards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.cli.main import main
from counter.words.hall import START_NO_CA, START_NO_KEY
from tests.db.tls_server import make_authority

KEY = "desk2-" + "k" * 40  # the shape of a key ``counter serve add-desk`` prints


@pytest.fixture
def ca_file(tmp_path: Path) -> Path:
    return make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")


def set_up(capsys: pytest.CaptureFixture[str], tmp_path: Path, ca_file: Path, *, key: bool) -> None:
    """Desk 2 of the hall at an address nothing answers on; its key kept only if ``key``."""
    assert main(["desk", "--desk", "2", "--clerk", "乌兰"]) == 0
    given = ["--server", "https://127.0.0.1:9", "--ca", str(ca_file)]
    if key:
        key_file = tmp_path / "desk-2.key"
        key_file.write_text(f"desk 2 registered; its key:\n{KEY}\n", encoding="utf-8")
        given += ["--desk-key-file", str(key_file)]
    main(["desk", *given])  # the try of the server fails (nothing there); the settings are kept all the same
    capsys.readouterr()


def refusal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setenv("COUNTER_PASSWORD", "Xam01desk2026")
    code = main(["--user", "clerk1", "case", "list"])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_desk_without_its_key_says_it_must_be_registered(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ca_file: Path
) -> None:
    set_up(capsys, tmp_path, ca_file, key=False)
    assert refusal(capsys, monkeypatch) == (1, "", START_NO_KEY + "\n")


@pytest.mark.parametrize("lost", ["deleted", "overwritten"])
def test_a_desk_whose_ca_certificate_is_lost_says_it_cannot_know_the_server(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ca_file: Path, lost: str
) -> None:
    set_up(capsys, tmp_path, ca_file, key=True)
    if lost == "deleted":
        ca_file.unlink()
    else:  # a copy gone wrong: a file, but no certificate in it
        ca_file.write_text("not a certificate\n", encoding="utf-8")
    assert refusal(capsys, monkeypatch) == (1, "", START_NO_CA + "\n")
