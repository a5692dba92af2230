"""The names a desk is given (its clerk, its site's name), checked before anything is stored: every problem, by field.

Pure: the command line checks them before it opens the database, the window beside its fields; the check that needs
the database (a name of another account) is the operation's.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.case.desk_names import NameProblem, clerk_name_problem, site_name_problem


@dataclass(frozen=True, slots=True)
class DeskNameProblem:
    field: str  # "clerk" or "site_name", as in DeskConfig
    problem: NameProblem


def desk_name_problems(clerk: str | None, site_name: str | None) -> tuple[DeskNameProblem, ...]:
    """What is wrong with the names given (None: not being changed), by field; needs no database."""
    found = []
    if clerk is not None and (problem := clerk_name_problem(clerk)) is not None:
        found.append(DeskNameProblem("clerk", problem))
    if site_name is not None and (problem := site_name_problem(site_name)) is not None:
        found.append(DeskNameProblem("site_name", problem))
    return tuple(found)
