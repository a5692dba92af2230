"""The page a paper's SMS link answers, as a phone's browser draws it (Debian's Chromium at 360×640 CSS pixels, the
fonts this project ships): the paper named, its download's meaning and the button all on the first screen, in text
an elderly reader reads without zooming, nothing wider than the phone, and no script.

``COUNTER_PAPER_SHOTS=docs/screenshots`` saves the picture (``paper-download-page.png``)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from counter.documents.kinds import DocumentKind
from counter.documents.paper_link import LinkedPaper
from counter.server.paper_page import FILE_SUFFIX, page_html
from tests.browser import chromium
from tests.db.tls_server import SERVER_CERT, make_authority, write_server_certificate

pytestmark = pytest.mark.slow

SHOTS = Path(os.environ["COUNTER_PAPER_SHOTS"]) if os.environ.get("COUNTER_PAPER_SHOTS") else None
PHONE = (360, 640)
TOKEN = "Q2hhbmdlZC1ieS1hLXByZXZpZXctb2YtYS1saW5rLWNhcmQ"
PAPER = LinkedPaper(DocumentKind.SUPPLEMENT, "锡市监补字〔2026〕第0042号", "XAM01-20261126-0008", dt.date(2026, 12, 11))
#: the smallest text of the page, in CSS pixels: large enough to read at arm's length on a phone
SMALLEST_PX = 20


def test_the_page_reads_on_a_phone(tmp_path: Path) -> None:
    page = tmp_path / f"{TOKEN}.html"  # a file is drawn as a page by its name; the link is relative to its folder
    page.write_text(page_html(PAPER, TOKEN), encoding="utf-8")
    write_server_certificate(make_authority(), tmp_path)  # the browser trusts one server: none is asked here
    with chromium(tmp_path / "chromium", tmp_path / SERVER_CERT, PHONE) as driver:
        driver.get(page.as_uri())
        body = driver.find_element(By.TAG_NAME, "body").text
        for words in ("补正材料通知书", PAPER.doc_no, PAPER.case_no, "下载当天即视为文书已送达", "2026年12月11日"):
            assert words in body
        assert driver.find_elements(By.TAG_NAME, "script") == []
        assert driver.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
        sizes = driver.execute_script(
            "return [...document.querySelectorAll('p, a, h1')].map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        assert min(sizes) >= SMALLEST_PX, sizes
        button = driver.find_element(By.CSS_SELECTOR, "a.download")
        assert button.text == "下载文书"
        assert button.get_attribute("href") == (tmp_path / (TOKEN + FILE_SUFFIX)).as_uri()  # beside the link's path
        box = driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", button)
        assert box["bottom"] <= PHONE[1], box  # on the first screen
        assert box["width"] >= PHONE[0] * 0.8, box  # across the phone: a thumb finds it
        if SHOTS is not None:
            driver.save_screenshot(str(SHOTS / "paper-download-page.png"))
