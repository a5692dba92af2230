"""Sites: this one's identity, the peers it trusts, and the site card they swap.

A hall, a township centre and the league's centre are each a site.  Each knows its own code, name,
kind and public keys (Ed25519 to check its signatures, X25519 to encrypt
packages to it), and keeps the same facts of every peer it exchanges packages
with.  The facts cross from one site to the other in a *site card*: a small
JSON file carried on a USB stick or sent by mail.  The card carries the keys'
fingerprint as well, and the receiving side reads it out over the phone to the
sender before trusting the keys: a card changed on its way shows a fingerprint
the sender does not recognise.  A card of the first format (``counter-site/1``)
has no encryption key and is refused by name: a package cannot be sealed to a
site registered from it.

Validation returns every problem at once, as codes; the words are in
:mod:`counter.words.sites`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from counter.case.desk_names import clerk_name_problem
from counter.case.numbers import DESK_NO_GIVEN, SITE_CODE
from counter.sync.keys import key_fingerprint, raw_public_key
from counter.sync.sm_seal import SM_SUITE
from counter.sync.sm_seal import raw_public_key as raw_sm2_key
from counter.util.bounded_read import SITE_CARD_LIMIT, TooLarge, read_bounded

CARD_FORMAT = "counter-site/2"
OLD_CARD_FORMATS = ("counter-site/1",)
NAME_MAX = 100


class SiteKind(StrEnum):
    HALL = "hall"  # 政务服务中心
    TOWNSHIP = "township"  # 苏木乡镇便民服务中心
    LEAGUE = "league"  # 盟级政务服务中心: takes its halls' cases for the league's figures, decides nothing


class SiteProblem(StrEnum):
    """What is wrong with a site's identity, a peer to register or a site card."""

    CODE_FORMAT = "code_format"  # not 2-12 capital letters or digits (it starts every case number)
    NAME_MISSING = "name_missing"
    NAME_TOO_LONG = "name_too_long"
    KIND_UNKNOWN = "kind_unknown"  # neither hall, township nor league
    KIND_MISSING = "kind_missing"  # a set-up that chose no kind: a site is never a hall by default
    KEY_FORMAT = "key_format"  # not the base64 of 32 bytes
    OWN_CODE = "own_code"  # a peer with this site's own code
    NOT_A_CARD = "not_a_card"  # not JSON, or not a site card
    OLD_CARD = "old_card"  # a counter-site/1 card: no encryption key, written by a program before sealed packages
    FINGERPRINT_MISMATCH = "fingerprint_mismatch"  # the card's fingerprint is not its key's: changed on the way
    OFFICE_MISSING = "office_missing"  # a set-up that left the office's seal, address, hours or a phone empty
    DESK_NO_FORMAT = "desk_no_format"  # not 1 to 9999 without a leading zero (it is in every case number of the desk)
    CLERK_MISSING = "clerk_missing"  # a set-up that names no clerk where the desk's clerk is asked
    COUNTY_FORMAT = "county_format"  # a hall's county at its league: not the six digits of a 行政区划代码
    CLERK_NAME = "clerk_name"  # no person's name (counter.case.desk_names): a title, an invisible character, too long


@dataclass(frozen=True, slots=True)
class SiteIdentity:
    """Who this site is to its peers; the Ed25519 ``public_key`` and X25519 ``encryption_key`` in base64.

    ``encryption_key`` is empty for an identity stored before packages were
    sealed, until this site's key-holding machine makes one.
    """

    code: str
    name: str
    kind: SiteKind
    public_key: str
    encryption_key: str = ""
    #: the fingerprints of the signing keys this site's key replaced, oldest first (on its card, for the peer who
    #: registers the new one: the key it holds for the site is one of these, not a stranger's)
    retired: tuple[str, ...] = ()
    #: the SM2 public key (base64 of 04 ‖ x ‖ y) of a site that may use the national suite; "" for none
    sm2_key: str = ""
    #: the suite the site writes its packages in, as its card says: SM_SUITE for the national one, "" for today's
    #: (:data:`counter.sync.seal.SUITE`); a peer reads both whatever it says, so it is not covered by the fingerprint
    suite: str = ""

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.public_key, self.encryption_key, self.sm2_key)


