"""The free texts of a township's case record, held to the rules every door of the desk holds them to.

A township's desk takes its intakes through :mod:`counter.parties.text`, so a case it sends has names within their
lengths and no hidden characters.  A record that has them anyway — sent by an older program, or made by hand — is
not the package's fault: it waits on the review list with the field and what is wrong (never the value), and the
rest of the package goes in (:func:`counter.sync.sender_checks.check_case`).  The package's own limits
(:mod:`counter.sync.records`) stay the structure's: far beyond any real value, they refuse a package that is not one
this program wrote.

Which texts: the intake's own (the parties' names and addresses, the authorisation, the notes), held to their field's
length; and the names others read on the hall's lists and figures (clerks, materials, raters, items, departments),
held to their characters only — their lengths are their sources' (accounts, the catalog).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from counter.intake.subject import subject_from_json
from counter.parties.text import FIELD_LIMITS, SUSPECT, TextField, character_problem, check_text
from counter.sync.records import CaseRecord

#: (path, value, field) of a record's texts; field None: its characters only
Texts = list[tuple[str, str, TextField | None]]


def case_texts(record: CaseRecord, here: Collection[Any]) -> Texts:
    """Every free text of ``record`` the hall keeps from it; ``here``: the keys of its history lines here already."""
    person = record.applicant_kind == "person"
    texts: Texts = [
        ("applicant_name", record.applicant_name, TextField.PERSON_NAME if person else TextField.ORGANISATION_NAME),
        ("legal_rep", record.legal_rep, TextField.PERSON_NAME),
        ("agent_name", record.agent_name, TextField.PERSON_NAME),
        ("applicant_address", record.applicant_address, TextField.ADDRESS),
        ("delivery_address", record.delivery_address, TextField.ADDRESS),
        ("agent_authorisation", record.agent_authorisation, TextField.NOTE),
        ("turn_to", record.turn_to, TextField.NOTE),
        ("clerk", record.clerk, None),
    ]
    # the subject's values, each within one line of an address, the longest of the kinds (counter.intake.subject)
    texts += [(f"subject.{code}", value, TextField.ADDRESS) for code, value in subject_from_json(record.subject)]
    for n, m in enumerate(record.materials):
        texts += [
            (f"materials[{n}].name", m.name, None),
            (f"materials[{n}].defect_note", m.defect_note, TextField.NOTE),
        ]
    texts += [
        (f"history[{n}].clerk", x.clerk, None) for n, x in enumerate(record.history) if not here or x.key not in here
    ]
    for n, d in enumerate(record.documents):
        texts.append((f"documents[{n}].clerk", d.clerk, None))
        texts += [(f"documents[{n}].prints[{k}].clerk", p.clerk, None) for k, p in enumerate(d.prints)]
    for n, q in enumerate(record.ratings):
        texts.append((f"ratings[{n}].clerk", q.clerk, None))
        e = q.rating
        if e is not None:
            texts += [(f"ratings[{n}].rating.{f}", getattr(e, f), None) for f in ("clerk", "item_name", "department")]
            texts.append((f"ratings[{n}].rating.rater_name", e.rater_name, None))
    return texts


def _fits(texts: Texts) -> bool:
    """Whether every text is within its length and no text holds a character to look at: one search for all."""
    if any(kind is not None and len(value) > FIELD_LIMITS[kind].most for _path, value, kind in texts):
        return False
    return SUSPECT.search("|".join(value for _path, value, _kind in texts)) is None  # "|" is none of them


def text_problem(record: CaseRecord, here: Collection[Any]) -> str | None:
    """The first of the record's texts the desk would not take, as "path: problem detail", or None.

    A line break in a note is a note's; a text whose only suspect characters are the Mongolian selectors and joiners
    where Mongolian script needs them is clean (the closer look of :func:`counter.parties.text.check_text`).
    """
    if record.subject and not subject_from_json(record.subject):
        return "subject: bad_value"  # not the pairs a desk writes: kept, it would show as nothing
    texts = case_texts(record, here)
    if _fits(texts):
        return None  # nearly every record
    for path, value, kind in texts:
        if kind is None:
            found = character_problem(value)
            if found is not None:
                return f"{path}: {found[0].value} {found[1]}"
            continue
        check = check_text(value, kind)
        if check.problem is not None:
            return f"{path}: {check.problem.value} {check.detail}"
    return None
