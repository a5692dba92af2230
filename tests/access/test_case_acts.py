"""Every act that decides an item or ends a case, walked for every role, department and standing; and the single desk.

The 容缺 lapse had no standing check at all: any supervisor (and the single desk, which held every role) recorded a
department's licence 不予批准.  The rule is the item's (:func:`counter.access.authority.item_ruling`), asked by every
act for every item it touches, with the act's own permission at the window.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counter.access.authority import AuthorityRefusal, ItemAuthority, Standing, item_ruling
from counter.access.case_acts import DEPARTMENT_ACTS, WINDOW_PERMISSION, CaseAct, act_ruling
from counter.access.roles import SINGLE_DESK, SINGLE_DESK_GRANTS, Actor, Permission, Role, permissions_of

DECIDING = "乌兰浩特市市场监督管理局"
DEPARTMENTS = ("", DECIDING, "国家税务总局乌兰浩特市税务局")

roles = st.frozensets(st.sampled_from(list(Role)))
items = st.builds(ItemAuthority, st.just(DECIDING), st.booleans(), st.sampled_from(["", "兴市监授〔2026〕3号"]))


@given(st.sampled_from(list(CaseAct)), roles, st.sampled_from(DEPARTMENTS), items)
def test_every_act_is_the_deciding_bodys_or_the_windows_where_it_holds_the_item_with_the_acts_permission(
    act: CaseAct, held: frozenset[Role], department: str, item: ItemAuthority
) -> None:
    ruling = act_ruling(act, held, department, item)
    own = bool(department) and department == item.deciding and Role.DEPARTMENT in held and act in DEPARTMENT_ACTS
    window = (
        not department
        and bool(held & {Role.CLERK, Role.SUPERVISOR})
        and WINDOW_PERMISSION[act] in permissions_of(held)
        and (item.site_body or bool(item.entrustment))
    )
    assert ruling.allowed is (own or window)
    assert (ruling.refusal is None) is ruling.allowed
    if own:
        assert ruling.standing is Standing.DEPARTMENT
    elif window:
        assert ruling.standing is (Standing.SITE_BODY if item.site_body else Standing.ENTRUSTED)
    if ruling.allowed:  # never more than the item's own rule gives
        assert item_ruling(held, department, item).standing is ruling.standing


def test_a_supervisor_neither_lapses_voids_extends_nor_closes_a_departments_item() -> None:
    """The attack: the lapse recorded 食品经营许可 不予批准 for 市监局 at the window, with no 授权."""
    market = ItemAuthority(DECIDING)
    supervisor = frozenset({Role.CLERK, Role.SUPERVISOR})
    for act in CaseAct:
        assert act_ruling(act, supervisor, "", market).refusal is AuthorityRefusal.NOT_DECIDING_BODY
    entrusted = ItemAuthority(DECIDING, entrustment="兴市监授〔2026〕3号")
    assert act_ruling(CaseAct.DEFERRAL_LAPSE, supervisor, "", entrusted).standing is Standing.ENTRUSTED


def test_a_department_ends_its_own_lapsed_application_but_never_voids_or_hands_over_at_the_window() -> None:
    own = ItemAuthority(DECIDING)
    department = frozenset({Role.DEPARTMENT})
    assert act_ruling(CaseAct.CORRECTION_LAPSE, department, DECIDING, own).standing is Standing.DEPARTMENT
    for act in (CaseAct.VOID, CaseAct.SAME_DAY, CaseAct.DEFERRAL_LAPSE, CaseAct.DEFERRAL_EXTENSION):
        assert not act_ruling(act, department, DECIDING, own).allowed


def test_the_single_desk_is_a_clerk_and_its_sites_set_up_never_a_supervisor_reviewer_or_department() -> None:
    """A database without accounts gave the desk every role: it struck out its own 差评 and denied licences."""
    desk = Actor("", "", SINGLE_DESK.roles)
    for permission in (Permission.DECIDE_DEFERRAL, Permission.VOID_CASE, Permission.RECTIFY, Permission.ITEM_STEPS):
        assert not desk.may(permission)
        assert not SINGLE_DESK.may(permission)
    for permission in (Permission.TAKE_INTAKE, Permission.PRINT, Permission.SYNC, Permission.CHANGE_SETTINGS,
                       Permission.EDIT_HOLIDAYS, Permission.MANAGE_CATALOG, Permission.MANAGE_ACCOUNTS):  # fmt: skip
        assert SINGLE_DESK.may(permission)
    assert SINGLE_DESK.roles == {Role.CLERK}
    assert permissions_of(frozenset({Role.CLERK})) <= SINGLE_DESK_GRANTS
    for act in CaseAct:  # held by the site or entrusted, the single desk still takes no supervisor's act
        allowed = act_ruling(act, SINGLE_DESK.roles, "", ItemAuthority(DECIDING, site_body=True)).allowed
        assert allowed is (act is CaseAct.SAME_DAY)
