"""The one set-up step: a site's identity, its desk's site code, its key and a catalog, agreeing."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Role
from counter.actions.admin.site import init_site, register_peer, stored_site, this_site
from counter.actions.cases.documents import office_settings, save_office_settings
from counter.actions.site.site_setup import SiteSetUp, register_card, set_up_site, site_state
from counter.db import models
from counter.documents.data import OfficeSettings
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig, config_path, load_desk_config, save_desk_config
from counter.host.machine.paths import site_key_path
from counter.sync.keys import new_private_key, public_key_text
from counter.sync.site_faults import SiteRefused
from counter.sync.site_view import PeerChange
from counter.sync.sites import SiteDesk, SiteIdentity, SiteKind, SiteOffice, SiteProblem
from tests.conftest import SHIPPED_CATALOG

TOWNSHIP_NAME = "阿尔山市明水河镇便民服务中心"


@pytest.fixture
def sessions(tmp_path: Path, migrated_db: Path) -> Iterator[sessionmaker[Session]]:
    from counter.db.engine import make_engine, make_sessions

    path = tmp_path / "counter.sqlite3"
    shutil.copyfile(migrated_db, path)
    engine = make_engine(f"sqlite:///{path}")
    yield make_sessions(engine)
    engine.dispose()


def guide_versions(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(models.GuideVersion)) or 0)


def set_up(
    sessions: sessionmaker[Session], code: str, name: str, kind: SiteKind | None, desk: Desk | None = None
) -> SiteSetUp:
    return set_up_site(sessions, code, name, kind, desk=desk or desk_at(load_desk_config()),
                       catalog_folder=SHIPPED_CATALOG)  # fmt: skip


OFFICE = SiteOffice(
    seal_caption="阿尔山市明水河镇人民政府便民服务专用章",
    address="阿尔山市明水河镇政府院内一楼便民服务大厅",
    hours="星期一至星期五 08:00-12:00 14:00-17:00",
    consult_phone="0482-7123456",
    complaint_phone="12345",
    review_body="阿尔山市人民政府",
)


def set_up_whole(
    sessions: sessionmaker[Session], tmp_path: Path, office: SiteOffice | None, this_desk: SiteDesk | None
) -> SiteSetUp:
    """The form's set-up, its office and desk too; the catalog from an empty folder (the identity is the point)."""
    folder = tmp_path / "no-catalog"
    folder.mkdir(exist_ok=True)
    return set_up_site(sessions, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP,
                       desk=desk_at(load_desk_config()), catalog_folder=folder, office=office,
                       this_desk=this_desk)  # fmt: skip


