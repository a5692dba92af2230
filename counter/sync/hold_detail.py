"""A held record's detail read back into a code and its values, for the faces to word.

Why a record waits on the review list is told twice: the reason's code (:class:`~counter.actions.sync.sync_apply.
HoldReason`, a :class:`~counter.sync.sender_checks.Refusal`) and a detail naming the field and what is wrong with it
(``history[1] item_denied: item 152201-YJS008-02``).  The detail is kept as the import writes it: it is what the
hall's log gives support, what its review table has always stored, and what the hall sends the township in its list
of held records (:class:`~counter.sync.records.HeldEntry`), which an older township's program shows as it is.  So
the detail stays that text, old rows and new alike, and is read here into a :class:`HoldDetail` — which part of
the record, what is wrong, the values that say so — that :mod:`counter.words.sync_details` words for the clerk.
A detail of a form this program does not know reads as :attr:`DetailKind.UNREAD`: the faces then say where to ask,
never the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class DetailKind(StrEnum):
    """What a held record's detail says is wrong (the values each kind carries in its comment)."""

    GUIDE = "guide"  # bundle, version: the guide version the case was taken under
    NUMBER_TAKEN = "number_taken"  # number: another record here has it
    DOCUMENT_TAKEN = "document_taken"  # number, kind: a document number another case here has
    NOT_IN_SERIES = "not_in_series"  # number, site: a number outside the site's series
    NOT_ITS_DESK = "not_its_desk"  # number, desk: a number whose desk is not the record's
    ELSEWHERE = "elsewhere"  # number, site: the record is another site's record here
    PREVIOUS_ELSEWHERE = "previous_elsewhere"  # number, site: the earlier case is another site's here
    PREVIOUS_MISSING = "previous_missing"  # the earlier case (a correction's) has not arrived
    FROM_SITE = "from_site"  # site: the site that took the case
    CASE = "case"  # number: the case the record is about
    MATERIAL = "material"  # code: the material a page is of
    SETTING = "setting"  # key: a setting the hall may not write here
    SEAL = "seal"  # number: the seal's
    SECOND_TAKEN = "second_taken"  # where: a second taken line
    ALREADY_HERE = "already_here"  # where, event: the hall has the case already
    ITEM = "item"  # where, event, item: a step on an item a township body does not decide
    ITEMS = "items"  # where, event: a step on items a township body does not decide
    NOT_AFTER = "not_after"  # where, at, last: a new line not after the hall's last
    OUT_OF_RANGE = "out_of_range"  # where, day, earliest, latest
    NO_HAND_OVER = "no_hand_over"  # where: a hand-over without its record
    RESULT_ITEM = "result_item"  # where, item: a result delivered the hall did not decide so
    DELIVERED_WHERE = "delivered_where"  # where, status: delivered while the case stands so here
    RESULTS_LEFT = "results_left"  # where, count: delivered with results still to hand over
    TEXT = "text"  # where, problem (counter.parties.text.TextProblem or bad_value), text: the problem's detail
    DESK = "desk"  # where, desk: not a desk of the site
    EVENT = "event"  # where, event: a step only the hall or a department takes
    STATUS = "status"  # where, status: a status only the hall or a department sets
    WRONG_SITE = "wrong_site"  # where, site, sender: another site's code
    FIELD = "field"  # where: the field, alone
    UNREAD = "unread"  # a detail of a form not known here: nothing to word but where to ask


#: one step of a field's path, ``history[1]`` as ("history", 1), ``event`` as ("event", None)
Step = tuple[str, int | None]


@dataclass(frozen=True, slots=True)
class HoldDetail:
    kind: DetailKind
    where: tuple[Step, ...] = ()  # the field the detail names, as steps of its path; () when it names none
    values: dict[str, str] = field(default_factory=dict)


_PATH = r"[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*"
_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
_TEXT_PROBLEMS = "control|invisible|bidi|too_long|unprintable|private_use|bad_value"

