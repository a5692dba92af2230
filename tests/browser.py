"""Debian's Chromium, driven by its chromedriver, as a hall's tablet opens the pad page: headless, at a size of the
test's choosing, trusting the one server certificate the test names and drawing only the fonts this project ships
(a test must not depend on the machine's fonts: Chromium is given a fontconfig of ``resources/fonts`` alone)."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from counter.resources import fonts_dir

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def spki_pin(certificate: Path) -> str:
    """The base64 SHA-256 of the certificate's public key, as ``--ignore-certificate-errors-spki-list`` takes it:
    Chromium trusts that one server and no other certificate without a chain it knows."""
    cert = x509.load_pem_x509_certificate(certificate.read_bytes())
    spki = cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


def _fontconfig(folder: Path) -> Path:
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{fonts_dir()}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


@contextmanager
def chromium(folder: Path, certificate: Path, size: tuple[int, int]) -> Iterator[webdriver.Chrome]:
    """A headless Chromium of its own profile under ``folder``, its window ``size`` CSS pixels."""
    assert shutil.which(CHROMIUM), "Chromium: scripts/setup.sh --test installs it"
    assert shutil.which(CHROMEDRIVER), "chromedriver: scripts/setup.sh --test installs it"
    folder.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # the tests may run as root, where Chromium's sandbox refuses to start
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--user-data-dir={folder / 'profile'}",
        f"--ignore-certificate-errors-spki-list={spki_pin(certificate)}",
        f"--window-size={size[0]},{size[1] + 200}",
        "--force-device-scale-factor=1",
        "--lang=zh-CN",
    ):
        options.add_argument(argument)
    env = dict(os.environ, FONTCONFIG_FILE=str(_fontconfig(folder)), HOME=str(folder))
    service = Service(CHROMEDRIVER, env=env, log_output=str(folder / "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        # the page's viewport the size asked, as a tablet's kiosk gives the whole screen to the page
        metrics = {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": False}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        yield driver
    finally:
        driver.quit()
