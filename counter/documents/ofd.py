"""A document as an OFD package (GB/T 33190-2016), beside its PDF: the same pages, words and fonts.

Why.  The state's electronic documents and 电子证照 files are OFD, sealed by GB/T 38540; a paper that travels to an
applicant's account must be one.  It is made from the very layout the PDF is painted from (:func:`lay_out` and
:func:`copy_marks`), page for page and copy for copy, so the two never say different things.

The package (§7.4) is a zip:

- ``OFD.xml``: the entry, with the document's metadata, its root and, once sealed, its signatures' list;
- ``Doc_0/Document.xml``: the A4 page area, the public resources, the pages;
- ``Doc_0/PublicRes.xml``: each font, embedded: ``Doc_0/Res/font_N.ttf`` is a subset of the very file the PDF
  embeds from (the rare-character fonts included) holding the glyphs the paper uses, with its Unicode map, so a
  reader draws the same shapes on a machine without the fonts;
- ``Doc_0/Pages/Page_N/Content.xml``: the page's objects (:mod:`counter.documents.ofd_page`).

The bytes are the same for the same data (fixed zip dates, no clock in the fonts): a reprint is the same file, and
a seal made over one copy holds for every reprint.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Mapping
from xml.sax.saxutils import escape, quoteattr

from counter.documents import words as paper
from counter.documents.fonts import DocumentFonts, document_fonts
from counter.documents.layout import copy_marks, lay_out
from counter.documents.model import DocumentData
from counter.documents.ofd_page import PageWriter

NAMESPACE = "http://www.ofdspec.org/2016"
DOC_ROOT = "Doc_0/Document.xml"
SIGNATURES = "Doc_0/Signs/Signatures.xml"
TRAINING_SIZE, TRAINING_ANGLE, TRAINING_ALPHA = 110.0, 55.0, 0.16  # as the PDF's 培训样张
_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
_ZIP_DATE = (2016, 10, 1, 0, 0, 0)  # any fixed date: the package's bytes depend on its content only


class _Resources:
    """The fonts a document uses, numbered as the pages ask for them, and the document's object IDs."""

    def __init__(self) -> None:
        self.fonts: dict[str, int] = {}
        self.chars: dict[str, set[str]] = {}
        self.last_id = 0

    def next_id(self) -> int:
        self.last_id += 1
        return self.last_id

    def font_id(self, name: str, piece: str) -> int:
        """The ID of the font ``name``, which draws ``piece``: its glyphs go into the embedded subset."""
        self.chars.setdefault(name, set()).update(piece)
        found = self.fonts.get(name)
        if found is None:
            found = self.fonts[name] = self.next_id()
        return found


def ofd_files(data: DocumentData, *, signed: bool = False) -> dict[str, bytes]:
    """The package's files by their path in it; ``signed``: the entry names the signatures' list (the seal adds
    it, :mod:`counter.seals.ofd`)."""
    fonts = document_fonts()
    pages = lay_out(data, fonts)
    resources = _Resources()
    files: dict[str, bytes] = {}
    page_ids: list[int] = []
    index = 0
    for label in data.copies:
        for number, ops in enumerate(pages, 1):
            writer = PageWriter(fonts, resources.font_id, resources.next_id)
            page_ids.append(resources.next_id())
            writer.page(ops, data.qr)
            writer.page(copy_marks(fonts, data, label, number, len(pages)), data.qr)
            if data.watermark or data.training:
                writer.watermark(data.watermark or paper.TRAINING_MARK, TRAINING_SIZE, TRAINING_ANGLE, TRAINING_ALPHA)
            files[f"Doc_0/Pages/Page_{index}/Content.xml"] = writer.content(resources.next_id()).encode("utf-8")
            index += 1
    files["Doc_0/PublicRes.xml"] = _public_res(fonts, resources, files)
    files[DOC_ROOT] = _document(page_ids, resources.last_id).encode("utf-8")
    files["OFD.xml"] = _entry(data, signed=signed).encode("utf-8")
    return dict(sorted(files.items()))


