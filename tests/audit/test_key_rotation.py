"""Keys with a life: a rotated key's seals still verify, a revoked key's later seals do not, seal times go forward.

Before, the seals were checked against the site's current key alone: after the documented way to replace a key
(delete the key files, ``counter site init``) every earlier seal was reported forged, for ever; and a seal made
on a clock set a year back verified.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.audit_seal import seal_trail, seal_with
from counter.actions.admin.key_rotation import rotate_site_key
from counter.actions.admin.site import init_site, this_site
from counter.actions.site.store import Store
from counter.audit.site_keys import RetiredKey, history_text
from counter.cli.main import main
from counter.cli.phrases import SITE_KEY_ELSEWHERE
from counter.db.models import utcnow
from counter.host.keys.seal_anchors import anchors_path
from counter.host.machine import paths
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.service.site import ROTATE_KEY, RotateKey
from counter.sync.keys import (
    encryption_key_path,
    install_next_keys,
    key_fingerprint,
    load_private_key,
    next_key_path,
    public_key_text,
)
from counter.sync.sites import SiteKind, read_card_file
from tests.audit.conftest import IDENTITY
from tests.audit.tampering import drop_triggers
from tests.audit.test_seals import add_entries, problems, verify

ADMIN = Desk(IDENTITY, "乌兰")


@pytest.fixture
def db(db_path: Path, sessions: sessionmaker[Session]) -> str:
    """The audit template, sealed twice with the site's first key, whose file is on this machine."""
    with sessions.begin() as s:
        this_site(s)
    for _ in range(2):
        add_entries(sessions, 2)
        with sessions.begin() as s:
            seal_trail(s)
    return f"sqlite:///{db_path}"


