"""The check of a trail as plain data: every kind of damage found, all of it at once."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from counter.audit.chain import GENESIS, AuditFields, entry_hash
from counter.audit.verify import ChainHead, StoredEntry, TrailProblem, TrailProblemCode, verify_chains
from counter.words.audit import trail_problem_text

CHAIN = "XAM01-8"
START = dt.datetime(2026, 11, 20, 2, 0)


def written(count: int, chain: str = CHAIN) -> list[StoredEntry]:
    """A chain as the writer leaves it."""
    site, desk = chain.split("-")
    entries: list[StoredEntry] = []
    prev = GENESIS
    for seq in range(1, count + 1):
        fields = AuditFields(chain, seq, START + dt.timedelta(minutes=seq), "wulan", site, desk, "case_taken",
                             f"XAM01-20261120-08-{seq:04d}", '{"outcome":"accept"}')  # fmt: skip
        digest = entry_hash(prev, fields)
        entries.append(StoredEntry(fields, prev, digest))
        prev = digest
    return entries


def head_of(entries: list[StoredEntry], chain: str = CHAIN) -> dict[str, ChainHead]:
    return {chain: ChainHead(chain, entries[-1].seq, entries[-1].hash)}


def codes(entries: list[StoredEntry], heads: dict[str, ChainHead]) -> list[tuple[TrailProblemCode, int, int]]:
    report = verify_chains([(CHAIN, entries)], heads)
    return [(p.code, p.seq, p.last) for p in report.problems]


def test_an_untouched_chain_is_whole() -> None:
    entries = written(5)
    report = verify_chains([(CHAIN, entries)], head_of(entries))
    assert report.whole
    assert (report.entries, report.chains) == (5, 1)


def test_an_edited_entry_no_longer_matches_its_hash() -> None:
    entries = written(5)
    heads = head_of(entries)
    entries[2] = dataclasses.replace(entries[2], fields=dataclasses.replace(entries[2].fields, actor="someone"))
    assert codes(entries, heads) == [(TrailProblemCode.EDITED, 3, 3)]


def test_a_deleted_middle_entry_leaves_a_gap_and_a_broken_link() -> None:
    entries = written(5)
    heads = head_of(entries)
    del entries[2]
    assert codes(entries, heads) == [(TrailProblemCode.MISSING_ENTRIES, 3, 3), (TrailProblemCode.BROKEN_LINK, 4, 4)]


def test_deleted_last_entries_leave_the_head_pointing_past_the_chain() -> None:
    entries = written(5)
    heads = head_of(entries)
    assert codes(entries[:3], heads) == [(TrailProblemCode.MISSING_TAIL, 4, 5)]


def test_a_forged_entry_is_found_by_its_hash_and_the_head() -> None:
    entries = written(3)
    heads = head_of(entries)
    forged_fields = dataclasses.replace(entries[2].fields, seq=4, subject="XAM01-20261120-08-0099")
    entries.append(StoredEntry(forged_fields, entries[2].hash, "f" * 64))
    assert codes(entries, heads) == [(TrailProblemCode.EDITED, 4, 4), (TrailProblemCode.PAST_HEAD, 4, 4)]


def test_a_rewritten_chain_still_disagrees_with_its_head() -> None:
    """Whoever recomputes every hash after an edit must also forge the head, which the trail names."""
    entries = written(3)
    heads = head_of(entries)
    fields = dataclasses.replace(entries[2].fields, actor="someone")
    entries[2] = StoredEntry(fields, entries[1].hash, entry_hash(entries[1].hash, fields))
    assert codes(entries, heads) == [(TrailProblemCode.HEAD_MISMATCH, 3, 3)]


def test_chains_without_heads_heads_without_chains_and_a_moved_entry() -> None:
    mine, other = written(2), written(2, "XAM01-9")
    heads = {"XAM01-7": ChainHead("XAM01-7", 4, "a" * 64), **head_of(mine)}
    report = verify_chains([(CHAIN, mine), ("XAM01-9", other), ("XAM01-6", [other[0]])], heads)
    assert report.problems == (
        TrailProblem(TrailProblemCode.NO_HEAD, "XAM01-9", 2),
        TrailProblem(TrailProblemCode.WRONG_CHAIN, "XAM01-6", 1),
        TrailProblem(TrailProblemCode.NO_HEAD, "XAM01-6", 1),
        TrailProblem(TrailProblemCode.NO_ENTRIES, "XAM01-7", 1, 4),
    )
    assert report.chains == 4


def test_a_duplicate_number_is_named() -> None:
    entries = written(3)
    heads = head_of(entries)
    entries.insert(2, entries[1])
    assert (TrailProblemCode.DUPLICATE_SEQ, 2, 2) in codes(entries, heads)


def test_progress_is_reported_as_entries_are_checked() -> None:
    seen: list[int] = []
    entries = written(3)
    verify_chains([(CHAIN, iter(entries))], head_of(entries), seen.append)
    assert seen == [3]


FIELDS = ["chain", "seq", "at", "actor", "site_code", "desk_no", "action", "subject", "detail"]


@given(
    which=st.integers(min_value=0, max_value=5),
    name=st.sampled_from(FIELDS),
    text=st.text(min_size=1, max_size=8),
)
def test_any_change_to_any_field_of_any_entry_is_found(which: int, name: str, text: str) -> None:
    entries = written(6)
    heads = head_of(entries)
    old = entries[which].fields
    if name == "seq":
        fields = dataclasses.replace(old, seq=old.seq + len(text))
    elif name == "at":
        fields = dataclasses.replace(old, at=old.at + dt.timedelta(microseconds=len(text)))
    else:
        fields = dataclasses.replace(old, **{name: getattr(old, name) + text})
    entries[which] = dataclasses.replace(entries[which], fields=fields)
    report = verify_chains([(CHAIN, entries)], heads)
    assert TrailProblem(TrailProblemCode.EDITED, CHAIN, entries[which].seq) in report.problems


def test_an_entry_naming_an_algorithm_not_known_here_is_reported_and_the_chain_checked_on() -> None:
    """An entry relabelled to escape its hash check is not passed as unchecked: the label itself is the damage."""
    entries = written(5)
    heads = head_of(entries)
    entries[2] = dataclasses.replace(entries[2], fields=dataclasses.replace(entries[2].fields, alg="md5"))
    entries[3] = dataclasses.replace(entries[3], fields=dataclasses.replace(entries[3].fields, actor="someone"))
    assert codes(entries, heads) == [(TrailProblemCode.UNKNOWN_ALG, 3, 3), (TrailProblemCode.EDITED, 4, 4)]
    report = verify_chains([(CHAIN, entries)], heads)
    assert not report.whole
    assert trail_problem_text(report.problems[0]) == "链 XAM01-8 第3条：记录所标的串链算法本程序不认识：记录被改动过"


def test_a_long_check_reports_its_progress_every_ten_thousand_entries_and_at_its_end() -> None:
    entries = written(25_000)
    seen: list[int] = []
    report = verify_chains([(CHAIN, entries)], head_of(entries), on_progress=seen.append)
    assert report.whole
    assert seen == [10_000, 20_000, 25_000]
