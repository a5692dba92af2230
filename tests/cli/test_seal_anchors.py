"""The province's seal CA trusted by command, on a real database: ``counter site seal-anchor --add`` takes a PEM or a
DER SM2 CA certificate, shows its subject and SHA-256 fingerprint and writes it as DER where the readers take it
(:func:`counter.seals.store.anchors`, what ``counter paper verify`` checks against); what is no certificate, not SM2,
not a CA, expired or self-signed wrongly is refused with every reason in Chinese and nothing written; ``--list`` and
``--remove`` name them; each change is on the audit trail; a training database changes nothing."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.db.settings_store import mark_training
from counter.host.machine.paths import site_key_path
from counter.seals import certificates
from counter.seals.store import anchors, seals_dir
from counter.sync import sm2
from tests.conftest import made_database
from tests.test_cli import run

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
PROVINCE = "内蒙古自治区电子印章制章中心"


def _sm2_cert(*, ca: bool = True, days: int = 3650, start_days: int = -1, forged: bool = False) -> bytes:
    """An SM2 certificate, self-signed (``forged``: named as its own issuer, signed by another key); ``ca`` False:
    one issued by a CA, as a body's signer certificate is."""
    key = sm2.new_private_key()
    other = sm2.new_private_key()
    issuer = None
    issuer_key = other if forged else key
    if not ca:
        root = certificates.read_certificate(_sm2_cert())
        issuer, issuer_key = root, other  # who signed does not matter here: it is refused for not being a CA
    return certificates.issue(
        subject=PROVINCE if ca else "兴安盟市场监督管理局", organisation="内蒙古自治区", public_key=sm2.public_key(key),
        issuer_key=issuer_key, issuer=issuer, serial=7, not_before=NOW + dt.timedelta(days=start_days),
        not_after=NOW + dt.timedelta(days=days), ca=ca,
    )  # fmt: skip


def _p256_cert() -> bytes:
    """A CA certificate of another algorithm (ECDSA P-256), as an ordinary TLS CA is."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "TLS CA")])
    built = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(NOW - dt.timedelta(days=1)).not_valid_after(NOW + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    return built.public_bytes(serialization.Encoding.DER)


def _pem(encoded: bytes) -> bytes:
    body = base64.encodebytes(encoded).decode("ascii")
    return f"-----BEGIN CERTIFICATE-----\n{body}-----END CERTIFICATE-----\n".encode("ascii")


def _audited(db: str) -> list[dict[str, str]]:
    engine = make_engine(db)
    try:
        with make_sessions(engine)() as s:
            rows = s.scalars(
                select(models.AuditEntry.detail)
                .where(models.AuditEntry.subject == "paper_seal_anchors")
                .order_by(models.AuditEntry.id)
            )
            return [json.loads(detail) for detail in rows]
    finally:
        engine.dispose()


def test_the_provinces_seal_ca_is_trusted_by_command_and_what_is_no_ca_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    folder = seals_dir(site_key_path())
    province = _sm2_cert()
    pem = tmp_path / "province-ca.pem"
    pem.write_bytes(b"issued by the province\n" + _pem(province))
    code, out, _ = run(capsys, "site", "seal-anchor", "--add", str(pem), "--db", db)
    assert code == 0, out
    fingerprint = ":".join(f"{b:02X}" for b in hashlib.sha256(province).digest())
    name = hashlib.sha256(province).hexdigest()[:16] + ".cer"
    assert f"已加入信任证书 {name}：" in out
    assert PROVINCE in out
    assert f"SHA-256 指纹：{fingerprint}" in out
    assert province in anchors(folder)  # as DER, where paper verify and the province's seals are checked
    assert (folder / "anchors" / name).read_bytes() == province

    der_file = tmp_path / "province-ca.cer"
    der_file.write_bytes(province)
    code, out, _ = run(capsys, "site", "seal-anchor", "--add", str(der_file), "--json", "--db", db)
    assert code == 0
    assert (json.loads(out)["name"], json.loads(out)["sha256"]) == (name, fingerprint)
    assert sorted(p.name for p in (folder / "anchors").iterdir()) == [name]  # the same certificate: one file

    refused = {
        "garbage.cer": (b"not a certificate at all", "所给文件不是证书"),
        "tls-ca.cer": (_p256_cert(), "不是国密（SM2）证书"),
        "signer.cer": (_sm2_cert(ca=False), "这不是可以签发证书的根证书"),
        "expired.cer": (_sm2_cert(days=-1, start_days=-30), "证书已过有效期"),
        "forged.cer": (_sm2_cert(forged=True), "证书自身的签名不对"),
    }
    for file_name, (data, said) in refused.items():
        path = tmp_path / file_name
        path.write_bytes(data)
        code, out, err = run(capsys, "site", "seal-anchor", "--add", str(path), "--db", db)
        assert (code, out) == (1, ""), file_name
        assert err.startswith("信任证书未作改动："), (file_name, err)
        assert said in err, (file_name, err)
        assert str(tmp_path) not in err
    assert sorted(p.name for p in (folder / "anchors").iterdir()) == [name]  # nothing of them written
    both = _sm2_cert(ca=False, days=-1, start_days=-30)  # every reason at once
    (tmp_path / "both.cer").write_bytes(both)
    code, _, err = run(capsys, "site", "seal-anchor", "--add", str(tmp_path / "both.cer"), "--db", db)
    assert code == 1
    assert "这不是可以签发证书的根证书" in err
    assert "证书已过有效期" in err

    (folder / "anchors" / "by-hand.cer").write_bytes(_pem(_sm2_cert()))  # a PEM copied in by hand: never read
    code, out, _ = run(capsys, "site", "seal-anchor", "--list", "--json", "--db", db)
    listed = json.loads(out)
    assert [a["name"] for a in listed["anchors"] if not a["own"]] == [name]
    assert listed["unread"] == ["by-hand.cer"]
    code, out, _ = run(capsys, "site", "seal-anchor", "--list", "--db", db)
    assert fingerprint in out
    assert "by-hand.cer  无法读取" in out

    code, _, err = run(capsys, "site", "seal-anchor", "--remove", "../site.key", "--db", db)
    assert code == 1
    assert "本机没有这个名称的信任证书" in err
    code, out, _ = run(capsys, "site", "seal-anchor", "--remove", name, "--db", db)
    assert (code, out.strip()) == (0, f"已删除信任证书 {name}。")
    assert province not in anchors(folder)
    assert _audited(db) == [
        {"added": name, "subject": PROVINCE, "sha256": fingerprint},
        {"added": name, "subject": PROVINCE, "sha256": fingerprint},
        {"removed": name, "subject": PROVINCE, "sha256": fingerprint},
    ]


def test_a_training_database_changes_no_anchor(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "training.sqlite3")
    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        mark_training(s)
    engine.dispose()
    path = tmp_path / "province-ca.cer"
    path.write_bytes(_sm2_cert())
    code, _, err = run(capsys, "site", "seal-anchor", "--add", str(path), "--db", db)
    assert code == 1
    assert "培训数据库不能更改信任证书" in err
    assert not (seals_dir(site_key_path()) / "anchors").exists()
    assert _audited(db) == []
