"""A case's papers and the ratings export on a damaged data key: refused by the key's name, nothing printed.

The papers are made from the case as read, and a value the key cannot open reads as （已加密）: ``counter print``
wrote, and a printer printed, a receipt whose applicant's ID number, phone and address were the placeholder, and the
applicant left with it.  The paper is refused instead in the words of a damaged key, as a sync export is; no number
is spent on it, and once the key is put back from its copy it prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from counter.cli.main import main
from counter.host.keys.data_key import sm4_key_path
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.host.machine.paths import site_key_path
from counter.words.at_command_line import fault_text
from tests.cli.test_print_out import EXAMPLE
from tests.conftest import made_database
from tests.db.test_personal_sealing import damaged, put_back


def _papers(db_file: Path) -> int:
    engine = create_engine(f"sqlite:///{db_file}")
    with engine.connect() as connection:
        count = connection.scalar(text("SELECT count(*) FROM document_record"))
    engine.dispose()
    return int(count)


@pytest.mark.parametrize("damage", ["cut short", "missing"])
def test_a_case_paper_on_a_damaged_key_is_refused_and_prints_once_the_key_is_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, damage: str
) -> None:
    save_desk_config(DeskConfig(clerk="乌兰"))
    db_file = tmp_path / "desk.sqlite3"
    db = made_database(db_file)
    assert main(["case", "take", str(EXAMPLE), "--json", "--db", db]) == 0
    case_no = json.loads(capsys.readouterr().out)["case_no"]
    key_file = sm4_key_path(site_key_path(), 1)
    kept = key_file.read_bytes()
    first = tmp_path / "receipt.pdf"
    assert main(["print", case_no, "--doc", "receipt", "--out", str(first), "--db", db]) == 0
    capsys.readouterr()
    made = _papers(db_file)
    damaged(key_file, damage)

    again = tmp_path / "again.pdf"  # a reprint, and a paper not made before
    for doc in ("receipt", "application"):
        assert main(["print", case_no, "--doc", doc, "--out", str(again), "--db", db]) == 1
        out, err = capsys.readouterr()
        assert (out, err) == ("", fault_text("data_key") + "\n")
        assert not again.exists()
    assert _papers(db_file) == made  # no number spent on a paper not made

    put_back(key_file, kept)
    assert main(["print", case_no, "--doc", "receipt", "--out", str(again), "--db", db]) == 0
    assert again.read_bytes().startswith(b"%PDF")
