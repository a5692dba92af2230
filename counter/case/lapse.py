"""What a lapsed 容缺 did to a case, as the page says it."""

from __future__ import annotations

from dataclasses import dataclass

from counter.case.status import CaseStatus


@dataclass(frozen=True, slots=True)
class Lapse:
    """What a lapse did: the materials found lapsed, the items they took down, the case's status after, and the items
    they serve that are left to their deciding bodies to deny (the window neither holds them nor was entrusted)."""

    materials: tuple[str, ...]
    items: tuple[str, ...]
    status: CaseStatus
    referred: tuple[str, ...] = ()
    only_received: bool = False  # the hall only received the case: its status named as its page names it (已收件)
