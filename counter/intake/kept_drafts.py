"""The unfinished intakes a desk keeps: one draft per applicant, each until its case is taken or the clerk drops it.

A desk used to keep one draft: the next applicant's form overwrote it, that intake's commit deleted it, and after a
restart it was gone while the guide promised 草稿不会丢.  Now each intake is kept under its own id (the uid its commit
carries, :attr:`counter.intake.draft.IntakeDraft.uid`), so another applicant's form or commit never touches it.

The applicant is who the draft is for: :func:`applicant_key` names them as the intake knows them (the full ID number
or credit code once typed, else the name), and a newer draft for the same applicant replaces the older one
(:func:`replaced_by`): a clerk who takes an applicant up again has one form of theirs, not two that disagree.  Before
a name or a number is typed the intake is its own key, and nothing replaces it.

Plain data: the store keeps and lists them, the desk's bar shows :class:`KeptDrafts` and reopens one whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from counter.intake.draft import IntakeDraft, StoredDraft

#: the length of a whole 居民身份证号 and of a 统一社会信用代码: a shorter number is still being typed
FULL_NUMBER = 18


def applicant_key(draft: IntakeDraft) -> str:
    """Who the draft is for, as the intake knows them: ``id:`` and the whole number, else ``name:`` and the name as
    typed, else ``intake:`` and the intake's own id (nobody named yet: the draft is the intake's alone)."""
    number = "".join(draft.applicant.id_no.split()).upper()
    if len(number) == FULL_NUMBER:
        return f"id:{number}"
    name = "".join(draft.applicant.name.split())
    if name:
        return f"name:{name}"
    return f"intake:{draft.uid}"


def replaced_by(draft: IntakeDraft, kept: Iterable[IntakeDraft]) -> tuple[str, ...]:
    """The uids of the ``kept`` drafts that ``draft`` replaces: another intake's draft for the same applicant."""
    key = applicant_key(draft)
    return tuple(k.uid for k in kept if k.uid != draft.uid and applicant_key(k) == key)


@dataclass(frozen=True, slots=True)
class KeptDrafts:
    """A desk's unfinished intakes as its start (or the end of an intake) reads them, newest first; ``dropped``: the
    drafts that could not be used, dropped as they were read, each with why."""

    drafts: tuple[StoredDraft, ...] = ()
    dropped: tuple[StoredDraft, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.drafts or self.dropped)