def render_ofd(data: DocumentData) -> bytes:
    """The document as OFD bytes, unsealed: the same bytes for the same data."""
    return ofd_zip(ofd_files(data))


def ofd_zip(files: Mapping[str, bytes]) -> bytes:
    """The files as an OFD package: a zip with ``OFD.xml`` first, each file deflated, fixed dates."""
    out = io.BytesIO()
    order = ["OFD.xml", *(path for path in files if path != "OFD.xml")]
    with zipfile.ZipFile(out, "w") as package:
        for path in order:
            info = zipfile.ZipInfo(path, _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, files[path])
    return out.getvalue()


def _entry(data: DocumentData, *, signed: bool) -> str:
    doc_id = uuid.uuid5(uuid.NAMESPACE_URL, f"counter:{data.kind.value}:{data.case_no}:{data.doc_no}").hex
    author = "、".join(data.office_name.splitlines())
    signs = f"<ofd:Signatures>{SIGNATURES}</ofd:Signatures>" if signed else ""
    return (
        f'{_XML}<ofd:OFD xmlns:ofd="{NAMESPACE}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
        f"<ofd:DocID>{doc_id}</ofd:DocID><ofd:Title>{escape(data.title)}</ofd:Title>"
        f"<ofd:Author>{escape(author)}</ofd:Author><ofd:Subject>{escape(data.subject)}</ofd:Subject>"
        f"<ofd:CreationDate>{data.issued_on.isoformat()}</ofd:CreationDate><ofd:Creator>counter</ofd:Creator>"
        f"</ofd:DocInfo><ofd:DocRoot>{DOC_ROOT}</ofd:DocRoot>{signs}</ofd:DocBody></ofd:OFD>"
    )


def _document(page_ids: list[int], last_id: int) -> str:
    pages = "".join(
        f'<ofd:Page ID="{page_id}" BaseLoc="Pages/Page_{index}/Content.xml"/>' for index, page_id in enumerate(page_ids)
    )
    return (
        f'{_XML}<ofd:Document xmlns:ofd="{NAMESPACE}"><ofd:CommonData><ofd:MaxUnitID>{last_id}</ofd:MaxUnitID>'
        "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
        f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>{pages}</ofd:Pages></ofd:Document>"
    )


def _public_res(fonts: DocumentFonts, resources: _Resources, files: dict[str, bytes]) -> bytes:
    entries = []
    for name, font_id in resources.fonts.items():
        family, data = _subset(fonts, name, resources.chars[name])
        files[f"Doc_0/Res/font_{font_id}.ttf"] = data
        entries.append(
            f"<ofd:Font ID={quoteattr(str(font_id))} FontName={quoteattr(family)} FamilyName={quoteattr(family)}>"
            f"<ofd:FontFile>font_{font_id}.ttf</ofd:FontFile></ofd:Font>"
        )
    return (
        f'{_XML}<ofd:Res xmlns:ofd="{NAMESPACE}" BaseLoc="Res"><ofd:Fonts>{"".join(entries)}</ofd:Fonts></ofd:Res>'
    ).encode()


def _subset(fonts: DocumentFonts, name: str, chars: set[str]) -> tuple[str, bytes]:
    """The font's family name and a TrueType subset of it with the glyphs of ``chars``: cmap kept, no hinting."""
    from fontTools import subset, ttLib

    path, number = fonts.source(name)
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: no reader needs them
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(char) for char in chars})
    out = io.BytesIO()
    # closed as soon as it is cut: a font file left open per paper is a descriptor lost per print
    with ttLib.TTFont(path, fontNumber=number, lazy=True, recalcTimestamp=False) as font:
        family = font["name"].getBestFamilyName() or name
        subsetter.subset(font)
        font.save(out)
    return family, out.getvalue()