def test_the_set_up_takes_the_sites_whole_identity(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    """Its name, seal, address, hours and phones are the site's 单位信息; the desk's number and clerk its own."""
    done = set_up_whole(sessions, tmp_path, OFFICE, SiteDesk(" 2 ", " 其其格 "))
    with sessions() as session:
        office = office_settings(session, "ARX01")
        entries = session.scalars(select(models.AuditEntry.subject).order_by(models.AuditEntry.id)).all()
    assert (office.office_name, office.seal_caption, office.address) == (
        TOWNSHIP_NAME, OFFICE.seal_caption, OFFICE.address
    )  # fmt: skip
    assert (office.hours, office.consult_phone, office.complaint_phone) == (OFFICE.hours, "0482-7123456", "12345")
    assert office.review_body == "阿尔山市人民政府"  # the township's own 复议机关, not the league hall's
    assert office.court == OfficeSettings().court  # what the form does not ask stays as it was
    config = load_desk_config()
    assert (config.site_code, config.desk_no, config.clerk) == ("ARX01", "2", "其其格")
    assert (done.desk.identity.desk_no, done.desk.clerk) == ("2", "其其格")
    assert "office.ARX01" in entries  # the office's change is in the trail beside the site's


def test_a_set_up_with_its_office_or_desk_incomplete_changes_nothing(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    empty = dataclasses.replace(OFFICE, hours=" ", consult_phone="")
    with pytest.raises(SiteRefused) as caught:
        set_up_whole(sessions, tmp_path, empty, SiteDesk("12345", ""))
    assert caught.value.codes == (SiteProblem.OFFICE_MISSING, SiteProblem.DESK_NO_FORMAT, SiteProblem.CLERK_MISSING)
    with pytest.raises(SiteRefused) as caught:
        set_up_whole(sessions, tmp_path, OFFICE, SiteDesk("1", "窗口工作人员"))  # a title, no person's name
    assert caught.value.codes == (SiteProblem.CLERK_NAME,)
    assert not config_path().exists()
    with sessions() as session:
        assert stored_site(session) is None


@pytest.mark.parametrize("desk_no", ["08", "0", "0008"])
def test_a_set_up_refuses_a_desk_number_with_a_leading_zero_or_zero(
    sessions: sessionmaker[Session], tmp_path: Path, desk_no: str
) -> None:
    """Every case number writes the desk with two digits at least: a township set up as desk "08" beside desk 8 would
    issue its numbers, and 0 is no desk."""
    with pytest.raises(SiteRefused) as caught:
        set_up_whole(sessions, tmp_path, OFFICE, SiteDesk(desk_no, "其其格"))
    assert caught.value.codes == (SiteProblem.DESK_NO_FORMAT,)
    assert not config_path().exists()
    with sessions() as session:
        assert stored_site(session) is None


def test_where_accounts_exist_the_set_up_leaves_the_clerk_to_the_account(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    set_up_whole(sessions, tmp_path, OFFICE, SiteDesk("4", None))
    config = load_desk_config()
    assert (config.desk_no, config.clerk) == ("4", "")


def test_the_form_proposes_a_stored_office_and_never_the_halls_defaults(sessions: sessionmaker[Session]) -> None:
    save_desk_config(DeskConfig(site_code="ARX01", site_name=TOWNSHIP_NAME, desk_no="2", clerk="其其格"))
    with sessions() as session:
        state = site_state(session)
    assert (state.office, state.desk_no, state.clerk) == (None, "2", "其其格")
    with sessions.begin() as session:
        stored = dataclasses.replace(OfficeSettings(), address=OFFICE.address, hours=OFFICE.hours)
        save_office_settings(session, "ARX01", stored)
    with sessions() as session:
        state = site_state(session)
    assert state.office is not None
    assert (state.office.address, state.office.hours) == (OFFICE.address, OFFICE.hours)


def test_a_fresh_database_is_not_set_up_and_a_silent_hall_is_not_either(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        state = site_state(session)
    assert (state.set_up, state.identity, state.code, state.name, state.kind) == (False, None, "", "", None)
    with sessions.begin() as session:
        made = this_site(session)  # what a status line or a package does on first use
    assert made.kind is SiteKind.HALL
    with sessions() as session:
        state = site_state(session)
    assert (state.set_up, state.identity) == (False, made)
    assert state.kind is None  # the form never proposes the hall it was made as


def test_the_form_starts_from_what_this_desk_was_given_on_purpose(sessions: sessionmaker[Session]) -> None:
    save_desk_config(DeskConfig(site_code="ARX01", site_name=TOWNSHIP_NAME, desk_no="2"))
    with sessions() as session:
        state = site_state(session)
    assert (state.set_up, state.code, state.name, state.kind) == (False, "ARX01", TOWNSHIP_NAME, None)


def test_an_older_township_or_a_site_with_peers_counts_as_set_up(sessions: sessionmaker[Session]) -> None:
    """Databases set up before the moment was recorded: only an init makes a township, only use registers peers."""
    unmark = delete(models.Setting).where(models.Setting.key == "site.set_up_at")
    with sessions.begin() as session:
        init_site(session, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
        session.execute(unmark)
    with sessions() as session:
        assert site_state(session).set_up
    with sessions.begin() as session:
        init_site(session, "XAM01", "兴安盟政务服务中心", SiteKind.HALL)
        session.execute(unmark)
    with sessions() as session:
        assert not site_state(session).set_up
    with sessions.begin() as session:
        register_peer(session, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP, public_key_text(new_private_key()))
    with sessions() as session:
        assert site_state(session).set_up


@pytest.mark.slow
def test_set_up_as_a_township_gives_the_desk_its_code_and_loads_the_catalog(sessions: sessionmaker[Session]) -> None:
    save_desk_config(DeskConfig(desk_no="3", clerk="其其格"))
    done = set_up(sessions, " ARX01 ", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    assert (done.identity.code, done.identity.name, done.identity.kind) == ("ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    config = load_desk_config()
    assert (config.site_code, config.site_name, config.desk_no, config.clerk) == ("ARX01", TOWNSHIP_NAME, "3", "其其格")
    assert (done.desk.identity.site_code, done.desk.identity.desk_no) == ("ARX01", "3")
    assert done.desk_file == config_path()
    assert site_key_path().is_file()
    assert done.catalog is not None
    assert len(done.catalog.new_versions) == guide_versions(sessions) > 100
    with sessions() as session:
        state = site_state(session)
        assert state.set_up
        assert state.identity == done.identity
        trail = session.scalars(select(models.AuditEntry).where(models.AuditEntry.subject == "site")).one()
        assert (trail.site_code, trail.desk_no) == ("ARX01", "3")  # recorded at the desk as it is now
    again = set_up(sessions, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    assert again.catalog is None
    assert again.identity.public_key == done.identity.public_key  # the key stays


def test_every_problem_at_once_and_nothing_changed(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(SiteRefused) as caught:
        set_up(sessions, "arx01", " ", None)
    assert caught.value.codes == (SiteProblem.CODE_FORMAT, SiteProblem.NAME_MISSING, SiteProblem.KIND_MISSING)
    assert not config_path().exists()
    assert not site_key_path().exists()
    assert guide_versions(sessions) == 0


def test_a_site_name_past_its_length_is_refused_and_nothing_changed(sessions: sessionmaker[Session]) -> None:
    """A name pasted with a whole address after it: refused as too long (it is printed on every paper and card),
    never cut, and the site is left unset."""
    with pytest.raises(SiteRefused) as caught:
        set_up(sessions, "ARX01", "阿荣旗" * 34, SiteKind.TOWNSHIP)
    assert caught.value.codes == (SiteProblem.NAME_TOO_LONG,)
    assert not config_path().exists()
    assert not site_key_path().exists()
    with sessions() as session:
        assert not site_state(session).set_up


def test_an_unwritable_desk_file_leaves_the_database_as_it_was(sessions: sessionmaker[Session]) -> None:
    config_path().mkdir(parents=True)  # a folder where the desk's file should be: it cannot be replaced
    with pytest.raises(IsADirectoryError):
        set_up(sessions, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    with sessions() as session:
        assert stored_site(session) is None
        assert not site_state(session).set_up
    assert guide_versions(sessions) == 0


def test_only_an_administrator_sets_a_site_up(sessions: sessionmaker[Session]) -> None:
    clerk = Actor("wulan", "乌兰", frozenset({Role.CLERK}))
    with sessions.begin() as session:
        session.add(models.Account(login="wulan", name="乌兰", roles="clerk", password_hash="x"))
    with pytest.raises(NotPermitted):
        set_up(sessions, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP, desk_at(load_desk_config(), clerk))
    assert load_desk_config().site_code == DeskConfig().site_code
    with sessions() as session:
        assert stored_site(session) is None


def test_registering_a_card_says_what_it_changed(sessions: sessionmaker[Session]) -> None:
    desk = desk_at(load_desk_config())
    with sessions.begin() as session:
        init_site(session, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP, desk=desk)
    first = SiteIdentity("XAM01", "兴安盟政务服务中心", SiteKind.HALL, public_key_text(new_private_key()))
    second = SiteIdentity("XAM01", "兴安盟政务服务中心", SiteKind.HALL, public_key_text(new_private_key()))
    with sessions.begin() as session:
        assert register_card(session, first, desk).change is PeerChange.NEW
        assert register_card(session, first, desk).change is PeerChange.SAME_KEY
        replaced = register_card(session, second, desk)
    assert (replaced.change, replaced.old_fingerprint) == (PeerChange.NEW_KEY, first.fingerprint)
