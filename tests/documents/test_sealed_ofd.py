"""A paper sealed by GB/T 38540: the sealed OFD reads back (easyofd) as its PDF does, verifies against the site's
anchor, and a changed character, a removed page, a seal lifted onto another paper or an unknown CA each say not."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from counter.documents.model import DocumentData, DocumentKind
from counter.documents.ofd import render_ofd
from counter.documents.render import render_pdf
from counter.seals import der, ses
from counter.seals import store as seal_store
from counter.seals.certificates import SM3_WITH_SM2
from counter.seals.ofd import SIGNATURE, SIGNED_VALUE, sealed_ofd, sealing_body
from counter.seals.verify import PaperVerdict, verify_paper
from tests.documents.conftest import DemoCases
from tests.documents.test_ofd import KINDS, LEAKS, ofd_text, pdf_raw_text

NOW = dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def seals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("keys") / "seals"
    seal_store.seal_ca(folder, "兴安盟政务服务中心", NOW - dt.timedelta(days=30))
    return folder


def _sealed(data: DocumentData, folder: Path) -> bytes:
    body = sealing_body(data)
    seal = seal_store.body_seal(folder, body) or seal_store.make_body_seal(folder, body, NOW - dt.timedelta(days=1))
    return sealed_ofd(data, seal, NOW)


def _rezipped(package: bytes, change: dict[str, bytes | None]) -> bytes:
    """The package with files replaced (None: removed), as one who edits it by hand would make it."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = change.get(name, source.read(name))
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


