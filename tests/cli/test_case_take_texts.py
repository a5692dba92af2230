"""``counter case take`` holds a request's texts and uid to what the window and the township's package hold them to.

A scripted intake the sync package would refuse — a uid of another shape, a NUL, a name of thousands of characters —
once stopped every later package of its township.  Each is refused here, at its path, and nothing is written; what
is taken is a case the package carries.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from counter.actions.site.store import Store
from counter.case.status import CaseEvent
from counter.db import models
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.sync.record_json import parse_records, to_dict
from counter.sync.records import CaseRecord
from counter.sync.sender_checks import TOWNSHIP_EVENTS
from counter.words.cases import converted_note_text
from tests.cli.test_case_take import ACCEPT, problems, taken_json, write
from tests.conftest import made_database
from tests.sync.case_records import case_records


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database, at a desk whose clerk is named (a desk without one takes no intake)."""
    save_desk_config(DeskConfig(clerk="乌兰"))
    return made_database(tmp_path / "take.sqlite3")


def request(**changes: Any) -> dict[str, Any]:
    made = copy.deepcopy(ACCEPT)
    made["uid"] = ""
    for path, value in changes.items():
        where = made
        *parents, key = path.split("__")
        for parent in parents:
            where = where.setdefault(parent, {})
        where[key] = value
    return made


def cases(db: str) -> int:
    store = Store(db)
    try:
        with store.sessions()() as session:
            return len(session.scalars(select(models.Case.id)).all())
    finally:
        store.dispose()


@pytest.mark.parametrize("uid", ["2026-11-20-desk8-0001", "example-xiaocanguan-accept-1", "0" * 31, "g" * 32, "1" * 33])
def test_a_uid_not_of_32_hex_digits_is_refused(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, uid: str
) -> None:
    found = problems(capsys, db, write(tmp_path, request(uid=uid)))
    assert found == {"uid": "应为32位十六进制数字（0-9、a-f），或不写由本机生成"}
    assert cases(db) == 0


def test_a_uid_in_capitals_is_kept_in_lower_case(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    taken = taken_json(capsys, db, write(tmp_path, request(uid="ABCDEF0123456789ABCDEF0123456789")))
    again = taken_json(capsys, db, write(tmp_path, request(uid="abcdef0123456789abcdef0123456789")))
    assert again["case_no"] == taken["case_no"]  # the same intake, found by its uid
    assert cases(db) == 1


def test_without_a_uid_one_is_made(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    taken_json(capsys, db, write(tmp_path, request()))
    store = Store(db)
    try:
        with store.sessions()() as session:
            uids = session.scalars(select(models.Case.uid)).all()
    finally:
        store.dispose()
    assert len(uids) == 1
    assert len(uids[0]) == 32
    assert set(uids[0]) <= set("0123456789abcdef")


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        ({"applicant__name": "张\x00海军"}, "applicant.name", "第2个字符是控制字符（U+0000），不能录入，请删去"),
        ({"applicant__name": "王" * 5_000}, "applicant.name", "最多50个字，现有5000个字"),
        ({"applicant__name": "其\u200b其格"}, "applicant.name", "第2个字符是看不见的字符（U+200B），请删去后重新输入"),
        ({"applicant__name": "\ue000\ue001\ue002"}, "applicant.name",
         "第1个字符（U+E000）是某种输入法或字体自定义的编码（私用区），不是标准汉字或蒙古文，无法识别也无法打印；"
         "请用标准编码的输入法重新输入"),
        ({"applicant__address": "路" * 121}, "applicant.address", "最多120个字，现有121个字"),
        ({"applicant__address": "兴安\u202e北路"}, "applicant.address",
         "第3个字符是改变文字方向的控制符（U+202E），请删去"),
        ({"agent": {"name": "李\ufe0f四", "id_no": "", "authorisation": "x"}}, "agent.name",
         "第2个字符是看不见的字符（U+FE0F），请删去后重新输入"),
        ({"delivery": {"how": "post", "address": "\x07"}}, "delivery.address",
         "第1个字符是控制字符（U+0007），不能录入，请删去"),
        ({"materials__M05__defect_note": "缺" * 501}, "materials.M05.defect_note", "最多500个字，现有501个字"),
        ({"refusal": {"ground": "not_in_remit", "turn_to": {"152201-YJS008-01": "局" * 501}}},
         "refusal.turn_to.152201-YJS008-01", "最多500个字，现有501个字"),
    ],
)  # fmt: skip
def test_a_text_the_desk_does_not_take_is_refused_at_its_path(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, changes: dict[str, Any], path: str, message: str
) -> None:
    found = problems(capsys, db, write(tmp_path, request(**changes)))
    assert found[path] == message
    assert cases(db) == 0


