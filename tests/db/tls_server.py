"""A hall's own certificate authority and a PostgreSQL server that speaks TLS with its certificate, for the tests.

The CA and the server's certificate are made here with ``cryptography`` (the app's own library for its keys), as
the 运维手册 makes them with ``openssl``; the server listens on 127.0.0.1 beside its socket, with ``ssl=on``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import pwd
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.pg_server import PgCluster, start_cluster

SERVER_CERT, SERVER_KEY = "server.crt", "server.key"


@dataclass(frozen=True, slots=True)
class Authority:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    def write(self, path: Path) -> Path:
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_authority(common: str = "兴安盟政务服务中心数据库 CA") -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common))
        .issuer_name(_name(common))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )  # keyCertSign, cRLSign
        .sign(key, hashes.SHA256())
    )
    return Authority(cert, key)


def write_server_certificate(ca: Authority, folder: Path, host: str = "localhost") -> None:
    """The server's certificate for ``host`` (and 127.0.0.1), signed by ``ca``; its key readable by the server only."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    names = [x509.DNSName(host), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(host))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    (folder / SERVER_CERT).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path = folder / SERVER_KEY
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    key_path.write_bytes(pem)
    key_path.chmod(0o600)  # the server refuses a key others may read
    if os.geteuid() == 0:  # the server runs as postgres (tests.pg_server)
        user = pwd.getpwnam("postgres")
        for name in (SERVER_CERT, SERVER_KEY):
            os.chown(folder / name, user.pw_uid, user.pw_gid)


#: a server reachable over TCP on 127.0.0.1 (beside its socket), with nothing of TLS set yet
ON_TCP = ("listen_addresses=127.0.0.1",)


def start_tls_cluster(ca: Authority) -> PgCluster:
    """A cluster on 127.0.0.1 with ``ssl=on`` and a certificate of ``ca`` for ``localhost``."""
    settings = (*ON_TCP, "ssl=on", f"ssl_cert_file={SERVER_CERT}", f"ssl_key_file={SERVER_KEY}")
    return start_cluster(settings=settings, name="tls", prepare=lambda data: write_server_certificate(ca, data))


def tcp_url(cluster: PgCluster, database: str, query: str = "", user: str = "postgres") -> str:
    """The database over TCP, by the name its certificate carries; ``query``: e.g. ``sslmode=verify-full&…``."""
    return f"postgresql+psycopg://{user}@localhost:{cluster.port}/{database}" + (f"?{query}" if query else "")
