"""The pad is told the bundle's Mongolian name where the case's guide version gives one (the catalog's ``name_mn``)."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session, sessionmaker

from counter.actions.ratings.record import send_to_pad
from counter.catalog.document import canonical_json, content_hash
from counter.db import models
from counter.db.case_store import case_by_no
from tests.ratings.conftest import DESK, Clock

NAME_MN = "ᠵᠢᠵᠢᠭ ᠬᠣᠭᠣᠯᠠᠨ ᠤ ᠭᠠᠵᠠᠷ ᠨᠡᠭᠡᠭᠡᠬᠦ"  # a sample name in Mongolian script


def test_the_pad_gets_the_bundles_mongolian_name_from_the_cases_guide(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    first, second = demo_cases["受理"], demo_cases["容缺受理"]
    with sessions.begin() as session:
        assert send_to_pad(session, first, DESK, clock()).bundle_name_mn == ""  # the shipped catalog gives none
        case = case_by_no(session, second)
        assert case is not None
        version = session.get(models.GuideVersion, case.guide_version_id)
        assert version is not None
        # the version as a catalog giving the name would have stored it: a new document, so a new hash
        document = json.loads(version.document) | {"name_mn": NAME_MN}
        version.document = canonical_json(document)
        version.content_hash = content_hash(document)
    with sessions.begin() as session:
        pad = send_to_pad(session, second, DESK, clock())
    assert pad.bundle_name_mn == NAME_MN
    assert pad.bundle_name  # the Chinese name, as the case keeps it, beside it
