"""The status-bar line, in red, while this desk is not yet who it is: no clerk named, or a township's office still
the league hall's.

A desk without a clerk takes no intake (:class:`counter.intake.not_possible.ClerkUnnamed`): the line says so before the
clerk tries, and where to name one.  A township centre whose 单位信息 still says the hall's name, seal, address or
phone prints them on every paper (the operation ``site.office_still_halls``): the line names what is
still the hall's until the township's own is saved.  Nothing missing, nothing shown.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from counter.access.roles import Permission
from counter.ui import words
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.look.text_size import scaled

if TYPE_CHECKING:
    from counter.access.desk import Desk

RED = "color: #b42318; font-weight: bold;"


class IdentityLabel(QLabel):
    def refresh(self, runner: Runner, desk: Desk) -> None:
        """Read again what the desk still lacks; shown only while something does."""
        from counter.service.requests import SiteCode
        from counter.service.site import OFFICE_STILL_HALLS

        asked = SiteCode(desk.identity.site_code)
        runner.submit(OFFICE_STILL_HALLS, asked, desk, owner=self, answered=partial(self._show, desk),
                      failed=failures_to(partial(self._not_read, desk)))  # fmt: skip

    def _not_read(self, desk: Desk, err: Failed) -> None:
        self._show(desk, ())

    def _show(self, desk: Desk, halls: tuple[str, ...]) -> None:
        lines, tips = self.lines(desk, halls)
        self.setText("\n".join(lines))  # one line each: each fits a 1024-pixel screen on its own
        self.setToolTip("\n".join(tips))
        self.setStyleSheet(scaled(RED))
        self.setVisible(bool(lines))

    @staticmethod
    def lines(desk: Desk, halls: tuple[str, ...]) -> tuple[list[str], list[str]]:
        """What the line says, and its tip: why, at more length than a status bar has room for."""
        lines, tips = [], []
        if not desk.clerk:
            lines.append(words.DESK_IDENTITY_NO_CLERK)
            tips.append(words.DESK_IDENTITY_NO_CLERK_TIP)
        if halls:
            fields = words.DESK_IDENTITY_JOIN.join(words.DESK_IDENTITY_FIELD[name] for name in halls)
            may = desk.actor.may(Permission.CHANGE_SETTINGS)
            template = words.DESK_IDENTITY_HALLS_OFFICE if may else words.DESK_IDENTITY_HALLS_OFFICE_ADMIN
            lines.append(template.format(fields=fields))
            tips.append(words.DESK_IDENTITY_HALLS_OFFICE_TIP)
        return lines, tips