@dataclass(frozen=True, slots=True)
class Peer:
    """Another site whose packages this one accepts."""

    code: str
    name: str
    kind: SiteKind
    public_key: str
    registered_at: datetime
    encryption_key: str = ""  # empty for a peer registered from a card of the first format
    county: str = ""  # at a league, the 行政区划代码 of the county the hall serves (counter.sync.counties)
    sm2_key: str = ""  # its SM2 public key, from a card that carried one: what national-suite packages need

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.public_key, self.encryption_key, self.sm2_key)


def site_problems(
    code: str, name: str, public_key: str | None = None, encryption_key: str | None = None
) -> list[SiteProblem]:
    """Every problem of a site's code, name and (when given) public keys."""
    problems: list[SiteProblem] = []
    if not SITE_CODE.match(code):
        problems.append(SiteProblem.CODE_FORMAT)
    if not name.strip():
        problems.append(SiteProblem.NAME_MISSING)
    elif len(name.strip()) > NAME_MAX:
        problems.append(SiteProblem.NAME_TOO_LONG)
    keys = [key for key in (public_key, encryption_key) if key is not None]
    if any(raw_public_key(key) is None for key in keys):
        problems.append(SiteProblem.KEY_FORMAT)
    return problems


@dataclass(frozen=True, slots=True)
class SiteOffice:
    """The office a set-up names beside the site's name: what its papers print of it, where and how to reach it.

    A township's papers print these in place of the catalog guide's, which name the league hall
    (:func:`counter.documents.words.at_own_place`).
    """

    seal_caption: str
    address: str
    hours: str
    consult_phone: str
    complaint_phone: str
    #: the 行政复议机关 its own decisions name: a township's papers print nothing until it is known (the hall's is
    #: not the township's), so the set-up asks it with the rest
    review_body: str


@dataclass(frozen=True, slots=True)
class SiteDesk:
    """This computer's desk as a set-up names it: its number, and its clerk where the desk's clerk is asked (None
    where accounts exist: the account signed in is the clerk)."""

    desk_no: str
    clerk: str | None


def setup_problems(
    code: str, name: str, kind: SiteKind | None, office: SiteOffice | None = None, desk: SiteDesk | None = None
) -> list[SiteProblem]:
    """Every problem of a site's set-up: its code and name, a kind chosen on purpose, and (when given) its office
    with nothing left empty and this desk's number and clerk."""
    problems = site_problems(code.strip(), name)
    if kind is None:
        problems.append(SiteProblem.KIND_MISSING)
    if office is not None and not all(value.strip() for value in astuple(office)):
        problems.append(SiteProblem.OFFICE_MISSING)
    if desk is not None:
        if not DESK_NO_GIVEN.match(desk.desk_no.strip()):
            problems.append(SiteProblem.DESK_NO_FORMAT)
        if desk.clerk is not None and not desk.clerk.strip():
            problems.append(SiteProblem.CLERK_MISSING)
        elif desk.clerk is not None and clerk_name_problem(desk.clerk.strip()) is not None:
            problems.append(SiteProblem.CLERK_NAME)
    return problems


def site_card(identity: SiteIdentity) -> dict[str, Any]:
    """The card a site hands to the other side; written as JSON."""
    card: dict[str, Any] = {
        "format": CARD_FORMAT,
        "code": identity.code,
        "name": identity.name,
        "kind": identity.kind.value,
        "public_key": identity.public_key,
        "encryption_key": identity.encryption_key,
        "fingerprint": identity.fingerprint,
    }
    if identity.sm2_key:  # only a site that holds one: another card is byte for byte as before
        card["sm2_key"] = identity.sm2_key
    if identity.suite == SM_SUITE:  # which algorithms its packages and seals are in; absent: today's
        card["suite"] = identity.suite
    if identity.retired:  # an older program reading the card ignores it
        card["retired_fingerprints"] = list(identity.retired)
    return card


