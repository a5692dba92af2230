"""The requests several areas' operations share: one type for each thing a request may name alone.

The call's context (the desk, its account, the day and the moment, the server's files folder) is the transport's
(:mod:`counter.service.call`), so many an operation is asked with nothing, or with a case's number or a site's code
alone; what it does with them is its own docstring's to say, and the type names only what the request carries.  No
type's name crosses the wire (:mod:`counter.service.codec` writes a request's fields), so operations share these
freely.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Nothing:
    """A request that carries nothing: all the operation needs is the call's context."""


@dataclass(frozen=True)
class CaseNo:
    case_no: str


@dataclass(frozen=True)
class SiteCode:
    site_code: str


@dataclass(frozen=True)
class BundleCode:
    bundle_code: str


#: the desk's settings a change names (:data:`counter.actions.admin.desk_settings.CHANGEABLE`, and the site's code
#: and name its record tells: ``counter desk --site`` records both)
DESK_SETTINGS = frozenset({"clerk", "desk_no", "photo", "site_code", "site_name"})


@dataclass(frozen=True)
class DeskChanges:
    """What changes of this computer's desk settings, by name (``clerk``, ``desk_no``, ``photo``, ``site_code``,
    ``site_name``)."""

    changes: dict[str, str]

    def __post_init__(self) -> None:
        unknown = set(self.changes) - DESK_SETTINGS
        if unknown:  # a setting of no such name: refused as the request's type, never reached by the action
            raise ValueError(f"no desk setting {min(unknown)!r}")
