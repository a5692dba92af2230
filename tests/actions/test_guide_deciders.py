"""A guide names each item's deciding department as the site knows it, from the site's office settings."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.documents import office_settings, save_office_settings
from counter.actions.catalog.guides import current_guide, decider_names


def test_each_item_is_named_for_the_site_and_follows_its_settings(sessions: sessionmaker[Session]) -> None:
    with sessions(bind=sessions.kw["bind"]) as s:  # reads, then saves settings and commits
        stored = current_guide(s, "XAM-YJS-008")
        assert stored is not None
        names = decider_names(s, stored.bundle, "XAM01")
        assert names == {
            "152201-YJS008-01": "乌兰浩特市市场监督管理局",
            "152201-YJS008-02": "乌兰浩特市市场监督管理局",
            "152201-YJS008-03": "乌兰浩特市城市管理综合行政执法局",
            "152201-YJS008-04": "国家税务总局乌兰浩特市税务局",
        }
        # a banner's centre serves another county: the same guide names that county's departments
        moved = dataclasses.replace(office_settings(s, "KYQ01"), county_place="科尔沁右翼前旗")
        save_office_settings(s, "KYQ01", moved)
        s.commit()
        assert decider_names(s, stored.bundle, "KYQ01")["152201-YJS008-01"] == "科尔沁右翼前旗市场监督管理局"
