"""The supervisor's pages in one window: 督办, 统计, 评价设置, 单位信息.

What the main window opens from its menu or a key; until user roles exist,
anyone may open it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget
from sqlalchemy.orm import Session, sessionmaker

from counter import texts
from counter.desk_config import load_desk_config
from counter.ui.pad.alerts import SupervisorAlerts
from counter.ui.pad.figures_page import FiguresPage
from counter.ui.pad.settings_form import RatingSettingsForm
from counter.ui.pad.supervision import RectificationPage
from counter.ui.pad.timers import Clock, local_now
from counter.ui.printing.office_form import OfficeSettingsForm


class SupervisorWindow(QTabWidget):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        supervisor: str,
        *,
        clock: Clock = local_now,
        alerts: SupervisorAlerts | None = None,
        site_code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(texts.SUPERVISE_TITLE)
        self.rectifications = RectificationPage(sessions, supervisor, clock=clock, alerts=alerts)
        self.figures = FiguresPage(sessions, clock=clock)
        self.settings = RatingSettingsForm(sessions)
        self.addTab(self.rectifications, texts.SUPERVISE_TAB)
        self.addTab(self.figures, texts.RATING_FIGURES_TITLE)
        self.addTab(self.settings, texts.RATING_SETTINGS_TITLE)
        # 单位信息: the office printed on the notices ("" site: this desk's, from desk.json)
        self.office = OfficeSettingsForm(sessions, site_code or load_desk_config().site_code)
        self.addTab(self.office, texts.OFFICE_TAB)
        self.resize(1200, 780)

    def refresh(self) -> None:
        """Read every page again: the window opens on current data."""
        self.rectifications.on_refresh()
        self.figures.on_show()
        self.settings.load()
        self.office.load()
