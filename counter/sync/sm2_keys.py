"""A site's SM2 key, for the national suite of packages: a file of its own beside the Ed25519 and X25519 keys.

``cryptography`` has no SM2, so the key is not a PKCS8 file: it is the private
scalar as 64 hex digits between two marker lines, in ``keys/site-sm2.key``,
mode 0600, written atomically (:func:`counter.sync.keys.write_private_file`),
never in the database or its backups, as the site's other keys.  Its public
half goes on the site card (``sm2_key``) and into the fingerprint read over the
phone.  A site makes it when it chooses the national suite, or when asked to
show a card that should carry it.
"""

from __future__ import annotations

import re
from pathlib import Path

from counter.sync import sm2
from counter.sync.keys import KeyProblem, KeyUnreadable, write_private_file
from counter.sync.sm_seal import Sm2PrivateKey
from counter.util.secret_file import write_new_secret

_BEGIN, _END = "-----BEGIN COUNTER SM2 PRIVATE KEY-----", "-----END COUNTER SM2 PRIVATE KEY-----"
_TEXT = re.compile(rf"^{_BEGIN}\n([0-9a-f]{{64}})\n{_END}\n?$")


def sm2_key_path(signing_key_path: Path) -> Path:
    """The SM2 key's file: beside the signing key's, ``site.key`` → ``site-sm2.key``."""
    return signing_key_path.with_name(f"{signing_key_path.stem}-sm2{signing_key_path.suffix}")


def save_sm2_key(key: Sm2PrivateKey, path: Path) -> None:
    write_private_file(path, _key_text(key))


def _key_text(key: Sm2PrivateKey) -> bytes:
    return f"{_BEGIN}\n{key.d:064x}\n{_END}\n".encode("ascii")


def load_sm2_key(path: Path) -> Sm2PrivateKey:
    """The SM2 key saved at ``path``; :class:`KeyUnreadable` says why not."""
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError as err:
        raise KeyUnreadable(path, KeyProblem.MISSING, encryption=True) from err
    except (OSError, UnicodeDecodeError) as err:
        raise KeyUnreadable(path, KeyProblem.UNREADABLE, encryption=True) from err
    found = _TEXT.match(text)
    d = int(found.group(1), 16) if found else 0
    if not 1 <= d <= sm2.SM2P256V1.n - 2:
        raise KeyUnreadable(path, KeyProblem.NOT_A_KEY, encryption=True)
    return Sm2PrivateKey(d)


def sm2_key_at(signing_key_path: Path) -> Sm2PrivateKey:
    """The site's SM2 key beside its signing key, made and saved the first time it is asked for; never over one made
    meanwhile by another process (:func:`counter.util.secret_file.write_new_secret`): that one is returned."""
    path = sm2_key_path(signing_key_path)
    if not path.exists():
        write_new_secret(path, _key_text(Sm2PrivateKey(sm2.new_private_key())))
    return load_sm2_key(path)
