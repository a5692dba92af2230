"""The names a desk prints and shows: the clerk's (on every receipt and the review pad) and the office's.

A name is printed on legal paper and read by the applicant on the pad, so it must read as what it is.  Refused:

- a name longer than its limit (a 5,000-character clerk would push the receipt's text off the page);
- control, invisible and direction characters, as every free text of the desk refuses them
  (:func:`counter.parties.text.character_problem`): a right-to-left override (U+202E) turns ``乌兰abc`` into what
  it is not on the screen, a zero-width joiner hides inside an otherwise equal name, a line break splits the
  printed line.  What the traditional Mongolian script needs stays where it needs it: the variation selectors,
  the vowel separator U+180E and the joiners beside its letters, and the narrow no-break space U+202F before a
  suffix; unassigned and private-use characters are refused as well;
- a space other than the ordinary one, the ideographic space (U+3000) and that narrow no-break space: an em space or a
  no-break space pasted from a document prints as a gap no name has, and a copy of the name with an ordinary space
  would read the same and not be the same string.  It is no control character, and the clerk is told so: a 特殊空格,
  to type again as an ordinary space;
- a clerk named as a role (``管理员``, ``负责人``, ``admin``): the applicant, the pad and the audit trail would show a
  title instead of the person who served.

Names are compared on their skeleton (:func:`counter.parties.skeleton.skeleton`: NFKC, case folding, look-alikes
folded, spaces, separators and invisible characters left out), so a full-width, spaced or Cyrillic copy of a word is
the word.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from counter.parties.skeleton import skeleton
from counter.parties.text import FIELD_LIMITS, TextField, character_problem

__all__ = ["CLERK_NAME_MAX", "SITE_NAME_MAX", "NameProblem", "clerk_name_problem", "site_name_problem"]

CLERK_NAME_MAX = FIELD_LIMITS[TextField.PERSON_NAME].most  # a clerk's name is a person's (the one table)
SITE_NAME_MAX = 64  # 兴安盟科尔沁右翼中旗巴彦呼舒镇政务服务中心 is 21

_NOT_ASSIGNED = frozenset({"Co", "Cn"})  # private use and unassigned: no font draws them as the same character
_SPACES = frozenset(" \u3000\u202f")  # a space, the ideographic space, and Mongolian's narrow no-break space

#: titles, not people: a clerk's name may be none of them, nor contain a Chinese one
ROLE_WORDS_CONTAINED = frozenset({"管理员", "负责人", "工作人员", "主管", "系统", "超级用户"})
ROLE_WORDS = ROLE_WORDS_CONTAINED | frozenset({"admin", "administrator", "supervisor", "clerk", "root", "system"})
_ROLE_SKELETONS = frozenset(skeleton(w) for w in ROLE_WORDS)
_CONTAINED_SKELETONS = frozenset(skeleton(w) for w in ROLE_WORDS_CONTAINED)


class NameProblem(StrEnum):
    TOO_LONG = "too_long"
    NOT_TEXT = "not_text"  # a control, format (bidi override, zero-width) or unassigned character
    # a space other than the three a name holds (an em space, a no-break space pasted from a document): no control
    # character, so said as what it is, for the clerk to type an ordinary space instead
    ODD_SPACE = "odd_space"
    ROLE_WORD = "role_word"  # a title in place of a person's name
    ANOTHER_ACCOUNT = "another_account"  # the name of an account other than the one acting (decided by the caller)
    # a desk number that is not 1 to 9999 without a leading zero: it is in every case number of the desk
    NOT_DESK_NO = "not_desk_no"


def _text_problem(name: str, limit: int) -> NameProblem | None:
    if len(name) > limit:
        return NameProblem.TOO_LONG
    if character_problem(name) is not None or any(unicodedata.category(c) in _NOT_ASSIGNED for c in name):
        return NameProblem.NOT_TEXT
    if any(c.isspace() and c not in _SPACES for c in name):  # a tab was refused above as the control it is
        return NameProblem.ODD_SPACE
    return None


def clerk_name_problem(name: str) -> NameProblem | None:
    """Why ``name`` may not be a desk's clerk, or None."""
    problem = _text_problem(name, CLERK_NAME_MAX)
    if problem is not None:
        return problem
    plain = skeleton(name)
    if plain in _ROLE_SKELETONS or any(word in plain for word in _CONTAINED_SKELETONS):
        return NameProblem.ROLE_WORD
    return None


def site_name_problem(name: str) -> NameProblem | None:
    """Why ``name`` may not be the office's name on a desk, or None."""
    return _text_problem(name, SITE_NAME_MAX)
