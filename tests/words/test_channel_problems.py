"""Why an outward channel's row failed, as the failed lists show it: each reason the senders store, written by the
very function the sender writes it with, read as a Chinese sentence naming the problem; the class of an exception
and a raw body stay in the row and the log; the other system's own words are shown as they came; a text of no form
the app writes passes as it came."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.outbox import reasons
from counter.outbox.rules import ANSWER_LIMIT, answer_of
from counter.platform.front_store import RowsRefused
from counter.words.channel_problems import channel_problem
from counter.words.platform import report_problem

WORDED = {
    "timeout": (reasons.timed_out(10), "对方在 10 秒内没有回答"),
    "timeout_fraction": (reasons.timed_out(2.5), "对方在 2.5 秒内没有回答"),
    "no_connection": (reasons.no_connection(ConnectionRefusedError(111, "Connection refused")), "连接不上对方"),
    "too_large": (reasons.too_large(ANSWER_LIMIT), "对方的回答过大，未读取"),
    "not_https": (reasons.NOT_HTTPS, "对方地址不是加密连接，未发送"),
    "redirect": (
        answer_of(302, b"", id_required=True, location="http://elsewhere.example/x").detail,
        "对方要求转到别的地址，未跟随（HTTP 302）",
    ),
    "redirect_nowhere": (answer_of(307, b"", id_required=True).detail, "对方要求转到别的地址，未跟随（HTTP 307）"),
    "malformed": (answer_of(200, b"<html>ok</html>", id_required=True).detail, "对方的回答无法读取（HTTP 200）"),
    "refused": (
        answer_of(400, "号码不在服务范围".encode(), id_required=True).detail,
        "对方拒绝（HTTP 400）：号码不在服务范围",
    ),
    "refused_silent": (answer_of(503, b"", id_required=True).detail, "对方拒绝（HTTP 503）"),
    "refused_lines": (
        answer_of(422, b"projid\nrepeated", id_required=True).detail,
        "对方拒绝（HTTP 422）：projid\nrepeated",
    ),
    "unopened_phone": (reasons.UNOPENED_PHONE, "手机号无法解密：本机的数据密钥损坏或缺失"),
    "expired": (reasons.expired(dt.date(2026, 3, 6)), "提醒的日期（2026年3月6日）已过，未发送"),
    "set_aside": (
        reasons.set_aside(ValueError("'from_a_newer_version' is not a MessageKind")),
        "这一条无法读取，已搁置",
    ),
    "front_store_unreachable": (reasons.front_store_unreachable(OSError("down")), "连接不上前置库"),
    "front_store_refused": (
        reasons.front_store_refused(ValueError("x"), "value too long for type character varying(50)"),
        "前置库拒绝写入：value too long for type character varying(50)",
    ),
    "rows_refused": (
        str(RowsRefused("up_pro_accept", ["catalog_code", "task_code"])),
        "前置库表 up_pro_accept 缺少必填数据：catalog_code、task_code",
    ),
}


@pytest.mark.parametrize(("stored", "shown"), WORDED.values(), ids=WORDED.keys())
def test_each_stored_reason_reads_as_its_sentence(stored: str, shown: str) -> None:
    assert channel_problem(stored) == shown


@pytest.mark.parametrize(("stored", "shown"), WORDED.values(), ids=WORDED.keys())
def test_the_platforms_list_words_them_alike(stored: str, shown: str) -> None:
    assert report_problem(stored) == shown


def test_the_stored_text_keeps_the_detail_for_support() -> None:
    """The row and the log keep the forms they always had: old rows and support's searches still read."""
    assert reasons.timed_out(10) == "timeout after 10 s"
    assert (
        reasons.no_connection(ConnectionRefusedError(111, "refused"))
        == "no connection: ConnectionRefusedError: [Errno 111] refused"
    )
    assert reasons.expired(dt.date(2026, 3, 6)) == "expired: due 2026-03-06"
    assert reasons.set_aside(ValueError("bad")) == "set aside: ValueError: bad"
    assert answer_of(200, b"<html>", id_required=True).detail == "HTTP 200: malformed answer b'<html>'"


def test_no_class_name_or_raw_body_reaches_the_clerk() -> None:
    shown = [channel_problem(stored) for stored, _ in WORDED.values()]
    assert not any(word in s for s in shown for word in ("Error", "malformed", "b'", "set aside", "timeout"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "something a newer version wrote",
        "expired: due 2026-02-30",  # no such day: not a form the app writes
        "HTTP two hundred",
        "withheld:some_newer_reason",
    ],
)
def test_a_text_of_no_known_form_passes_as_it_came(text: str) -> None:
    assert channel_problem(text) == text
