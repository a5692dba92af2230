"""The names a desk prints and shows: the clerk's (on every receipt and the review pad) and the office's.

A name is printed on legal paper and read by the applicant on the pad, so it must read as what it is.  Refused:

- a name longer than its limit (a 5,000-character clerk would push the receipt's text off the page);
- control and format characters: a right-to-left override (U+202E) turns ``乌兰abc`` into what it is not on
  the screen, a zero-width joiner hides inside an otherwise equal name, a line break splits the printed line.
  What the traditional Mongolian script needs stays, as a township's package keeps it (counter.sync.sender_checks):
  U+180E, the vowel separator, the joiners U+200C and U+200D and the narrow no-break space U+202F before a suffix;
  they are left out when names are compared, so a joiner inside ``管理员`` still reads as the title;
- a clerk named as a role (``管理员``, ``负责人``, ``admin``): the applicant, the pad and the audit trail would show a
  title instead of the person who served.

Names are compared after NFKC and case folding, with spaces and the name separator ``·`` left out, so a full-width
or spaced copy of a word is the word.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

__all__ = ["CLERK_NAME_MAX", "SITE_NAME_MAX", "NameProblem", "clerk_name_problem", "same_name", "site_name_problem"]

CLERK_NAME_MAX = 32  # characters; the longest names met in the halls' registers are under 20
SITE_NAME_MAX = 64  # 兴安盟科尔沁右翼中旗巴彦呼舒镇政务服务中心 is 21

_MONGOLIAN_JOINING = frozenset("\u200c\u200d\u202f")  # zero-width non-joiner and joiner, narrow no-break space
_ALLOWED_FORMAT = frozenset("\u180e") | _MONGOLIAN_JOINING  # and the Mongolian vowel separator
_NOT_TEXT = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_LEFT_OUT = frozenset(" \u3000·•・.-_") | _MONGOLIAN_JOINING

#: titles, not people: a clerk's name may be none of them, nor contain a Chinese one
ROLE_WORDS_CONTAINED = frozenset({"管理员", "负责人", "工作人员", "主管", "系统", "超级用户"})
ROLE_WORDS = ROLE_WORDS_CONTAINED | frozenset({"admin", "administrator", "supervisor", "clerk", "root", "system"})


class NameProblem(StrEnum):
    TOO_LONG = "too_long"
    NOT_TEXT = "not_text"  # a control, format (bidi override, zero-width) or unassigned character
    ROLE_WORD = "role_word"  # a title in place of a person's name
    ANOTHER_ACCOUNT = "another_account"  # the name of an account other than the one acting (decided by the caller)


def comparable(name: str) -> str:
    """The name as two names are compared: NFKC, case folded, spaces and separators left out."""
    return "".join(c for c in unicodedata.normalize("NFKC", name).casefold() if c not in _LEFT_OUT)


def same_name(a: str, b: str) -> bool:
    return bool(comparable(a)) and comparable(a) == comparable(b)


def _text_problem(name: str, limit: int) -> NameProblem | None:
    if len(name) > limit:
        return NameProblem.TOO_LONG
    if any(unicodedata.category(c) in _NOT_TEXT and c not in _ALLOWED_FORMAT for c in name):
        return NameProblem.NOT_TEXT
    if any(c.isspace() and c not in _LEFT_OUT for c in name):  # a tab or an odd space: not text of a name either
        return NameProblem.NOT_TEXT
    return None


def clerk_name_problem(name: str) -> NameProblem | None:
    """Why ``name`` may not be a desk's clerk, or None."""
    problem = _text_problem(name, CLERK_NAME_MAX)
    if problem is not None:
        return problem
    plain = comparable(name)
    if plain in ROLE_WORDS or any(word in plain for word in ROLE_WORDS_CONTAINED):
        return NameProblem.ROLE_WORD
    return None


def site_name_problem(name: str) -> NameProblem | None:
    """Why ``name`` may not be the office's name on a desk, or None."""
    return _text_problem(name, SITE_NAME_MAX)