@LEAKS
@pytest.mark.parametrize("kind", KINDS)
def test_a_sealed_paper_says_what_its_pdf_says_and_verifies(
    demo: DemoCases, kind: DocumentKind, seals: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = demo.document(kind)
    sealed = _sealed(data, seals)
    assert ofd_text(sealed, tmp_path, monkeypatch) == pdf_raw_text(render_pdf(data), tmp_path)
    check = verify_paper(sealed, seal_store.anchors(seals))
    assert check.verdict is PaperVerdict.GOOD
    assert check.body == sealing_body(data)
    assert check.sealed_at == NOW
    assert check.title == data.title
    files = zipfile.ZipFile(io.BytesIO(sealed))
    signature = ses.read_signature(files.read(SIGNED_VALUE))
    assert signature.seal.picture.startswith(b"\x89PNG")
    stamps = files.read(SIGNATURE).decode().count("<ofd:StampAnnot ")
    assert stamps == len(data.copies)  # the seal stands on each copy's page with the seal's place


def test_one_character_changed_is_seen(demo: DemoCases, seals: Path) -> None:
    data = demo.document(DocumentKind.REFUSAL)
    sealed = _sealed(data, seals)
    page = "Doc_0/Pages/Page_0/Content.xml"
    original = zipfile.ZipFile(io.BytesIO(sealed)).read(page).decode()
    assert "不予受理" in original
    changed = _rezipped(sealed, {page: original.replace("不予受理", "予以受理", 1).encode()})
    check = verify_paper(changed, seal_store.anchors(seals))
    assert check.verdict is PaperVerdict.CHANGED
    assert check.files == (page,)
    assert check.body == sealing_body(data)  # who sealed it is still said: what they sealed is not this


def test_a_removed_page_is_seen(demo: DemoCases, seals: Path) -> None:
    sealed = _sealed(demo.document(DocumentKind.CORRECTION), seals)
    names = zipfile.ZipFile(io.BytesIO(sealed)).namelist()
    last = max(name for name in names if name.endswith("Content.xml"))
    check = verify_paper(_rezipped(sealed, {last: None}), seal_store.anchors(seals))
    assert check.verdict is PaperVerdict.CHANGED
    assert last in check.files


def test_a_seal_moved_to_another_paper_is_seen(demo: DemoCases, seals: Path) -> None:
    sealed = _sealed(demo.document(DocumentKind.ACCEPTANCE), seals)
    other = _sealed(demo.document(DocumentKind.REFUSAL), seals)
    source = zipfile.ZipFile(io.BytesIO(sealed))
    moved = _rezipped(other, {path: source.read(path) for path in (SIGNATURE, SIGNED_VALUE)})
    check = verify_paper(moved, seal_store.anchors(seals))
    assert check.verdict is PaperVerdict.CHANGED
    assert "Doc_0/Pages/Page_0/Content.xml" in check.files


def test_a_seal_of_another_ca_is_not_trusted(demo: DemoCases, seals: Path, tmp_path: Path) -> None:
    stranger = tmp_path / "seals"
    seal_store.seal_ca(stranger, "别处政务服务中心", NOW - dt.timedelta(days=30))
    data = demo.document(DocumentKind.ACCEPTANCE)
    check = verify_paper(_sealed(data, stranger), seal_store.anchors(seals))
    assert check.verdict is PaperVerdict.UNTRUSTED


def test_a_changed_signature_breaks_the_seal(demo: DemoCases, seals: Path) -> None:
    sealed = _sealed(demo.document(DocumentKind.ACCEPTANCE), seals)
    signature = zipfile.ZipFile(io.BytesIO(sealed)).read(SIGNATURE)
    later = signature.replace(b"<ofd:SignatureDateTime>2026", b"<ofd:SignatureDateTime>2025")
    check = verify_paper(_rezipped(sealed, {SIGNATURE: later}), seal_store.anchors(seals))
    assert check.verdict is PaperVerdict.BROKEN_SEAL


def test_an_unsealed_paper_and_other_bytes(demo: DemoCases, seals: Path) -> None:
    plain = render_ofd(demo.document(DocumentKind.ACCEPTANCE))
    assert verify_paper(plain, seal_store.anchors(seals)).verdict is PaperVerdict.UNSEALED
    assert verify_paper(b"%PDF-1.7 not a package", seal_store.anchors(seals)).verdict is PaperVerdict.NOT_OFD


def test_a_training_paper_is_never_sealed(demo: DemoCases, seals: Path) -> None:
    """A 培训样张 bearing a true seal would be a paper of the body: the seal is here, and still not used."""
    from counter.actions.admin.paper_seals import ofd_parts

    data = demo.document(DocumentKind.ACCEPTANCE)
    _sealed(data, seals)  # the body's seal made on this machine
    site_key = seals.parent / "site.key"
    package, sealed_by, missing, _fault = ofd_parts(
        dataclasses.replace(data, training=True), wanted=True, key_path=site_key
    )
    assert (sealed_by, missing) == ("", "")
    assert verify_paper(package, seal_store.anchors(seals)).verdict is PaperVerdict.UNSEALED
    assert ofd_parts(data, wanted=True, key_path=site_key)[1] == sealing_body(data)


def test_any_change_to_the_seal_is_an_answer_never_a_crash(demo: DemoCases, seals: Path) -> None:
    """Every byte of SignedValue.dat came from outside: each of a few hundred single-byte changes (and cuts) gets a
    verdict, none of them good, and none raises."""
    sealed = _sealed(demo.document(DocumentKind.ACCEPTANCE), seals)
    value = zipfile.ZipFile(io.BytesIO(sealed)).read(SIGNED_VALUE)
    trusted = seal_store.anchors(seals)
    step = max(1, len(value) // 300)
    for at in range(0, len(value), step):
        flipped = value[:at] + bytes((value[at] ^ 0x41,)) + value[at + 1 :]
        for changed in (flipped, value[:at]):
            assert not verify_paper(_rezipped(sealed, {SIGNED_VALUE: changed}), trusted).good


def test_a_broken_seal_file_or_anchor_on_this_machine_is_no_seal(demo: DemoCases, seals: Path, tmp_path: Path) -> None:
    """A seal file of the wrong shape seals nothing, and a broken anchor beside the good one is passed
    over: neither raises."""
    data = demo.document(DocumentKind.CORRECTION)
    sealed = _sealed(data, seals)
    copy = tmp_path / "seals"
    shutil.copytree(seals, copy)
    body = sealing_body(data)
    assert seal_store.body_seal(copy, body) is not None
    # DER of the right outer shape with nothing inside: what a reader that indexes fields stumbles on
    hollow_seal = der.sequence(der.sequence(), der.octet_string(b""), der.oid(SM3_WITH_SM2), der.bit_string(b""))
    for esl in copy.glob("body-*.esl"):
        esl.write_bytes(hollow_seal)
    assert seal_store.body_seal(copy, body) is None
    (copy / "anchors").mkdir()
    (copy / "anchors" / "hollow.cer").write_bytes(der.sequence(der.sequence(), der.sequence(), der.bit_string(b"")))
    assert verify_paper(sealed, seal_store.anchors(copy)).good
