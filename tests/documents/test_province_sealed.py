"""A paper whose body's seal the province keeps, made where the seal's files are not what they should be: never a
crash, the OFD unsealed and the reason given (the window and the command line then say it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from counter.actions.admin.paper_seals import ofd_parts
from counter.documents.model import DocumentKind
from counter.seals import ses
from counter.seals import store as seal_store
from counter.seals.image import SIZE_MM, seal_png
from counter.seals.ofd import sealing_body
from counter.seals.province import ProvinceSettings, SealFault
from counter.seals.verify import PaperVerdict, verify_paper
from counter.sync import sm2
from tests.documents.conftest import DemoCases

NOW = dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC)


def test_a_province_seal_listing_no_certificate_is_refused_not_raised(demo: DemoCases, tmp_path: Path) -> None:
    data = demo.document(DocumentKind.ACCEPTANCE)
    body, folder = sealing_body(data), tmp_path / "seals"
    ca = seal_store.seal_ca(folder, "兴安盟政务服务中心", NOW - dt.timedelta(days=30))
    maker_key = sm2.new_private_key()  # the seal's signatures are not what is checked here: the certificate is
    seal = ses.make_seal(
        es_id="1522000012345", name=body, signer_cert=b"not a certificate", picture_png=seal_png(body),
        size_mm=SIZE_MM, made=NOW, valid_end=NOW + dt.timedelta(days=365), maker_cert=ca.encoded, maker_key=maker_key,
    )  # fmt: skip
    seal_store.keep_province_seal(folder, body, seal, "1522000012345")
    asked = []

    def settings() -> ProvinceSettings:
        asked.append(True)
        return ProvinceSettings(endpoint="https://127.0.0.1:9/api", account="hall", secret="s", timeout=1)

    package, sealed_by, missing, fault = ofd_parts(data, wanted=True, key_path=tmp_path / "site.key", province=settings)
    assert (sealed_by, missing, fault) == ("", body, SealFault.REFUSED.value)
    assert verify_paper(package, seal_store.anchors(folder)).verdict is PaperVerdict.UNSEALED
    assert asked == [True]  # the settings read once the seal is the province's
