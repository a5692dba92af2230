"""The platform's secret: a file readable by its owner only, in the site's key folder, never in the database.

Whoever has it can report in the hall's name; it is kept as the SMS gateway's is
(:mod:`counter.host.outward.sms_secret`), on the machine that sends (``counter platform send``), set there with
``counter platform settings``.
"""

from __future__ import annotations

PLATFORM_SECRET = "platform.secret"  # its file in the key folder (counter.host.outward.sms_secret.secret_path)
