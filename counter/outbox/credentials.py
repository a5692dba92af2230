"""What a channel's address and credentials lack: the SMS gateway's, the 证照库's, the province's platform's.

Each channel's settings name their problems in an enum of their own, whose first three values are these: the
address ``https://`` with a host (the requests carry phones, ID numbers and cases, never in the clear), an account,
and a secret to sign with.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def credential_problems(endpoint: str, account: str, secret: str) -> list[str]:
    """``bad_endpoint``, ``no_account``, ``no_secret``: those that apply, in that order."""
    parts = urlsplit(endpoint.strip())
    checks = (
        ("bad_endpoint", parts.scheme != "https" or not parts.netloc),
        ("no_account", not account.strip()),
        ("no_secret", not secret),
    )
    return [problem for problem, lacking in checks if lacking]
