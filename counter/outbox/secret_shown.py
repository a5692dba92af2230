"""A channel's secret as the audit trail and the faces show it: set or not, never its value.

The secret signs the channel's requests and stays on the machine that sends; the settings the faces read carry
:data:`SECRET_SHOWN` in its place (:func:`shown`), so a settings read never takes the secret off that machine; and
the database keeps the settings without it (:func:`stored_json`).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Protocol, TypeVar

SECRET_SHOWN = "******"
#: the fields that hold a secret, where a channel's settings have them: the channel's own, and the platform's gateway's
#: (:attr:`counter.platform.settings.PlatformSettings.gateway_secret`)
SECRET_FIELDS = ("secret", "gateway_secret")


class WithSecret(Protocol):
    @property
    def secret(self) -> str: ...


S = TypeVar("S", bound=WithSecret)


def shown(settings: S) -> S:
    """``settings`` (a dataclass with a ``secret``) as a face may hold them: each secret (:data:`SECRET_FIELDS`)
    :data:`SECRET_SHOWN` when one is set, empty when none is."""
    masked = {name: SECRET_SHOWN if getattr(settings, name) else "" for name in secret_fields(settings)}
    return dataclasses.replace(settings, **masked)  # type: ignore[type-var]


def secret_fields(settings: object) -> tuple[str, ...]:
    """The fields of ``settings`` (a dataclass) that hold a secret."""
    return tuple(name for name in SECRET_FIELDS if hasattr(settings, name))


def stored_json(settings: WithSecret) -> str:
    """``settings`` (a dataclass with a ``secret``) as the database keeps them: everything but the secrets, which
    stay in their files on the machine that uses them."""
    stored = dataclasses.asdict(settings)  # type: ignore[call-overload]
    for name in secret_fields(settings):
        del stored[name]
    return json.dumps(stored, ensure_ascii=False, sort_keys=True)
