"""The guide page's read says whether the site only receives every item of the bundle, as its papers do.

At the league hall with no agreement and nothing held, 008's four items are only received: the page's 办理流程 says
收件 (:mod:`counter.catalog.received_step`); once the site holds one of them in its own name, it accepts that one and
the catalog's 受理 step stands.  The 一次性告知单 follows the same standing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.documents import office_settings, save_office_settings
from counter.actions.cases.item_authority import set_item_held
from counter.actions.cases.item_track import receives_only
from counter.db.catalog_store import current_guide
from counter.documents.acceptance import HeldItems
from counter.documents.data import Table
from counter.documents.model import guide_notice_for

RESTAURANT = "XAM-YJS-008"


def steps_of(sessions: sessionmaker[Session], held: HeldItems) -> list[tuple[str, ...]]:
    with sessions() as s:
        stored = current_guide(s, RESTAURANT)
        assert stored is not None
        office = office_settings(s, "XAM01")
    data = guide_notice_for(stored.bundle, office, dt.date(2026, 11, 20), "乌兰", guide_version=1, held=held)
    tables = [b for b in data.blocks if isinstance(b, Table) and any(r and r[0] == "审查" for r in b.rows)]
    assert len(tables) == 1  # the 办理流程
    return list(tables[0].rows)


def test_the_guide_says_receipt_where_the_site_only_receives_and_acceptance_where_it_accepts(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    with sessions() as s:
        stored = current_guide(s, RESTAURANT)
        assert stored is not None
        assert receives_only(s, stored.bundle, "XAM01")
    rows = steps_of(sessions, HeldItems())
    assert rows[1][:3] == ("收件", "1个工作日", "收件凭证，或补齐材料告知书、容缺后补材料告知书")
    assert not any("补齐补正通知书" in cell or "受理凭证" in cell for row in rows for cell in row)

    with sessions.begin() as s:  # a 行政审批局: the 司法局 said it is a 行政机关, and it holds the business licence
        answered = dataclasses.replace(office_settings(s, "XAM01"), administrative_organ="yes")
        save_office_settings(s, "XAM01", answered, desk=desk)
        set_item_held(s, desk, "XAM01", "152201-YJS008-01", held=True)
    with sessions() as s:
        assert not receives_only(s, stored.bundle, "XAM01")
    rows = steps_of(sessions, HeldItems(frozenset({"152201-YJS008-01"})))
    assert rows[1][0] == "受理"
    assert "受理凭证" in rows[1][2]
