"""ID numbers and credit codes: known numbers, one bad example per error, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.parties.identifiers import (
    CREDIT_ALPHABET,
    CreditCodeError,
    IdError,
    Sex,
    check_credit_code,
    check_id_number,
    credit_check_character,
    id_check_digit,
    make_id_number,
    org_code_check_character,
)
from counter.parties.masking import mask_id, mask_phone
from counter.words.identifiers import credit_code_error_text, id_error_text
from tests.codes import make_credit_code, make_org_code

TODAY = dt.date(2026, 11, 22)

# Area codes of the two leagues the app serves, and a few elsewhere (GB/T 2260).
AREAS = [
    "152201",  # 乌兰浩特市
    "152202",  # 阿尔山市
    "152221",  # 科尔沁右翼前旗
    "152222",  # 科尔沁右翼中旗
    "152223",  # 扎赉特旗
    "152224",  # 突泉县
    "150702",  # 海拉尔区
    "150781",  # 满洲里市
    "150783",  # 扎兰屯市
    "110105",  # 北京市朝阳区
    "650102",  # 乌鲁木齐市天山区
    "820000",  # 澳门
]


# --- 居民身份证号 -----------------------------------------------------------------------


def test_the_published_example_passes_and_reads_the_sex() -> None:
    check = check_id_number("11010519491231002X", today=TODAY)
    assert check.ok
    assert check.error is None
    assert check.value == "11010519491231002X"
    assert check.sex is Sex.FEMALE  # order 002 is even


def test_check_digit_follows_the_weights() -> None:
    # 1·7+5·9+2·10+2·5+0·8+1·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 187; 187 mod 11 = 0 → "1"
    assert id_check_digit("15220119900101123") == "1"
    # …002 of the published example sums to a remainder of 2 → "X"
    assert id_check_digit("11010519491231002") == "X"


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002x",  # lowercase x
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width digits and Ｘ
        "１１０１０５１９４９１２３１００２ｘ",
        " 110105 19491231 002X ",  # grouped with spaces
        "110105\u300019491231\u3000002X",  # full-width spaces
    ],
)
def test_typing_variants_are_normalised(typed: str) -> None:
    check = check_id_number(typed, today=TODAY)
    assert check.ok
    assert check.value == "11010519491231002X"


def test_inner_mongolia_numbers_pass() -> None:
    xingan = check_id_number("152201199001011231", today=TODAY)
    assert xingan.ok
    assert xingan.sex is Sex.MALE  # order 123 is odd
    hulunbuir = make_id_number("150702", dt.date(1985, 6, 15), 42)
    assert hulunbuir.startswith("150702198506150")
    assert check_id_number(hulunbuir, today=TODAY).sex is Sex.FEMALE


@pytest.mark.parametrize("typed", ["", "   ", "\u3000"])
def test_empty(typed: str) -> None:
    check = check_id_number(typed, today=TODAY)
    assert check.errors == (IdError.EMPTY,)
    assert id_error_text(IdError.EMPTY) == "请填写身份证号码"


@pytest.mark.parametrize(("typed", "length"), [("11010519491231002", 17), ("11010519491231002X1", 19)])
def test_length(typed: str, length: int) -> None:
    check = check_id_number(typed, today=TODAY)
    assert check.errors == (IdError.LENGTH,)
    assert check.problems[0].detail == str(length)
    assert id_error_text(IdError.LENGTH, check.problems[0].detail) == f"长度应为18位，现为{length}位"


@pytest.mark.parametrize(
    ("typed", "positions"),
    [
        ("11010519491231002Y", "18"),  # last character neither digit nor X
        ("1101051949123100XX", "17"),  # X only allowed last
        ("11O105194912310021", "3"),  # letter O for zero
        ("1101051949123100２-", "18"),  # full-width digit folded, hyphen kept
    ],
)
def test_characters(typed: str, positions: str) -> None:
    check = check_id_number(typed, today=TODAY)
    assert IdError.CHARACTERS in check.errors
    assert IdError.CHECK_DIGIT not in check.errors  # not computable from a broken number
    assert check.problems[0].detail == positions
    assert id_error_text(IdError.CHARACTERS, positions).startswith(f"第{positions}位字符不对")


@pytest.mark.parametrize("area", ["991234", "001234", "160101", "240101", "720101"])
def test_area(area: str) -> None:
    number = make_id_number(area, dt.date(1990, 1, 1), 123)
    check = check_id_number(number, today=TODAY)
    assert check.errors == (IdError.AREA,)
    assert id_error_text(IdError.AREA, area) == f"地区码“{area}”不存在"


@pytest.mark.parametrize("birth", ["19490230", "19900229", "20231301", "19900100", "00000101"])
def test_birth_date_must_exist(birth: str) -> None:
    first17 = f"152201{birth}123"
    check = check_id_number(first17 + id_check_digit(first17), today=TODAY)
    assert check.errors == (IdError.BIRTH_DATE,)
    assert id_error_text(IdError.BIRTH_DATE, birth) == f"出生日期不存在（{birth}）"


def test_birth_on_a_leap_day_exists() -> None:
    assert check_id_number(make_id_number("152201", dt.date(2000, 2, 29), 7), today=TODAY).ok


def test_birth_in_future() -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    check = check_id_number(make_id_number("152201", tomorrow, 1), today=TODAY)
    assert check.errors == (IdError.BIRTH_IN_FUTURE,)
    assert id_error_text(IdError.BIRTH_IN_FUTURE, check.problems[0].detail) == ("出生日期2026年11月23日晚于今天")
    # a newborn registered on the day of birth is fine (我要办新生儿出生事项)
    assert check_id_number(make_id_number("152201", TODAY, 1), today=TODAY).ok


def test_check_digit() -> None:
    check = check_id_number("110105194912310021", today=TODAY)
    assert check.errors == (IdError.CHECK_DIGIT,)
    assert check.sex is None
    assert id_error_text(IdError.CHECK_DIGIT) == "校验位错误，请逐位核对号码"


def test_every_readable_problem_is_reported_at_once() -> None:
    check = check_id_number("991234194902300021", today=TODAY)
    assert check.errors == (IdError.AREA, IdError.BIRTH_DATE, IdError.CHECK_DIGIT)
    assert check.error is IdError.AREA


def test_make_id_number_refuses_bad_parts() -> None:
    with pytest.raises(ValueError, match="area"):
        make_id_number("15220", dt.date(1990, 1, 1), 1)
    with pytest.raises(ValueError, match="order"):
        make_id_number("152201", dt.date(1990, 1, 1), 1000)


births = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
orders = st.integers(min_value=0, max_value=999)


@given(st.sampled_from(AREAS), births, orders)
def test_any_well_made_number_passes(area: str, birth: dt.date, order: int) -> None:
    check = check_id_number(make_id_number(area, birth, order), today=TODAY)
    assert check.ok
    assert check.value[6:14] == f"{birth:%Y%m%d}"
    assert check.sex is (Sex.MALE if order % 2 else Sex.FEMALE)


@given(
    st.sampled_from(AREAS),
    births,
    orders,
    st.integers(min_value=0, max_value=16),
    st.integers(min_value=1, max_value=9),
)
def test_changing_one_digit_breaks_the_check(area: str, birth: dt.date, order: int, position: int, shift: int) -> None:
    number = make_id_number(area, birth, order)
    changed = str((int(number[position]) + shift) % 10)
    typo = number[:position] + changed + number[position + 1 :]
    check = check_id_number(typo, today=TODAY)
    assert not check.ok
    # every weight is non-zero modulo 11, so one changed digit always changes the sum
    assert IdError.CHECK_DIGIT in check.errors
    assert set(check.errors) <= {
        IdError.AREA,
        IdError.BIRTH_DATE,
        IdError.BIRTH_IN_FUTURE,
        IdError.CHECK_DIGIT,
    }


@given(st.text())
def test_any_text_gets_an_answer(text: str) -> None:
    check = check_id_number(text, today=TODAY)
    assert check.ok == (not check.errors)
    for problem in check.problems:
        assert id_error_text(problem.error, problem.detail)
    if check.ok:
        assert len(check.value) == 18


@given(st.text(alphabet="0123456789Xx ", min_size=16, max_size=20))
def test_number_like_text_gets_an_answer(text: str) -> None:
    check = check_id_number(text, today=TODAY)
    assert check.ok == (not check.errors)
    for problem in check.problems:
        assert id_error_text(problem.error, problem.detail)


# --- 统一社会信用代码 -----------------------------------------------------------------


def test_the_published_credit_code_passes() -> None:
    check = check_credit_code("91110108551385082Q")
    assert check.ok
    assert check.value == "91110108551385082Q"
    assert credit_check_character("91110108551385082") == "Q"
    # its organisation code 55138508-2: 5·3+5·7+1·9+3·10+8·5+5·8+0·4+8·2 = 185; 11 − 185 mod 11 = 2
    assert org_code_check_character("55138508") == "2"


def test_lowercase_and_spaces_are_normalised() -> None:
    check = check_credit_code(" 9111 0108 5513 8508 2q ")
    assert check.ok
    assert check.value == "91110108551385082Q"


def test_org_code_letters_count_from_ten() -> None:
    # GB 11714 values A-Z as 10-35: newer 主体标识码 start with letters such as MA
    assert check_credit_code(make_credit_code("92152201" + make_org_code("MA0Q1234"))).ok
    assert org_code_check_character("MA0Q1234") == "3"


def test_org_code_check_ten_and_eleven() -> None:
    # 11 − sum mod 11: 10 is written X, 11 is written 0
    assert org_code_check_character("00000001") == "9"  # 2 → 9
    assert org_code_check_character("00000006") == "X"  # 12 mod 11 = 1 → 10
    assert org_code_check_character("00000000") == "0"  # 0 → 11


def test_every_registration_authority_in_use_is_accepted() -> None:
    for authority in "123456789ANY":
        code = make_credit_code(authority + "1152201" + make_org_code("12345678"))
        assert check_credit_code(code).ok, code


def test_national_area_code_is_accepted() -> None:
    # bodies registered at national level carry 100000
    assert check_credit_code(make_credit_code("11100000" + make_org_code("00001234"))).ok


@pytest.mark.parametrize("typed", ["", "  "])
def test_credit_empty(typed: str) -> None:
    assert check_credit_code(typed).errors == (CreditCodeError.EMPTY,)
    assert credit_code_error_text(CreditCodeError.EMPTY) == "请填写统一社会信用代码"


def test_credit_length() -> None:
    check = check_credit_code("91110108551385082")
    assert check.errors == (CreditCodeError.LENGTH,)
    assert credit_code_error_text(CreditCodeError.LENGTH, check.problems[0].detail) == ("长度应为18位，现为17位")


@pytest.mark.parametrize(
    ("typed", "positions"),
    [
        ("91110108551385082I", "18"),
        ("91110108551385O82Q", "15"),
        ("Z1110108551385082Q", "1"),
        ("9111010855138508SV", "17,18"),
    ],
)
def test_credit_characters(typed: str, positions: str) -> None:
    check = check_credit_code(typed)
    assert check.error is CreditCodeError.CHARACTERS
    assert check.problems[0].detail == positions
    assert CreditCodeError.CHECK_CHARACTER not in check.errors
    assert credit_code_error_text(CreditCodeError.CHARACTERS, positions).startswith(
        f"第{positions.replace(',', '、')}位字符不对"
    )


@pytest.mark.parametrize("authority", ["B", "C", "0", "X"])
def test_registration_authority(authority: str) -> None:
    check = check_credit_code(make_credit_code(authority + "1110108551385082"))
    assert check.errors == (CreditCodeError.REGISTRATION_AUTHORITY,)
    assert credit_code_error_text(CreditCodeError.REGISTRATION_AUTHORITY, authority) == (
        f"第1位登记管理部门代码“{authority}”不存在"
    )


@pytest.mark.parametrize("area", ["990108", "000000", "11A108", "160000"])
def test_credit_area(area: str) -> None:
    check = check_credit_code(make_credit_code("91" + area + "551385082"))
    assert check.errors == (CreditCodeError.AREA,)
    assert check.problems[0].detail == area


def test_org_code_check() -> None:
    check = check_credit_code(make_credit_code("91110108551385083"))
    assert check.errors == (CreditCodeError.ORG_CODE_CHECK,)
    assert credit_code_error_text(CreditCodeError.ORG_CODE_CHECK, check.problems[0].detail) == (
        "第9至17位组织机构代码“551385083”的校验位错误"
    )


def test_credit_check_character() -> None:
    check = check_credit_code("91110108551385082R")
    assert check.errors == (CreditCodeError.CHECK_CHARACTER,)
    assert credit_code_error_text(CreditCodeError.CHECK_CHARACTER) == "校验位错误，请逐位核对代码"


def test_make_credit_code_refuses_characters_outside_the_alphabet() -> None:
    with pytest.raises(ValueError, match="17 credit-code characters"):
        make_credit_code("9111010855138508I")


org_bodies = st.text(alphabet=CREDIT_ALPHABET, min_size=8, max_size=8)


@st.composite
def credit_codes(draw: st.DrawFn) -> str:
    authority = draw(st.sampled_from("123456789ANY"))
    kind = draw(st.sampled_from("1239"))
    area = draw(st.sampled_from(AREAS))
    return make_credit_code(authority + kind + area + make_org_code(draw(org_bodies)))


@given(credit_codes())
def test_any_well_made_credit_code_passes(code: str) -> None:
    assert check_credit_code(code).ok
    assert check_credit_code(code.lower()).ok


@given(credit_codes(), st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=30))
def test_changing_one_character_breaks_the_check(code: str, position: int, shift: int) -> None:
    changed = CREDIT_ALPHABET[(CREDIT_ALPHABET.index(code[position]) + shift) % 31]
    typo = code[:position] + changed + code[position + 1 :]
    check = check_credit_code(typo)
    # 31 is prime and no weight is a multiple of it: one changed character always shows
    assert CreditCodeError.CHECK_CHARACTER in check.errors
    assert set(check.errors) <= {
        CreditCodeError.REGISTRATION_AUTHORITY,
        CreditCodeError.AREA,
        CreditCodeError.ORG_CODE_CHECK,
        CreditCodeError.CHECK_CHARACTER,
    }


@given(st.text())
def test_any_text_gets_a_credit_answer(text: str) -> None:
    check = check_credit_code(text)
    assert check.ok == (not check.errors)
    for problem in check.problems:
        assert credit_code_error_text(problem.error, problem.detail)


@given(st.text(alphabet=CREDIT_ALPHABET + "iosvz ", min_size=16, max_size=20))
def test_code_like_text_gets_a_credit_answer(text: str) -> None:
    check = check_credit_code(text)
    assert check.ok == (not check.errors)
    for problem in check.problems:
        assert credit_code_error_text(problem.error, problem.detail)


# --- masking ----------------------------------------------------------------------------


def test_masks_keep_the_ends_the_paper_shows() -> None:
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_id("91110108551385082Q") == "911101********082Q"
    assert mask_phone("13812345678") == "138****5678"


def test_short_values_still_hide_something() -> None:
    assert mask_phone("12345") == "1***5"
    assert mask_id("abc") == "***"
    assert mask_id("") == ""


@given(st.text())
def test_masking_keeps_length_and_hides_something(value: str) -> None:
    for masked in (mask_id(value), mask_phone(value)):
        assert len(masked) == len(value)
        if value:
            assert "*" in masked


@given(st.sampled_from(AREAS), births, orders)
def test_a_masked_id_keeps_first_six_and_last_four(area: str, birth: dt.date, order: int) -> None:
    number = make_id_number(area, birth, order)
    masked = mask_id(number)
    assert masked[:6] == number[:6]
    assert masked[-4:] == number[-4:]
    assert masked[6:-4] == "*" * 8


def test_a_number_checked_again_on_the_same_day_is_not_checked_anew() -> None:
    # the panel checks the form's numbers at each change, and the intake twice more when committed, in its transaction
    typed = " 11010519491231002x "
    first = check_id_number(typed, today=TODAY)
    assert check_id_number(typed, today=TODAY) is first
    later = check_id_number(typed, today=dt.date(1949, 12, 30))  # another day: born after it, checked anew
    assert later is not first
    assert not later.ok