def test_after_a_rotation_the_old_seals_and_the_new_verify_and_the_old_key_file_is_gone(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    old = public_key_text(load_private_key(paths.site_key_path()))
    assert main(["site", "rotate-key", "--json", "--db", db]) == 0
    done = json.loads(capsys.readouterr().out)
    assert (done["last_old_seal"], done["first_new_seal"]) == (3, 4)
    new = public_key_text(load_private_key(paths.site_key_path()))
    assert new != old
    assert not next_key_path(paths.site_key_path()).exists()
    add_entries(sessions, 2)
    with sessions.begin() as s:
        seal_trail(s)  # the new key on this machine is the site's
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (0, [])
    assert report["seals"] == 5
    assert main(["site", "show", "--json", "--db", db]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [key["revoked_since"] for key in shown["retired_keys"]] == [None]
    assert [key["fingerprint"] for key in shown["retired_keys"]] == [done["old_fingerprint"]]
    assert shown["fingerprint"] == done["new_fingerprint"]
    card_file = paths.site_key_path().parent / "card.json"
    assert main(["site", "card", "--out", str(card_file), "--db", db]) == 0
    card, card_problems = read_card_file(card_file)
    assert card_problems == []
    assert card is not None
    # the peer finds the fingerprint it holds for the site, the old card's (over both keys), among the retired
    assert card.retired == (done["old_fingerprint"],)
    assert done["old_fingerprint"] != key_fingerprint(old)
    assert card.fingerprint == done["new_fingerprint"]


def test_a_key_file_deleted_and_the_site_set_up_again_keeps_the_old_seals_good(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    key = paths.site_key_path()
    key.unlink()
    encryption_key_path(key).unlink()
    with sessions.begin() as s:
        init_site(s, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, ADMIN)
    with sessions.begin() as s:
        seal_trail(s)
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (0, [])


def test_a_revoked_keys_seal_after_its_revocation_is_refused_and_one_before_is_not(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    stolen = load_private_key(paths.site_key_path())
    revoked_at = utcnow() + dt.timedelta(seconds=1)
    with sessions.begin() as s:
        rotate_site_key(s, ADMIN, paths.site_key_path(), revoked_since=revoked_at, now=revoked_at)
    install_next_keys(paths.site_key_path())
    # the thief's seal, dated after the revocation: signed by a key of the site, but one it no longer trusts
    with sessions.begin() as s:
        seal_with(s, stolen, "XAM01", revoked_at + dt.timedelta(minutes=5))
    code, report = verify(capsys, db)
    assert code == 1
    assert problems(report) == [("seal_revoked", "", 4, 4)]
    assert main(["audit", "verify", "--db", db]) == 1
    assert "第 4 号封签由本站点已停用的旧密钥签署" in capsys.readouterr().out


def test_a_seal_made_on_a_clock_set_back_is_reported(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        seal_trail(s, now=utcnow() - dt.timedelta(days=365))
    code, report = verify(capsys, db)
    assert code == 1
    assert problems(report) == [("seal_backdated", "", 3, 3)]


def test_a_rotation_that_never_committed_leaves_the_old_keys_and_its_files_are_cleared(
    db: str, sessions: sessionmaker[Session]
) -> None:
    key = paths.site_key_path()
    old = public_key_text(load_private_key(key))
    with sessions() as s:
        rotate_site_key(s, ADMIN, key)
        s.rollback()  # the commit never happened
    assert next_key_path(key).exists()
    with sessions.begin() as s:
        seal_trail(s)  # the old key still seals; the stray files go
    assert public_key_text(load_private_key(key)) == old
    assert not next_key_path(key).exists()


def test_the_newest_seals_deleted_and_the_trail_rewritten_after_them_are_named_where_the_key_is(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    """Someone who can write the database but not read the key deletes the last seals: those left still hold, so
    only the anchors this machine kept beside the key (every seal before the newest) name what is gone."""
    with sessions.begin() as s:
        seal_trail(s)  # seal 3 anchors seal 2
    drop_triggers(sessions, ["audit_seal"])
    with sessions.begin() as s:
        s.execute(text("DELETE FROM audit_seal WHERE id >= 2"))
    code, report = verify(capsys, db)
    assert code == 1
    assert problems(report) == [("seal_unanchored", "", 2, 2)]
    assert anchors_path(paths.site_key_path()).read_text().split()[::2] == ["1", "2"]


def test_a_retired_key_planted_in_the_settings_vouches_for_no_seal(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    """The history is read from the trail: a forger's key written into the settings row as a retired key of the
    site, with a seal of it, is still a forged seal."""
    forger = Ed25519PrivateKey.generate()
    planted = history_text([RetiredKey(public_key_text(forger), utcnow() + dt.timedelta(days=3650))])
    with sessions.begin() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('site.retired_keys', :v)"), {"v": planted})
        seal_with(s, forger, "XAM01", utcnow())
    code, report = verify(capsys, db)
    assert code == 1
    assert problems(report) == [("seal_forged", "", 3, 3)]


def test_a_rotation_asked_on_a_training_day_a_year_ahead_seals_at_the_machines_time(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    """A training desk's day (``--today``) dates what a clerk sees, never a seal: the rotation's seals once took the
    call's moment, a year ahead, and the trail's next seal, at the machine's time, went back in time."""
    store = Store(db)
    try:
        ahead = InProcess(store, clock=Clock(dt.date.today() + dt.timedelta(days=365)))
        assert ahead.call(ROTATE_KEY, RotateKey(), ADMIN).first_new_seal == 4
    finally:
        store.dispose()
    install_next_keys(paths.site_key_path())
    add_entries(sessions, 2)
    with sessions.begin() as s:
        seal_trail(s)
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (0, [])


def test_rotate_key_says_in_words_that_the_old_key_announces_the_new_to_the_peers(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    assert main(["site", "show", "--json", "--db", db]) == 0
    old = json.loads(capsys.readouterr().out)["fingerprint"]  # the one a peer read over the telephone
    assert main(["site", "rotate-key", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert main(["site", "show", "--json", "--db", db]) == 0
    new = json.loads(capsys.readouterr().out)["fingerprint"]
    assert lines == [
        f"站点密钥已更换。旧公钥指纹：{old}",
        f"新公钥指纹：{new}",
        "此后发出的数据包带着由旧密钥签署的新公钥，对方站点收下后自动改登记，旧密钥签署的数据包不再被接收。",
    ]  # the peers re-register on their own: no new card to carry


def test_rotate_key_with_the_old_key_file_lost_asks_for_the_new_card_to_be_carried(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    paths.site_key_path().unlink()
    assert main(["site", "show", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == SITE_KEY_ELSEWHERE.format(path=paths.site_key_path())
    assert main(["site", "rotate-key", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:] == [
        "本机没有旧密钥文件：旧密钥此后不再签署任何封签。",
        "请导出新的站点名片（counter site card），交给每个对方站点重新登记，并电话核对新指纹。",
    ]


@pytest.fixture
def china_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The desk's clock in China's zone (a POSIX rule: no zone file of the machine's is read)."""
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_revocation_given_in_beijing_time_is_kept_as_that_moment_and_its_later_seals_refused(
    capsys: pytest.CaptureFixture[str], db: str, china_clock: None
) -> None:
    """``--revoked-since 2026-11-20T08:00`` as the operations guide writes it: 北京时间, 00:00 UTC; said back to the
    administrator on the desk's clock, as typed (the JSON keeps the moment in UTC, for programs)."""
    assert main(["site", "rotate-key", "--revoked-since", "2026-11-20T08:00", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:] == [
        "旧密钥已吊销：2026-11-20 08:00 起它签署的封签不再采信。",
        "请导出新的站点名片（counter site card），交给每个对方站点重新登记，并电话核对新指纹。",
    ]
    assert main(["site", "show", "--json", "--db", db]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [key["revoked_since"] for key in shown["retired_keys"]] == ["2026-11-20T00:00:00+00:00"]
    assert main(["site", "show", "--db", db]) == 0
    [retired] = shown["retired_keys"]
    until = dt.datetime.fromisoformat(retired["until"]).astimezone().strftime("%Y-%m-%d %H:%M")
    line = f"已更换的旧签名密钥 {retired['fingerprint']}：签署封签至 {until}，自 2026-11-20 08:00 起吊销"
    assert line in capsys.readouterr().out.splitlines()
    code, report = verify(capsys, db)
    assert code == 1  # the fixture's seals, made after that moment by the key now revoked
    assert [problem[0] for problem in problems(report)].count("seal_revoked") == 2


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("昨天", "--revoked-since 不是时刻：昨天（例如 2026-11-20T08:00+08:00）"),
        ("2099-01-01T08:00+08:00", "--revoked-since 晚于现在：2099-01-01T08:00+08:00"),
    ],
)
def test_a_revocation_not_a_past_moment_is_refused_and_the_keys_stay(
    capsys: pytest.CaptureFixture[str], db: str, given: str, said: str
) -> None:
    before = paths.site_key_path().read_bytes()
    assert main(["site", "rotate-key", "--revoked-since", given, "--db", db]) == 1
    out, err = capsys.readouterr()
    assert (out, err.strip()) == ("", said)
    assert paths.site_key_path().read_bytes() == before
    assert not next_key_path(paths.site_key_path()).exists()
    assert main(["site", "show", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["retired_keys"] == []


def test_site_init_says_to_change_the_key_the_way_the_guide_does(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """Deleting the key file and running ``site init`` again made a key no peer was told of, the old one's seals
    left unanchored: the way is ``site rotate-key`` (docs/install-and-operations.md)."""
    assert main(["site", "init", "--code", "XAM01", "--name", "兴安盟政务服务中心", "--kind", "hall", "--db", db]) == 0
    said = capsys.readouterr().out
    assert "counter site rotate-key" in said
    assert "删除" not in said
    assert "site rotate-key" in (Path(__file__).parents[2] / "docs" / "install-and-operations.md").read_text()
