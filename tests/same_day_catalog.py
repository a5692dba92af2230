"""A bundle wholly 即办, for the same-day tests: the shipped catalog has none (every bundle has a 承诺件 in it).

Made from a shipped bundle by marking every item 即办件 promising 0 days, under a code of its own, and written
straight as a guide version, as an import would.
"""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy.orm import Session

from counter.actions.cases.item_authority import authority_key
from counter.catalog.model import Bundle, CaseKind, TimeLimit, TimeUnit
from counter.catalog.stored_guide import StoredGuide
from counter.db.catalog_store import current_guide, import_bundles
from counter.db.settings_store import put_setting

IMMEDIATE_CODE = "XAM-YJS-T01"
BASE_CODE = "XAM-YJS-052"  # 我要办新生儿出生事项: two of its five items are 即办 already
NO_DAYS = TimeLimit(0, TimeUnit.WORKING_DAY)


def immediate_bundle(base: Bundle) -> Bundle:
    items = tuple(
        dataclasses.replace(item, case_kind=CaseKind.IMMEDIATE, promised_limit=NO_DAYS) for item in base.items
    )
    return dataclasses.replace(
        base,
        code=IMMEDIATE_CODE,
        number=901,
        name="新生儿出生事项（即办）",
        promised_limit=NO_DAYS,
        items=items,
        subject=None,  # the items are what these tests are about: no newborn to type at each intake
    )


def add_immediate_guide(session: Session, *, held_at: str = "XAM01") -> StoredGuide:
    """The 即办 bundle as a published guide version in the database the session holds; the caller commits.

    ``held_at``: the site that holds the power for its items (a 行政审批局), so that its window decides them and the
    same-day step is open there ("" for none): stored as the administrator's ``site authority`` command stores it.
    """
    base = current_guide(session, BASE_CODE)
    assert base is not None
    import_bundles(session, [immediate_bundle(base.bundle)], "tests", "folder")
    stored = current_guide(session, IMMEDIATE_CODE)
    assert stored is not None
    if held_at:
        held = sorted(item.code for item in stored.bundle.items)
        put_setting(session, authority_key(held_at), json.dumps({"site_items": held, "entrusted": {}}))
    return stored
