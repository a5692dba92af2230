"""Checking the audit trail: every entry against its hash, its link and its place in the chain.

The check reads one chain at a time, entry by entry in the order of their
numbers, and keeps only the entry before: a trail of millions of entries is
checked in constant memory.  It never stops at the first problem; every problem
found is returned as data, so whoever looks into a tampered database sees at
once everything that was done to it.

A head (``audit_chain``) is written in the same transaction as each entry, so
it names the last entry a chain must have: an entry deleted from the end of a
chain shows as a head pointing past it, and a forged entry added without the
head shows as an entry beyond it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from counter.audit.chain import GENESIS, AuditFields, ChainAlg, chain_key, entry_hash
from counter.audit.state import RowMismatch


class TrailProblemCode(StrEnum):
    EDITED = "edited"  # the hash does not match the entry's fields
    BROKEN_LINK = "broken_link"  # prev_hash is not the hash of the entry before
    MISSING_ENTRIES = "missing_entries"  # a gap in the numbers (seq .. until missing)
    DUPLICATE_SEQ = "duplicate_seq"  # two entries with the same number
    WRONG_CHAIN = "wrong_chain"  # the entry's site and desk do not make its chain's key
    MISSING_TAIL = "missing_tail"  # the head names entries after the last one (seq .. until missing)
    HEAD_MISMATCH = "head_mismatch"  # the head's hash is not that of the last entry
    PAST_HEAD = "past_head"  # entries after the one the head names (seq .. until)
    NO_HEAD = "no_head"  # a chain of entries without a head
    NO_ENTRIES = "no_entries"  # a head naming entries (seq 1 .. until) of which none is there
    SEAL_BROKEN = "sealed_rewritten"  # a sealed number no longer has the sealed hash: rewritten in seq .. until
    SEAL_FORGED = "seal_forged"  # seal number seq is not signed by the site's key (chain "")
    SEAL_MISSING = "seal_missing"  # seals seq .. until are gone (chain "")
    SEAL_REVOKED = "seal_revoked"  # seal number seq is signed by a key revoked before the seal's time (chain "")
    SEAL_BACKDATED = "seal_backdated"  # seal number seq is dated before the seal it follows (chain "")
    SEAL_DOWNGRADED = "seal_downgraded"  # seal number seq is known by SHA-256 after seals known by SM3 (chain "")
    SEAL_ANCHOR = "seal_unanchored"  # seal number seq, anchored beside the key file, is gone or replaced (chain "")
    # the seals' anchors' file beside the key file is there and cannot be read: the seals not checked against it
    SEAL_ANCHORS_UNREADABLE = "seal_anchors_unreadable"  # (chain "")
    SEAL_SENT = "seal_sent_changed"  # seal number seq, held by the hall, is gone or not as sent (chain "")
    PEER_SEAL_TWO = "peer_two_seals"  # the site ``chain`` sent two different seals numbered seq
    PEER_SEAL_LINK = "peer_seal_unlinked"  # the site ``chain``'s seal seq does not follow the one before it held here
    PEER_SEAL_UNSIGNED = "peer_seal_unsigned"  # a row under site ``chain``, number seq, the site never signed
    PEER_SEAL_DOWNGRADED = "peer_seal_downgraded"  # the site ``chain``'s seal seq is known by SHA-256 after SM3 ones
    DOWNGRADED = "chain_downgraded"  # entry seq is SHA-256 after entries under HMAC-SM3: rewritten, or the key gone
    UNKNOWN_ALG = "chain_alg_unknown"  # entry seq names an algorithm this program does not know
    SEAL_KEY = "seal_key_replaced"  # the key file on this machine is not the site's key in the database (chain "")
    ROW_MARK = "row_mark_altered"  # the row ``chain`` ("account:<login>", "setting:<key>") is not as its mark says


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """An entry as read back: the hashed fields, the hash it follows, and its own hash."""

    fields: AuditFields
    prev_hash: str
    hash: str

    @property
    def seq(self) -> int:
        return self.fields.seq


@dataclass(frozen=True, slots=True)
class ChainHead:
    chain: str
    last_seq: int
    last_hash: str


@dataclass(frozen=True, slots=True)
class TrailProblem:
    """One thing wrong, with where: the chain, the entry number, and for a range its last number."""

    code: TrailProblemCode
    chain: str
    seq: int
    until: int = 0  # the last number of a range; 0 when the problem is one entry
    digest: str = ""  # the row's digest, where a row is named by it (an unsigned peer seal)

    @property
    def last(self) -> int:
        return self.until or self.seq


@dataclass(frozen=True, slots=True)
class AlgSpan:
    """Entries ``first .. last`` of ``chain``, chained with ``alg``."""

    chain: str
    alg: ChainAlg
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class RestoreNote:
    """A restore of an older backup on this machine: the trail put back to seal ``back_to``, seals ``first ..
    last`` withdrawn with it.  Not a problem: named so that nobody reads the withdrawn seals as deleted."""

    back_to: int
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class AuditReport:
    entries: int  # entries checked
    chains: int  # chains checked (with entries, a head, or both)
    problems: tuple[TrailProblem, ...]
    mismatches: tuple[RowMismatch, ...] = ()  # cases, ratings, accounts not as the trail recorded them
    seals: int = 0  # seals read
    unsealed: int = 0  # entries after the newest seal of their chain: not a problem, not yet anchored either
    seal_key: str = ""  # the fingerprint of the key the seals were checked against ("" when none is known)
    restores: tuple[RestoreNote, ...] = ()  # restores of older backups this machine recorded beside its key
    peer_restores: tuple[tuple[str, int], ...] = ()  # (site, number) a township sealed again after a restore
    spans: tuple[AlgSpan, ...] = ()  # each chain's runs of entries by the algorithm they were chained with
    unchecked: int = 0  # entries under HMAC-SM3 not checked: the trail key is not on this machine
    #: accounts and settings without a mark (written where the trail key was not), or -1: not checked, no key here
    unmarked_rows: int = -1

    @property
    def whole(self) -> bool:
        return not self.problems and not self.mismatches


@dataclass(slots=True)
class ChainCheck:
    """The check of one chain, fed its entries in order of their numbers."""

    chain: str
    head: ChainHead | None
    problems: list[TrailProblem] = field(default_factory=list)
    checked: int = 0
    key: bytes | None = None  # the trail key, where this machine holds it
    unchecked: int = 0
    spans: list[AlgSpan] = field(default_factory=list)
    _last: StoredEntry | None = None

    def feed(self, entry: StoredEntry) -> None:
        self.checked += 1
        seq, before = entry.seq, self._last
        if entry.fields.chain != self.chain or chain_key(entry.fields.site_code, entry.fields.desk_no) != self.chain:
            self._add(TrailProblemCode.WRONG_CHAIN, seq)
        self._check_hash(entry)
        expected_seq = 1 if before is None else before.seq + 1
        if before is not None and seq == before.seq:
            self._add(TrailProblemCode.DUPLICATE_SEQ, seq)
        elif seq > expected_seq:
            self._add(TrailProblemCode.MISSING_ENTRIES, expected_seq, seq - 1)
        expected_prev = GENESIS if before is None else before.hash
        if (before is not None or seq == 1) and entry.prev_hash != expected_prev:
            self._add(TrailProblemCode.BROKEN_LINK, seq)
        self._last = entry

    def _check_hash(self, entry: StoredEntry) -> None:
        """The entry's hash by its own algorithm, and the algorithm never going back from HMAC-SM3 to SHA-256."""
        seq = entry.seq
        try:
            alg = ChainAlg(entry.fields.alg)
        except ValueError:
            self._add(TrailProblemCode.UNKNOWN_ALG, seq)
            return
        if self.spans and self.spans[-1].alg is ChainAlg.HMAC_SM3 and alg is ChainAlg.SHA256:
            self._add(TrailProblemCode.DOWNGRADED, seq)
        if self.spans and self.spans[-1].alg is alg:
            self.spans[-1] = AlgSpan(self.chain, alg, self.spans[-1].first, seq)
        else:
            self.spans.append(AlgSpan(self.chain, alg, seq, seq))
        if alg is ChainAlg.HMAC_SM3 and self.key is None:
            self.unchecked += 1  # its link to the entry before is still checked
        elif entry_hash(entry.prev_hash, entry.fields, self.key) != entry.hash:
            self._add(TrailProblemCode.EDITED, seq)

    def finish(self) -> list[TrailProblem]:
        """The problems of the chain, once every entry has been fed."""
        head, last = self.head, self._last
        if head is None:
            if last is not None:
                self._add(TrailProblemCode.NO_HEAD, last.seq)
            return self.problems
        if last is None:
            if head.last_seq != 0 or head.last_hash != GENESIS:
                self._add(TrailProblemCode.NO_ENTRIES, 1, max(head.last_seq, 1))
            return self.problems
        if head.last_seq > last.seq:
            self._add(TrailProblemCode.MISSING_TAIL, last.seq + 1, head.last_seq)
        elif head.last_seq < last.seq:
            self._add(TrailProblemCode.PAST_HEAD, head.last_seq + 1, last.seq)
        elif head.last_hash != last.hash:
            self._add(TrailProblemCode.HEAD_MISMATCH, last.seq)
        return self.problems

    def _add(self, code: TrailProblemCode, seq: int, until: int = 0) -> None:
        self.problems.append(TrailProblem(code, self.chain, seq, until if until != seq else 0))


Progress = Callable[[int], None]  # entries checked so far


def verify_chains(
    chains: Iterable[tuple[str, Iterable[StoredEntry]]],
    heads: Mapping[str, ChainHead],
    on_progress: Progress | None = None,
    key: bytes | None = None,
) -> AuditReport:
    """Check every chain given (each with its entries in order) and every head, with or without entries; entries
    under HMAC-SM3 with the trail ``key`` where this machine holds it, else counted as unchecked."""
    problems: list[TrailProblem] = []
    spans: list[AlgSpan] = []
    checked, unchecked, seen = 0, 0, set[str]()
    for chain, entries in chains:
        seen.add(chain)
        check = ChainCheck(chain, heads.get(chain), key=key)
        for entry in entries:
            check.feed(entry)
            checked += 1
            if on_progress is not None and checked % 10_000 == 0:
                on_progress(checked)
        problems.extend(check.finish())
        spans.extend(check.spans)
        unchecked += check.unchecked
    for chain in sorted(set(heads) - seen):
        problems.extend(ChainCheck(chain, heads[chain]).finish())
    if on_progress is not None:
        on_progress(checked)
    return AuditReport(checked, len(seen | set(heads)), tuple(problems), spans=tuple(spans), unchecked=unchecked)
