"""A hall whose departments entrusted its window in writing: the lawful way for a test's single desk to decide items.

The window decides no department's item (:mod:`counter.access.authority`); a test about what follows a decision
(papers, hand-over, figures, sync) records the departments' 授权 for the items it decides, as a hall's
administrator does, and the decisions are then kept "由××代为录入" in each department's name.  The hall has
the 司法局's answer that it is a 行政机关 that may be entrusted (许可法 第二十四条第一款), so that its papers for those
items are made in the departments' name (:mod:`counter.documents.acceptance`).
"""

from __future__ import annotations

import dataclasses
import functools

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.documents import office_settings, save_office_settings
from counter.actions.cases.item_authority import set_entrustment, set_item_held
from counter.case.entered_for import Entered
from counter.catalog.departments import AdminLevel
from counter.catalog.model import Bundle
from counter.catalog.reader import read_file
from counter.documents.acceptance import OrganAnswer
from counter.documents.data import OfficeSettings
from counter.documents.deciders import decider_name
from tests.conftest import SHIPPED_CATALOG

ENTRUSTMENT = "兴政服授〔2026〕1号（2026年1月5日）"  # the document the departments' 授权 was given in
#: what ``site authority --entrust`` is given beside it: the acts the 授权 covers, every one (许可法 第二十四条)
ACTS_OPTION = "--acts=受理,补正,不予受理,决定,核查,撤销"
#: 我要开小餐馆's items at the hall: 设立登记 and 食品经营许可 (市监局), 户外招牌 (城管局), 涉税事项 (税务局)
RESTAURANT_ITEMS = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04")


def entrust(session: Session, desk: Desk, *item_codes: str, site_code: str = "XAM01") -> None:
    """Record a written 授权 for each of ``item_codes`` at ``site_code``, by ``desk`` (an administrator or the
    single desk)."""
    for code in item_codes:
        set_entrustment(session, desk, site_code, code, ENTRUSTMENT)
    office = office_settings(session, site_code)
    if office.administrative_organ != OrganAnswer.YES:
        answered = dataclasses.replace(office, administrative_organ=OrganAnswer.YES.value)
        save_office_settings(session, site_code, answered, desk=desk)


def entrust_in(sessions: sessionmaker[Session], desk: Desk, *item_codes: str, site_code: str = "XAM01") -> None:
    """:func:`entrust` in a unit of work of its own."""
    with sessions.begin() as session:
        entrust(session, desk, *item_codes, site_code=site_code)


#: a written agreement of 委托受理 as a site records it (office setting ``entrustments``): its 文号 and date
AGREEMENT = "兴政服委〔2026〕5号委托受理协议（2026年3月1日）"


def with_agreements(office: OfficeSettings, level: str = "") -> OfficeSettings:
    """``office`` with an agreement recorded for every department of ``level`` (the office's own when not given)
    that the shipped catalog lets entrust the window: the hall whose departments of its level signed one, as seed
    001 第三十二条 asks them to (the clause itself is no agreement:
    :func:`counter.documents.acceptance.hall_accepts`)."""
    wanted = AdminLevel(level or office.office_level)
    names = dict.fromkeys(
        decider_name(item, office)
        for bundle in _shipped()
        for item in bundle.items
        if item.entrusted and item.level is wanted
    )
    lines = [office.entrustments] if office.entrustments else []
    lines += [f"{name}={AGREEMENT}" for name in names]
    return dataclasses.replace(office, entrustments="\n".join(lines))


@functools.cache
def _shipped() -> tuple[Bundle, ...]:
    found = (read_file(path)[0] for path in sorted(SHIPPED_CATALOG.glob("*.toml")))
    return tuple(bundle for bundle in found if bundle is not None)


def restaurant_held(sessions: sessionmaker[Session], desk: Desk) -> None:
    """我要开小餐馆's four items held by ``desk``'s site (a 行政审批局 that decides them in its own name): a window that
    only receives refuses no licence (it forwards), so a desk that measures the four outcomes, the 不予受理 among
    them, is one that holds the power.  The tax office's item is held too, as no site may (``site authority --hold``
    refuses it): the window's flow is measured, not a hall's standing (``tests/ui/intake/conftest.py``'s
    ``refusing_panel`` likewise)."""
    with sessions.begin() as session:
        for code in RESTAURANT_ITEMS:
            set_item_held(session, desk, desk.identity.site_code, code, held=True)


#: the tax office's item: a vertically led body entrusts no hall, and ``site authority --entrust`` refuses it
TAX_ITEM = "152201-YJS008-04"


def by_command(codes: tuple[str, ...] | list[str], db: str) -> tuple[str, ...]:
    """The codes a test's ``site authority --entrust`` may name: all but the tax office's, whose 授权 is recorded
    here as a database kept from an older release holds it (``--entrust`` refuses a vertical body's item now), so
    that a test about what follows its decision still has the single desk record it."""
    from counter.access.desk import Desk as _Desk
    from counter.access.not_permitted import NotPermitted
    from counter.access.roles import Actor, Role
    from counter.case.numbers import DeskIdentity
    from counter.db.engine import make_engine, make_sessions

    kept = [code for code in codes if code == TAX_ITEM]
    engine = make_engine(db)
    single = _Desk(DeskIdentity("XAM01", "1"), "管理员")  # a database without accounts: its one desk
    admin = dataclasses.replace(single, actor=Actor("batu", "巴图", frozenset({Role.ADMIN})))  # else its administrator
    for desk in (single, admin) if kept else ():
        try:
            with make_sessions(engine).begin() as session:
                for code in kept:
                    set_entrustment(session, desk, "XAM01", code, ENTRUSTMENT)
            break
        except NotPermitted:
            continue
    engine.dispose()
    return tuple(code for code in codes if code != TAX_ITEM)


#: the department's decision the window enters for it under the 授权 (代为录入): its 文号 and the officer who took it
ENTERED = Entered("兴市监准字〔2026〕15号", "李四")
#: the same, as the command line is given it (``--dept-no``, ``--officer``)
ENTERED_OPTIONS = ("--dept-no", ENTERED.department_no, "--officer", ENTERED.officer)
