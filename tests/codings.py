"""The codings a test site's integrator chose of the shipped mapping's code lists (``nmg.toml`` ``[lists]``).

A site reports nothing and exports no ratings until each list the field codes in more than one way is chosen; the
tests choose the 好差评 interfaces' coding of levels and channels, GB/T 39046's of 办件类型 and BJJGDM of results.
A case taken under a bundled sample guide is never reported: the tests that send confirm the guides first.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.catalog_store import current_guide, publish_draft
from counter.db.engine import make_engine, make_sessions
from counter.platform.code_lists import Codings
from counter.platform.mapping import load_mapping, mapping_file

CHOSEN = {"level": "hcp", "channel": "hcp", "item_kind": "gbt39046", "result": "bjjgdm"}
#: the same with the other presets of each list
OTHERS = {"level": "gbt39046", "channel": "gbt39046_names", "item_kind": "zero_one", "result": "bjjgdm_variant"}


def shipped_codings(chosen: dict[str, str] | None = None) -> Codings:
    """The shipped mapping's code lists in ``chosen`` (:data:`CHOSEN` when none is given)."""
    return load_mapping(mapping_file("nmg")).codings(CHOSEN if chosen is None else chosen)


def confirm_guides(session: Session, *codes: str) -> None:
    """The site's administrator confirms the bundled sample guides (``codes``: those; every sample guide when none),
    as ``counter catalog publish`` does: a case taken under a sample guide is never reported, its codes being
    illustrative, and one taken under the confirmed guide is."""
    wanted = codes or tuple(session.scalars(select(models.Bundle.code)))
    for code in wanted:
        stored = current_guide(session, code)
        if stored is not None and stored.bundle.sample:
            publish_draft(session, code, "测试管理员")


def confirm_guides_at(db: str, *codes: str) -> None:
    """:func:`confirm_guides` on the database at the URL ``db``."""
    engine = make_engine(db)
    try:
        with make_sessions(engine).begin() as session:
            confirm_guides(session, *codes)
    finally:
        engine.dispose()
