"""One draft per applicant, as plain data: who a draft is for, and which older draft a newer one replaces."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from counter.intake.checklist import start_checklist
from counter.intake.draft import DraftProblemCode, IntakeDraft, StoredDraft, draft_from_json, draft_to_json
from counter.intake.kept_drafts import KeptDrafts, applicant_key, replaced_by
from counter.intake.parties import Agent, Applicant, ApplicantKind
from tests.intake.samples import INDIVIDUAL_NO_AGENT, RESTAURANT

ID_NO = "15220119790308242X"
SAVED = dt.datetime(2026, 11, 27, 8, 30, tzinfo=dt.UTC)


def draft(uid: str, name: str = "", id_no: str = "") -> IntakeDraft:
    checklist = start_checklist(RESTAURANT, INDIVIDUAL_NO_AGENT, guide_version=1)
    return IntakeDraft(checklist, Applicant(ApplicantKind.PERSON, name, id_no), Agent("", "", ""), False, uid=uid)


def test_the_applicant_is_known_by_the_whole_number_then_the_name_then_the_intake_itself() -> None:
    assert applicant_key(draft("a", "乌云其木格", ID_NO.lower())) == f"id:{ID_NO}"
    assert applicant_key(draft("a", "乌云 其木格", "152201")) == "name:乌云其木格"  # a number half typed is no one
    assert applicant_key(draft("a")) == "intake:a"


def test_a_newer_draft_replaces_the_same_applicants_older_one_and_no_other() -> None:
    kept = (draft("old", "乌云其木格", ID_NO), draft("other", "包红梅"), draft("blank"), draft("blank2"))
    assert replaced_by(draft("new", "乌云", ID_NO), kept) == ("old",)
    assert replaced_by(draft("new", "包红梅"), kept) == ("other",)
    assert replaced_by(draft("new"), kept) == ()  # nobody named yet: each intake its own
    assert replaced_by(draft("old", "乌云其木格", ID_NO), kept) == ()  # its own draft is kept again, not replaced


def test_the_intakes_uid_goes_with_its_draft_and_an_older_draft_reads_without_one() -> None:
    kept = draft("0123456789abcdef0123456789abcdef", "乌云其木格")
    assert draft_from_json(draft_to_json(kept)) == kept
    assert draft_from_json(draft_to_json(replace(kept, uid=""))).uid == ""


def test_a_desk_with_only_a_draft_it_dropped_still_has_something_to_say() -> None:
    bad = StoredDraft(SAVED, None, problem=DraftProblemCode.NOT_JSON)
    assert not KeptDrafts()
    assert KeptDrafts((), (bad,))
    assert KeptDrafts((StoredDraft(SAVED, draft("a", "乌云其木格")),))
