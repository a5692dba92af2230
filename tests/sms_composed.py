"""Whether an SMS the gateway received is one the hall composed: the signature, then a body of
:data:`counter.sms.texts.BODY` (or the posted result's without a tracking number) filled only with a case number, a
date, a bundle's or item's name from the shipped catalog (cut as the texts cut it) and a tracking number in its
shape.  A desk's typing has no other way into a message; the gateway stub (:mod:`tests.sms_gateway`) asks this of
every message it receives, so every test that sends one proves it.
"""

from __future__ import annotations

import functools
import re
import string
import tomllib
from typing import Any

from counter.case.hand_over import TRACKING
from counter.case.numbers import CASE_NO
from counter.sms.texts import BODY, POSTED_UNTRACKED, SIGNATURE, short
from tests.conftest import SHIPPED_CATALOG

#: what each of a template's fields may hold, but the names (matched against the catalog's, after)
FIELDS = {
    "case_no": re.sub(r"\(\?P<\w+>", "(?:", CASE_NO.pattern.strip("^$")),
    "date": r"\d{1,2}月\d{1,2}日",
    "tracking": TRACKING.pattern,
    "bundle": r"[^\x00-\x1f]{1,14}",
    "item": r"[^\x00-\x1f]{1,14}",
    # a paper's download link: the hall's own address and a token it made (counter.documents.paper_link)
    "link": r"https://[!-~]{1,200}/v1/paper/download/[A-Za-z0-9_-]{43}",
}
NAMED = ("bundle", "item")


@functools.cache
def _bodies() -> tuple[re.Pattern[str], ...]:
    return tuple(_pattern(body) for body in (*BODY.values(), POSTED_UNTRACKED))


def _pattern(body: str) -> re.Pattern[str]:
    sign = re.escape(SIGNATURE).replace(re.escape("{sign}"), r"(?P<sign>[^【】\x00-\x1f]{1,30})")
    parts = [sign]
    for literal, name, _spec, _conv in string.Formatter().parse(body):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>{FIELDS[name]})")
    return re.compile("".join(parts))


def _fits(field: str, value: str) -> bool:
    """Whether a template's parameter holds what its field may (a name: one of the catalog's; empty: none given)."""
    if field not in FIELDS:
        return False
    if field in NAMED:
        return value in catalog_names() or not value
    return re.fullmatch(FIELDS[field], value) is not None


@functools.cache
def catalog_names() -> frozenset[str]:
    """Every bundle's and item's name in the shipped catalog, as a message shows it."""
    names: set[str] = set()
    for path in SHIPPED_CATALOG.glob("*.toml"):
        guide = tomllib.loads(path.read_text(encoding="utf-8"))
        names.add(short(str(guide.get("name", ""))))
        names.update(short(str(item.get("name", ""))) for item in guide.get("items", ()))
    return frozenset(names)


def uncomposed(request: dict[str, Any]) -> str:
    """Why the message ``request`` carries is not the hall's own composition; "" when it is."""
    content = str(request.get("content", ""))
    for body in _bodies():
        found = body.fullmatch(content)
        if found is None:
            continue
        values = found.groupdict()
        if request.get("sign") and values["sign"] != request["sign"]:
            return f"signature {values['sign']!r} is not the gateway's {request['sign']!r}: {content!r}"
        foreign = [values[n] for n in NAMED if values.get(n) is not None and values[n] not in catalog_names()]
        if foreign:
            return f"names no bundle or item of the catalog ({foreign}): {content!r}"
        params = {str(k): str(v) for k, v in dict(request.get("params") or {}).items()}
        wrong = {k: v for k, v in params.items() if values.get(k, v) != v or not _fits(k, v)}
        if wrong:
            return f"template parameters {wrong} are not the text's or not the hall's: {content!r}"
        return ""
    return f"matches no template of the hall: {content!r}"
