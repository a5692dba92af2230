"""A picture of the preview window on the demo's 容缺受理 case, for the docs and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.printing.pictures [--out docs/screenshots]

Drawn offscreen with the shipped font (``widget.grab()``): the deferral notice,
the pledge and the receipt as tabs of one window, the deferral notice's first
page in view.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from counter.actions.catalog.imports import import_source
from counter.actions.site.demo import run_demo
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.documents.kinds import DocumentKind
from counter.ui.look.fonts import install_fonts
from counter.ui.printing.opening import open_preview
from counter.ui.printing.preview_window import WINDOW_SIZE, PreviewWindow
from tests.conftest import REPO, SHIPPED_CATALOG
from tests.ui.printing.helpers import DESK, TODAY, case_papers
from tests.ui.runners import runner_on

DEFERRAL_SET = (DocumentKind.DEFERRAL, DocumentKind.PLEDGE, DocumentKind.RECEIPT)


def _settle(widget: QWidget) -> None:
    widget.show()
    for _ in range(3):
        QApplication.processEvents()


def draw(folder: Path, out: Path) -> tuple[Path, PreviewWindow]:
    """Build a demo database in ``folder`` and draw the preview into ``out``/preview.png."""
    engine = make_engine(f"sqlite:///{folder / 'pictures.sqlite3'}")
    upgrade(engine)
    sessions = make_sessions(engine)
    imported = import_source(sessions, SHIPPED_CATALOG)
    assert imported.report is not None, imported.problems
    cases = {c.label: c.case_no for c in run_demo(sessions, DESK, TODAY)}
    runner = runner_on(sessions)
    window = open_preview(None, runner, DESK, case_papers(runner, DESK, cases["容缺受理"], DEFERRAL_SET))
    window.setWindowState(Qt.WindowState.WindowNoState)  # the picture's own size, not the screen's
    window.resize(*WINDOW_SIZE)
    _settle(window)
    path = out / "preview.png"
    window.grab().save(str(path))
    engine.dispose()
    return path, window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    install_fonts(app, REPO / "counter" / "resources" / "fonts")
    with tempfile.TemporaryDirectory() as home:
        os.environ["COUNTER_HOME"] = home  # the desk's own desk.json, not the user's
        path, window = draw(Path(home), args.out)
        window.close()
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
