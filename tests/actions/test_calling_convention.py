"""Every action knows who acts and where from one value, its ``desk: Desk``.

A face builds that Desk once (the window in :mod:`counter.ui.mainwindow.desk_actions`,
the command line in :func:`counter.cli.common.desk`), and no action asks for
the account, the desk's configuration or its identity on the side.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import counter.actions
from counter.access.roles import SINGLE_DESK, Actor, Role
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig

#: what an action would take instead of a Desk, were there a second convention
SIDE_DOORS = re.compile(r"\b(DeskConfig|DeskIdentity|Actor)\b")

#: the few public functions of counter.actions that are not actions, and why they may take the parts
NOT_ACTIONS = {
    "counter.actions.admin.audit.record": (
        "the low-level recorder; sign-in records an account that is not yet the desk's"
    ),
    "counter.actions.admin.guard.require": "the check every action makes with desk.actor; no face calls it",
    "counter.actions.admin.guard.current_roles": "the authority rule's read of desk.actor's roles; no face calls it",
}


def _public_functions() -> list[tuple[str, inspect.Signature]]:
    found = []
    for info in pkgutil.walk_packages(counter.actions.__path__, "counter.actions."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value) or value.__module__ != module.__name__:
                continue
            found.append((f"{module.__name__}.{name}", inspect.signature(value)))
    return found


def test_no_action_takes_the_account_or_the_desk_apart_from_a_desk() -> None:
    functions = _public_functions()
    assert len(functions) > 50  # the walk found the actions
    side_doors = [
        f"{name}({parameter.name}: {parameter.annotation})"
        for name, signature in functions
        if name not in NOT_ACTIONS
        for parameter in signature.parameters.values()
        if SIDE_DOORS.search(str(parameter.annotation))
    ]
    assert side_doors == []


def test_the_exceptions_are_still_there() -> None:
    """An allowed exception that no longer exists is dropped from the list, not left to excuse a newcomer."""
    names = {name for name, _ in _public_functions()}
    assert set(NOT_ACTIONS) <= names


def test_every_action_that_names_a_desk_calls_it_desk() -> None:
    desks = [
        (name, parameter.name)
        for name, signature in _public_functions()
        for parameter in signature.parameters.values()
        if re.fullmatch(r"Desk( \| None)?", str(parameter.annotation))
    ]
    assert desks, "no action takes a Desk"
    assert {parameter for _, parameter in desks} == {"desk"}


def test_a_desk_from_the_file_with_nobody_signed_in_is_the_files_clerk() -> None:
    config = DeskConfig(site_code="XAM01", site_name="兴安盟政务服务中心", desk_no="3", clerk="乌兰", staff_no="XA0815")
    desk = desk_at(config)
    assert (desk.identity.site_code, desk.identity.desk_no, desk.clerk, desk.actor) == (
        "XAM01",
        "3",
        "乌兰",
        SINGLE_DESK,
    )
    assert (desk.site_name, desk.staff_no, desk.photo, desk.area_code) == (
        "兴安盟政务服务中心",
        "XA0815",
        "",
        config.area_code,
    )


def test_a_signed_in_account_is_the_desks_clerk() -> None:
    config = DeskConfig(desk_no="3", clerk="乌兰", staff_no="XA0815")
    saran = Actor("saran", "萨仁", frozenset({Role.CLERK}))
    assert (desk_at(config, saran, "XA0901").clerk, desk_at(config, saran, "XA0901").staff_no) == ("萨仁", "XA0901")
    assert desk_at(config, saran).staff_no == "XA0815"  # an account without a staff number: the file's
