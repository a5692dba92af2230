"""Passwords: scrypt hashes that name their cost, constant-time checks, every rule broken at once."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.access.passwords import (
    COST,
    PasswordProblem,
    ScryptCost,
    dummy_hash,
    hash_password,
    needs_rehash,
    password_problems,
    verify_password,
)
from tests.conftest import costly_examples

CHEAP = ScryptCost(n=2**4, r=1, p=1)  # the same code path at a cost property tests can afford


@pytest.mark.real_password_cost  # checks the cost itself
def test_stored_text_names_scheme_cost_salt_and_key() -> None:
    stored = hash_password("qingshui2026")
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**17, 8, 1)
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(key)) == 32
    assert "qingshui2026" not in stored


def test_right_password_verifies_and_wrong_one_does_not() -> None:
    stored = hash_password("qingshui2026")
    assert verify_password("qingshui2026", stored)
    assert not verify_password("qingshui2027", stored)
    assert not verify_password("", stored)


def test_same_password_gets_a_new_salt_each_time() -> None:
    assert hash_password("qingshui2026") != hash_password("qingshui2026")


def test_unreadable_stored_text_matches_nothing() -> None:
    good = hash_password("qingshui2026", CHEAP)
    parts = good.split("$")
    broken = [
        "",
        "plain-text-password",
        "bcrypt$" + "$".join(parts[1:]),
        "$".join([*parts[:1], "1000", *parts[2:]]),  # n not a power of two
        "$".join([*parts[:1], str(2**30), *parts[2:]]),  # a cost that would exhaust memory
        "$".join([*parts[:4], "!!notbase64", parts[5]]),
    ]
    for stored in broken:
        assert not verify_password("qingshui2026", stored), stored


@pytest.mark.real_password_cost  # checks the cost itself
def test_raised_cost_still_verifies_old_hashes_and_asks_for_rehash() -> None:
    old = hash_password("qingshui2026", CHEAP)
    assert verify_password("qingshui2026", old)
    assert needs_rehash(old)
    assert not needs_rehash(hash_password("qingshui2026"))
    assert needs_rehash("not a hash")


@pytest.mark.real_password_cost  # checks the cost itself
def test_dummy_hash_is_made_once_at_full_cost() -> None:
    assert dummy_hash() is dummy_hash()
    assert not needs_rehash(dummy_hash(), COST)


@costly_examples(4)  # each example derives a key with scrypt, even at the cheap cost
@given(password=st.text(max_size=40), other=st.text(max_size=40))
def test_a_hash_accepts_exactly_its_own_password(password: str, other: str) -> None:
    stored = hash_password(password, CHEAP)
    assert verify_password(password, stored)
    assert verify_password(other, stored) == (other == password)


def test_every_problem_is_reported_at_once() -> None:
    assert set(password_problems("")) == {
        PasswordProblem.TOO_SHORT,
        PasswordProblem.NO_LETTER,
        PasswordProblem.NO_DIGIT,
    }
    assert password_problems("abcdefgh") == (PasswordProblem.NO_DIGIT,)
    assert password_problems("12345678") == (PasswordProblem.NO_LETTER,)
    assert password_problems("abc1234") == (PasswordProblem.TOO_SHORT,)
    assert password_problems("wulan2026", login="WuLan2026") == (PasswordProblem.SAME_AS_LOGIN,)
    assert password_problems("a1" * 65) == (PasswordProblem.TOO_LONG,)
    assert password_problems("qingshui2026") == ()
    assert password_problems("乌兰察布2026年") == ()  # letters of any script count


@given(st.text(max_size=200))
def test_problems_follow_the_rules(password: str) -> None:
    problems = set(password_problems(password))
    assert (PasswordProblem.TOO_SHORT in problems) == (len(password) < 8)
    assert (PasswordProblem.TOO_LONG in problems) == (len(password) > 128)
    assert (PasswordProblem.NO_LETTER in problems) == (not any(c.isalpha() for c in password))
    assert (PasswordProblem.NO_DIGIT in problems) == (not any(c in "0123456789" for c in password))
