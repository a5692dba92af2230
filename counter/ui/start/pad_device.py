"""``counter pad start``: the pad device's program on a small PC beside the window (评价器), full screen.

    counter pad start --server https://hall-server:8443 --ca hall-ca.crt --key-file pad-8.key

Its options, and the key kept 0600, are the command line's (:func:`counter.cli.pads.pad_start_settings`, read by
``counter/__main__.py`` before this window is imported); this module runs the pad window against the server.
"""

from __future__ import annotations

from pathlib import Path


def run_pad_device(server: str, ca: Path, key: str, language: str, windowed: bool) -> int:
    """The pad device's window until it closes; the exit status."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from counter.host.machine.logs import setup_logging
    from counter.service.pad_remote import PadRemote
    from counter.ui.pad.device import PadDevice
    from counter.ui.pad.screens import fill_screen
    from counter.ui.start.app import prepare_app

    setup_logging()
    app = QApplication.instance() or QApplication(["counter"])
    assert isinstance(app, QApplication)
    prepare_app(app)
    device = PadDevice(PadRemote(server, ca, key), language=language)
    device.start()
    if windowed:
        device.pad.resize(800, 480)
        device.pad.show()
    else:
        fill_screen(device.pad, QGuiApplication.primaryScreen())
    try:
        return app.exec()
    finally:
        device.stop()
