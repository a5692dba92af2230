"""The platform's secrets: files readable by their owner only, in the site's key folder, never in the database.

Whoever has the platform's secret can report in the hall's name; it is kept as the SMS gateway's is
(:mod:`counter.host.outward.sms_secret`), on the machine that sends (``counter platform send``), set there with
``counter platform settings --secret-from-env``.

The platform's gateway shares another with the hall: it signs each download of a paper served by SMS link that it
passes on to the hall server (:mod:`counter.server.paper_download`), and whoever has it can fetch any paper whose
link they saw.  It is kept on the machine that serves the downloads (the hall server), set there with ``counter
platform settings --gateway-secret-from-env``.
"""

from __future__ import annotations

PLATFORM_SECRET = "platform.secret"  # its file in the key folder (counter.host.outward.sms_secret.secret_path)
PAPER_GATEWAY_SECRET = "paper-gateway.secret"  # the one shared with the platform's gateway, in the same folder