def read_site_card(text: str) -> tuple[SiteIdentity | None, list[SiteProblem]]:
    """The site a card describes, or None with every problem found.

    Surrounding spaces of the fields, and the spacing and case of the fingerprint,
    are ignored (a card opened and saved in an editor); anything else that
    differs from a card this program wrote is a problem.
    """
    try:
        raw: Any = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: brackets nested beyond any card
        return None, [SiteProblem.NOT_A_CARD]
    if isinstance(raw, dict) and raw.get("format") in OLD_CARD_FORMATS:
        return None, [SiteProblem.OLD_CARD]
    if not isinstance(raw, dict) or raw.get("format") != CARD_FORMAT:
        return None, [SiteProblem.NOT_A_CARD]
    names = ("code", "name", "kind", "public_key", "encryption_key", "fingerprint")
    fields = {name: _text(raw, name) for name in names}
    problems = site_problems(fields["code"], fields["name"], fields["public_key"], fields["encryption_key"])
    if fields["kind"] not in {kind.value for kind in SiteKind}:
        problems.append(SiteProblem.KIND_UNKNOWN)
    sm2_key = _text(raw, "sm2_key")
    if sm2_key and raw_sm2_key(sm2_key) is None:
        problems.append(SiteProblem.KEY_FORMAT)
    if SiteProblem.KEY_FORMAT not in problems and _squeezed(
        key_fingerprint(fields["public_key"], fields["encryption_key"], sm2_key)
    ) != _squeezed(fields["fingerprint"]):
        problems.append(SiteProblem.FINGERPRINT_MISMATCH)
    if problems:
        return None, problems
    kind = SiteKind(fields["kind"])
    retired_raw = raw.get("retired_fingerprints")
    retired = tuple(f.strip() for f in retired_raw if isinstance(f, str)) if isinstance(retired_raw, list) else ()
    suite = SM_SUITE if sm2_key and _text(raw, "suite") == SM_SUITE else ""  # another word is today's suite
    identity = SiteIdentity(
        fields["code"], fields["name"], kind, fields["public_key"], fields["encryption_key"], retired[:100], sm2_key,
        suite,
    )  # fmt: skip
    return identity, []


def card_text(identity: SiteIdentity) -> str:
    """The card file's text: the same bytes whichever face writes it."""
    return json.dumps(site_card(identity), ensure_ascii=False, indent=2) + "\n"


def write_card_file(path: Path, identity: SiteIdentity) -> None:
    """Write the card to ``path``; raises :class:`OSError`."""
    path.write_text(card_text(identity), encoding="utf-8")


def read_card_file(path: Path) -> tuple[SiteIdentity | None, list[SiteProblem]]:
    """The site the card file at ``path`` describes (see :func:`read_site_card`); raises :class:`OSError`, also for
    a pipe or a device named (:func:`counter.util.bounded_read.read_bounded`: it is read on a person's word).

    A card saved again by a Windows editor may begin with a byte-order mark; a
    file that is not UTF-8 text, or far larger than a card, is not a card.
    """
    try:
        text = read_bounded(path, SITE_CARD_LIMIT).decode("utf-8-sig")
    except (UnicodeDecodeError, TooLarge):
        return None, [SiteProblem.NOT_A_CARD]
    return read_site_card(text)


def same_fingerprint(given: str, fingerprint: str) -> bool:
    """Whether a fingerprint read out by phone is the card's: spaces and letter case do not count."""
    return _squeezed(given) == _squeezed(fingerprint)


def _text(raw: Mapping[str, Any], name: str) -> str:
    value = raw.get(name)
    return value.strip() if isinstance(value, str) else ""


def _squeezed(fingerprint: str) -> str:
    return "".join(fingerprint.split()).lower()