#: the details the import writes, each a form of counter.db.sync.cases, counter.db.sync.projects and
#: counter.sync.sender_checks, tried in order, whole
_FORMS: tuple[tuple[DetailKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.DOTALL))
    for kind, pattern in (
        (DetailKind.DOCUMENT_TAKEN, r"(?P<number>\S+) \((?P<doc_kind>[^)]*)\) belongs to \S+"),
        (DetailKind.NUMBER_TAKEN, r"(?P<number>\S+) belongs to \S+"),
        (DetailKind.NOT_IN_SERIES, rf"(?P<path>{_PATH}) (?P<number>\S*): not in (?P<site>\S*)'s series"),
        (DetailKind.NOT_ITS_DESK, rf"(?P<path>{_PATH}) (?P<number>\S*): desk (?P<desk>.*) is not its desk"),
        (DetailKind.PREVIOUS_ELSEWHERE, r"previous (?P<number>\S*) is (?P<site>\S*)'s"),
        (DetailKind.ELSEWHERE, r"\S+ is (?P<number>\S*) of (?P<site>\S*) here"),
        (DetailKind.SECOND_TAKEN, rf"(?P<path>{_PATH}): a second taken line"),
        (DetailKind.ALREADY_HERE, rf"(?P<path>{_PATH}) (?P<event>\S*): the case is here already"),
        (DetailKind.ITEMS, rf"(?P<path>{_PATH}) (?P<event>\S*): items not a township body's"),
        (DetailKind.ITEM, rf"(?P<path>{_PATH}) (?P<event>\S*): item (?P<item>.*)"),
        (DetailKind.NOT_AFTER, rf"(?P<path>{_PATH}) (?P<at>\S+): not after (?P<last>\S+)"),
        (DetailKind.OUT_OF_RANGE, rf"(?P<path>{_PATH}): (?P<day>\S+) not within (?P<earliest>\S+)…(?P<latest>\S+)"),
        (DetailKind.NO_HAND_OVER, rf"(?P<path>{_PATH}): no hand-over record"),
        (DetailKind.DELIVERED_WHERE, rf"(?P<path>{_PATH}): delivered where the case is (?P<status>\S*)"),
        (DetailKind.RESULTS_LEFT, rf"(?P<path>{_PATH}): delivered with (?P<count>\d+) result\(s\) left"),
        (DetailKind.RESULT_ITEM, rf"(?P<path>{_PATH}) items\[\d+\] (?P<item>.*)"),
        (DetailKind.TEXT, rf"(?P<path>{_PATH}): (?P<problem>{_TEXT_PROBLEMS})(?: (?P<text>.*))?"),
        (DetailKind.WRONG_SITE, rf"(?P<path>{_PATH}) (?P<site>\S*): not (?P<sender>\S+)"),
        (DetailKind.DESK, rf"(?P<path>{_PATH}\.desk_no) (?P<desk>.*)"),
        (DetailKind.EVENT, rf"(?P<path>{_PATH}\.event) (?P<event>\S*)"),
        (DetailKind.STATUS, rf"(?P<path>(?:{_PATH}\.status_after|status)) (?P<status>\S*)"),
        (DetailKind.FIELD, rf"(?P<path>{_PATH})"),
    )
)

#: the reasons whose detail is one bare value: which kind it is, under which name
_BARE = {
    "unknown_guide": None,  # read by _guide
    "previous_missing": (DetailKind.PREVIOUS_MISSING, ""),
    "other_site": (DetailKind.FROM_SITE, "site"),
    "case_unknown": (DetailKind.CASE, "number"),
    "page_case_missing": (DetailKind.MATERIAL, "code"),
    "page_unreadable": (DetailKind.MATERIAL, "code"),
    "not_hall_owned": (DetailKind.SETTING, "key"),
    "bad_seal": (DetailKind.SEAL, "number"),
}
_GUIDE = re.compile(r"(?P<bundle>\S+) v(?P<version>\d+)(?: \S*)?")


def read_detail(reason: str, detail: str) -> HoldDetail:
    """The held record's ``detail`` (as the import wrote it for ``reason``) as a code and its values."""
    text = detail.strip()
    if reason in _BARE:
        return _bare(reason, text)
    for kind, form in _FORMS:
        found = form.fullmatch(text)
        if found is not None:
            values = {name: value for name, value in found.groupdict().items() if value is not None}
            path = values.pop("path", "")
            if "desk" in values:
                values["desk"] = values["desk"].strip("'\"")
            return HoldDetail(kind, path_steps(path), values)
    return HoldDetail(DetailKind.UNREAD)


def _bare(reason: str, text: str) -> HoldDetail:
    if reason == "unknown_guide":
        found = _GUIDE.fullmatch(text)
        if found is None:
            return HoldDetail(DetailKind.UNREAD)
        return HoldDetail(DetailKind.GUIDE, values={"bundle": found["bundle"], "version": found["version"]})
    kind, name = _BARE[reason] or (DetailKind.UNREAD, "")
    if not name:
        return HoldDetail(kind)
    return HoldDetail(kind, values={name: text}) if text else HoldDetail(DetailKind.UNREAD)


def path_steps(path: str) -> tuple[Step, ...]:
    """``history[1].event`` as (("history", 1), ("event", None)); "" as ()."""
    if not path:
        return ()
    steps: list[Step] = []
    for part in path.split("."):
        found = _STEP.fullmatch(part)
        if found is None:
            return ()
        steps.append((found[1], None if found[2] is None else int(found[2])))
    return tuple(steps)
