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


class WithSecret(Protocol):
    @property
    def secret(self) -> str: ...


S = TypeVar("S", bound=WithSecret)


def shown(settings: S) -> S:
    """``settings`` (a dataclass with a ``secret``) as a face may hold them: the secret :data:`SECRET_SHOWN` when
    one is set, empty when none is."""
    return dataclasses.replace(settings, secret=SECRET_SHOWN if settings.secret else "")  # type: ignore[type-var]


def stored_json(settings: WithSecret) -> str:
    """``settings`` (a dataclass with a ``secret``) as the database keeps them: everything but the secret, which
    stays in its file on the machine that sends."""
    stored = dataclasses.asdict(settings)  # type: ignore[call-overload]
    del stored["secret"]
    return json.dumps(stored, ensure_ascii=False, sort_keys=True)
