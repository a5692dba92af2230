"""Who may decide an item: the rule walked for every role and standing, and its table in docs/ kept in step."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from counter.access.authority import AuthorityRefusal, ItemAuthority, Standing, item_ruling, window_decides
from counter.access.roles import SINGLE_DESK, Role
from tests.conftest import REPO

DECIDING = "乌兰浩特市市场监督管理局"
OTHERS = ("", DECIDING, "国家税务总局乌兰浩特市税务局")

roles = st.frozensets(st.sampled_from(list(Role)))
items = st.builds(ItemAuthority, st.just(DECIDING), st.booleans(), st.sampled_from(["", "兴市监授〔2026〕3号"]))


@given(roles, st.sampled_from(OTHERS), items)
def test_only_the_deciding_body_decides_or_a_window_the_site_holds_or_was_entrusted_with(
    held: frozenset[Role], department: str, item: ItemAuthority
) -> None:
    """The rule, said plainly: an account of the deciding department; else a window's account (clerk, supervisor,
    or the single desk) where the site holds the item or the department entrusted it; nobody else, ever."""
    ruling = item_ruling(held, department, item)
    own_department = bool(department) and department == item.deciding and Role.DEPARTMENT in held
    window = not department and bool(held & {Role.CLERK, Role.SUPERVISOR})
    allowed = own_department or (window and (item.site_body or bool(item.entrustment)))
    assert ruling.allowed is allowed
    assert (ruling.refusal is None) is allowed
    if own_department:
        assert ruling.standing is Standing.DEPARTMENT
    elif allowed:  # the site's own power first: its decision is then in its own name
        assert ruling.standing is (Standing.SITE_BODY if item.site_body else Standing.ENTRUSTED)
    if department and department != item.deciding and Role.DEPARTMENT in held:
        assert ruling.refusal is AuthorityRefusal.OTHER_DEPARTMENT  # never another department's, whatever it holds


def test_a_window_clerk_and_a_supervisor_decide_no_departments_item() -> None:
    """The attack: a clerk granted 税务局's item, a supervisor denied 城管局's; the rule refuses both."""
    tax = ItemAuthority("国家税务总局乌兰浩特市税务局")
    for role in (Role.CLERK, Role.SUPERVISOR, Role.ADMIN):
        assert not item_ruling(frozenset({role}), "", tax).allowed
    assert item_ruling(SINGLE_DESK.roles, "", tax).refusal is AuthorityRefusal.NOT_DECIDING_BODY  # the single desk


def test_the_window_decides_what_the_site_holds_or_was_entrusted_with() -> None:
    found = {"a": ItemAuthority(DECIDING), "b": ItemAuthority(DECIDING, site_body=True),
             "c": ItemAuthority(DECIDING, entrustment="授权")}  # fmt: skip
    assert window_decides(found) == {"b", "c"}


def test_the_table_in_docs_is_what_the_rule_gives() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "authority_table.py"), "--check"],
        capture_output=True, text=True, check=False, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
