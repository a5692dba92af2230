"""The platform's secret: a file readable by its owner only, in the site's key folder, never in the database.

Whoever has it can report in the hall's name; it is kept as the SMS gateway's is
(:mod:`counter.host.outward.sms_secret`), on the machine that sends (``counter platform send``), set there with
``counter platform settings``.
"""

from __future__ import annotations

from pathlib import Path

from counter.host.machine.paths import site_key_path

SECRET_FILE = "platform.secret"


def platform_secret_path(folder: Path | None = None) -> Path:
    """The secret's file: in ``folder``, else the site's key folder
    (:func:`counter.host.machine.paths.site_key_path`)."""
    return (folder or site_key_path().parent) / SECRET_FILE
