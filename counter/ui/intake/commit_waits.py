"""The intake's commit kept while the database, or a hall desk's server, is away.

Nothing is committed while the connection is lost, so nothing is lost: the form stays on screen, the clerk is told
(与大厅服务器的连接中断… for a server, the database's words otherwise), the commit button says that the intake waits
and commits by itself, and once a probe answers (:class:`counter.ui.door.connection.Reconnector`) the case is taken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.ui.door.connection import Reconnector
from counter.ui.intake.panel_layout import PanelLayout
from counter.ui.intake.words import (
    INTAKE_CONNECTION_BACK,
    INTAKE_CONNECTION_LOST,
    INTAKE_CONNECTION_RETRYING,
    INTAKE_WAITING_TO_COMMIT,
)
from counter.ui.widgets.restyle import set_style_property


class CommitWaits(PanelLayout):
    """The panel's part that waits for the connection; the panel gives what to do once it is back."""

    reconnector: Reconnector
    _connection_lost: str  # what the commit waits for: the database, or the server
    _named: str  # the commit button's words while a lost connection is waited for

    def watch_connection(self, reconnector: Reconnector) -> None:
        self.reconnector = reconnector
        self._connection_lost = INTAKE_CONNECTION_LOST
        self._named = ""
        reconnector.attempted.connect(self.on_reconnect_attempted)
        reconnector.restored.connect(self.on_reconnected)

    if TYPE_CHECKING:  # what the panel gives

        def refresh_decision(self) -> None: ...
        def commit(self) -> None: ...
        def commit_by_itself(self) -> None: ...

    def wait_for_connection(self, server: bool = False) -> None:
        """Keep the form, say so, and commit again by itself once the database (a hall desk's ``server``) answers."""
        if server:
            from counter.ui.door.server_words import INTAKE_SERVER_AWAY

            self._connection_lost = INTAKE_SERVER_AWAY
        self.show_message(self._connection_lost)
        self.commit_button.setEnabled(False)
        self.reconnector.start()

    def show_waiting_to_commit(self, named: str) -> None:
        """Kept until the server (or the database) is back: the greyed button said 收件，出具… over Ctrl+Enter, a key
        it would not take, while the intake waited to commit by itself.  It says that it waits, drawn to be read."""
        self._named = named
        self.commit_button.setText(INTAKE_WAITING_TO_COMMIT)
        set_style_property(self.commit_button, "busy", "true")

    def on_reconnect_attempted(self, attempts: int) -> None:
        self.show_message(self._connection_lost + INTAKE_CONNECTION_RETRYING.format(attempts=attempts))

    def on_reconnected(self) -> None:
        set_style_property(self.commit_button, "busy", "false")
        if self._named:  # the act again, before the commit names it busy in turn
            self.commit_button.setText(self._named)
        self.show_message(INTAKE_CONNECTION_BACK)
        self.refresh_decision()  # also enables the commit button again
        self.commit_by_itself()  # a refusal was confirmed before the connection went
