"""What a site holds of its items: those it decides itself, and those it records for a department (entrusted)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SiteAuthority:
    """What a site holds of its items: those it decides itself, and those it records for a department."""

    site_items: frozenset[str] = frozenset()
    entrusted: dict[str, str] = field(default_factory=dict)
