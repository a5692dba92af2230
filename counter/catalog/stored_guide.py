"""A guide version as the database keeps it, as plain data: what the desk shows and the intake decides from.

It crosses the service (the guide page, the intake panel, a draft put back) and so lives in the domain: the bundle
is the domain's own :class:`Bundle`, never an ORM row, with the version's id (what a case and a draft name) and its
number (what the page says).
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.catalog.model import Bundle


@dataclass(frozen=True, slots=True)
class StoredGuide:
    bundle: Bundle
    version_id: int
    version: int
