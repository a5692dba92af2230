"""The SMS gateway's secret: a file readable by its owner only, beside the site's signing key, never in the database.

The secret signs every request to the gateway (:mod:`counter.host.outward.sms_gateway`): whoever has it can send SMS in
the hall's name, at its cost.  The database is read by every desk, copied by every backup and restored on other
machines; so the secret is kept as the site's private keys are (:mod:`counter.sync.keys`), in the key folder of
the machine that sends the messages (``counter messages send``), set there with ``counter site sms``.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from counter.host.machine.paths import site_key_path
from counter.util.bounded_read import KIB, TooLarge, read_bounded
from counter.util.secret_file import write_secret

GATEWAY_SECRET = "sms-gateway.secret"
SECRET_LIMIT = 4 * KIB  # a gateway's secret is a few dozen characters


def secret_path(name: str, folder: Path | None = None) -> Path:
    """The file ``name`` of an outward channel's secret (this gateway's, the platform's, the front store's, the
    licence library's): in ``folder``, else the site's key folder (:func:`counter.host.machine.paths.site_key_path`)."""
    return (folder or site_key_path().parent) / name


def load_secret(path: Path) -> str:
    """The secret kept at ``path``; ``""`` when there is none.  :class:`OSError` when it is there and unreadable."""
    try:
        return read_bounded(path, SECRET_LIMIT).decode("utf-8").strip()
    except FileNotFoundError:
        return ""
    except (ValueError, TooLarge) as err:  # not UTF-8, or too large: not a secret this program wrote
        raise OSError(f"{path}: {err}") from err


def save_secret(secret: str, path: Path) -> None:
    """Write the secret, mode 0600, durably and whole (written beside, flushed, renamed over the one it replaces:
    :func:`counter.util.secret_file.write_secret`); ``""`` removes it.  A missing folder is made 0700."""
    if not secret:
        path.unlink(missing_ok=True)
        return
    with contextlib.suppress(FileNotFoundError):
        path.with_name(path.name + ".tmp").unlink()  # an earlier version's, left by a save cut short: maybe wider
    write_secret(path, secret.encode("utf-8"))
