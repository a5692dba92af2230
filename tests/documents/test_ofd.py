"""Every paper also as OFD (GB/T 33190): read back by an OFD reader this project did not write (easyofd), with the
same text as the PDF's, every font embedded."""

from __future__ import annotations

import base64
import gc
import io
import subprocess
import warnings
import zipfile
from pathlib import Path

import pytest

from counter.documents.model import DocumentKind
from counter.documents.ofd import render_ofd
from counter.documents.render import render_pdf
from tests.documents.conftest import DemoCases

#: the reader leaves the files it unpacks open: closed when collected, within the test that read them (gc.collect)
LEAKS = pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
#: the 受理通知书 of a department, the 补正通知 and the 不予受理通知书 of bundle 008
KINDS = (DocumentKind.ACCEPTANCE, DocumentKind.CORRECTION, DocumentKind.REFUSAL)


def pdf_raw_text(pdf: bytes, folder: Path) -> str:
    """The PDF's text in the order it is drawn (``pdftotext -raw``), every space and line break removed."""
    path = folder / "paper.pdf"
    path.write_bytes(pdf)
    command = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
    return "".join(subprocess.run(command, capture_output=True, text=True, check=True).stdout.split())


def ofd_text(ofd: bytes, folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The text easyofd reads from the package, page by page in the order the objects stand, whitespace removed."""
    with warnings.catch_warnings():  # the package's own __init__ imports PyMuPDF by its deprecated name
        warnings.simplefilter("ignore", FutureWarning)
        from easyofd.parser_ofd import OFDParser  # the reader alone: its drawing to PDF is not what is tested

    monkeypatch.chdir(folder)  # the reader unpacks into the working folder
    pages = OFDParser(base64.b64encode(ofd).decode("ascii"))()[0]["page_info"]
    gc.collect()
    text = "".join(cell["text"] for number in sorted(pages) for cell in pages[number]["text_list"])
    return "".join(text.split())


@LEAKS
@pytest.mark.parametrize("kind", KINDS)
def test_the_ofd_says_what_the_pdf_says(
    demo: DemoCases, kind: DocumentKind, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = demo.document(kind)
    expected = pdf_raw_text(render_pdf(data), tmp_path)
    read = ofd_text(render_ofd(data), tmp_path, monkeypatch)
    assert data.title in read
    assert read == expected


def test_every_font_is_embedded_with_the_glyphs_of_the_rare_names(demo: DemoCases) -> None:
    from fontTools import ttLib

    data = demo.document(DocumentKind.RECEIPT)  # 王䶮's: 䶮 is drawn by a rare-character font
    package = zipfile.ZipFile(io.BytesIO(render_ofd(data)))
    fonts = [name for name in package.namelist() if name.startswith("Doc_0/Res/") and name.endswith(".ttf")]
    assert len(fonts) >= 2
    covered = set()
    for name in fonts:
        covered |= set(ttLib.TTFont(io.BytesIO(package.read(name))).getBestCmap())
    assert ord("䶮") in covered
    assert all(ord(char) in covered for char in data.title)
    public = package.read("Doc_0/PublicRes.xml").decode()
    assert public.count("<ofd:FontFile>") == len(fonts)


def test_the_same_paper_every_time(demo: DemoCases) -> None:
    data = demo.document(DocumentKind.REFUSAL)
    assert render_ofd(data) == render_ofd(data)