def test_a_company_name_has_a_company_names_room(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    applicant = dict(ACCEPT["applicant"], kind="company", id_no="91110108551385082Q", legal_rep="张海军")
    found = problems(capsys, db, write(tmp_path, request(applicant=applicant | {"name": "兴" * 101})))
    assert found["applicant.name"] == "最多100个字，现有101个字"


def test_a_mongolian_name_is_taken_and_its_case_travels(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """A name in Mongolian script, with its vowel separator, is a name; the case taken is one a package carries."""
    name = "ᠴᠢᠴᠢᠭ\u180eᠠ"
    taken = taken_json(capsys, db, write(tmp_path, request(applicant__name=name, uid="C" * 32)))
    assert taken["applicant_name"] == name
    store = Store(db)
    try:
        with store.sessions()() as session:
            ids = session.scalars(select(models.Case.id)).all()
            body = [json.loads(json.dumps(to_dict(r), ensure_ascii=False)) for r in case_records(session, ids)]
    finally:
        store.dispose()
    records, found = parse_records(body, "cases")
    assert (len(records), found) == (1, [])


def test_a_name_of_the_newer_cjk_extensions_is_taken_and_travels_intact(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """李𬭚𠮷𰀀𱍐 (Extensions E, B, G and H, each drawn by a shipped font): kept, and carried by the package."""
    name = "李\U0002cb5a\U00020bb7\U00030000\U00031350"
    taken = taken_json(capsys, db, write(tmp_path, request(applicant__name=name, uid="D" * 32)))
    assert taken["applicant_name"] == name
    store = Store(db)
    try:
        with store.sessions()() as session:
            ids = session.scalars(select(models.Case.id)).all()
            body = [json.loads(json.dumps(to_dict(r), ensure_ascii=False)) for r in case_records(session, ids)]
    finally:
        store.dispose()
    records, found = parse_records(body, "cases")
    assert (len(records), found) == (1, [])
    assert name in json.dumps(body, ensure_ascii=False)


def test_a_name_in_menksoft_codes_is_taken_in_unicode(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    """ᠮᠣᠩᠭᠣᠯ as a 蒙科立 input method writes it, one private code per glyph: taken as the Unicode letters."""
    menksoft = "\ue2f2\ue289\ue2bc\ue2ec\ue289\ue2f9"
    taken = taken_json(capsys, db, write(tmp_path, request(applicant__name=menksoft, uid="E" * 32)))
    assert taken["applicant_name"] == "ᠮᠣᠩᠭᠣᠯ"
    store = Store(db)
    try:
        with store.sessions()() as session:
            h = models.CaseHistory
            lines = session.execute(select(h.event, h.note).order_by(h.id)).all()
            ids = session.scalars(select(models.Case.id)).all()
            body = [json.loads(json.dumps(to_dict(r), ensure_ascii=False)) for r in case_records(session, ids)]
    finally:
        store.dispose()
    assert [event for event, _note in lines] == [CaseEvent.TAKEN.value, CaseEvent.TEXT_CONVERTED.value]
    note = lines[1][1]
    assert note == "applicant_name U+E2F2 U+E289 U+E2BC U+E2EC U+E289 U+E2F9"  # the original, kept
    assert read_original_note(note) == ("applicant_name", menksoft)
    assert converted_note_text(note) == "申请人名称原为蒙科立编码：U+E2F2 U+E289 U+E2BC U+E2EC U+E289 U+E2F9"
    records, found = parse_records(body, "cases")
    assert (len(records), found) == (1, [])
    (record,) = records
    assert isinstance(record, CaseRecord)
    assert record.history[-1].event in TOWNSHIP_EVENTS  # a township's package carries the line to the hall


def test_a_texts_surroundings_are_trimmed_and_kept_in_nfc(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    taken = taken_json(capsys, db, write(tmp_path, request(applicant__name="\u3000Jose\u0301 ")))
    assert taken["applicant_name"] == "José"


def read_original_note(note: str) -> tuple[str, str]:
    """The field and the original text of :func:`original_note`'s note; the note itself as the field when it is not
    one (a note this program did not write)."""
    field, *codes = note.split(" ")
    try:
        return field, "".join(chr(int(code.removeprefix("U+"), 16)) for code in codes)
    except ValueError:
        return note, ""
