"""Printing through a real CUPS server: the bytes arrive whole; every failure is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.printing.cups import PrintFailed, PrintProblem, printers, submit
from tests.cups_server import Cups, running_cups

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"


def test_a_job_arrives_byte_for_byte(cups: Cups) -> None:
    folder = cups.add_queue("desk8")
    job = submit(PDF, "desk8", "受理凭证 XAM01-20261120-08-0001", env=cups.env)
    assert job.startswith("desk8-")
    assert cups.wait_for_job(folder) == PDF


def test_printers_lists_queues_with_their_state(cups: Cups) -> None:
    cups.add_queue("listed")
    cups.lpadmin("-d", "listed")
    found = {p.name: p for p in printers(cups.env)}
    assert found["listed"].enabled
    assert found["listed"].accepting
    assert found["listed"].default


def test_no_printer_named_uses_the_default(cups: Cups) -> None:
    folder = cups.add_queue("fallback")
    cups.lpadmin("-d", "fallback")
    submit(PDF, "", "默认打印机", env=cups.env)
    assert cups.wait_for_job(folder) == PDF


@pytest.mark.parametrize(
    ("setup", "problem"),
    [
        ("missing", PrintProblem.PRINTER_MISSING),
        ("stopped", PrintProblem.PRINTER_STOPPED),
        ("rejecting", PrintProblem.NOT_ACCEPTING),
    ],
)
def test_a_printer_that_is_off_or_missing_is_named(cups: Cups, setup: str, problem: PrintProblem) -> None:
    name = f"q-{setup}"
    if setup != "missing":
        cups.add_queue(name)
        cups.run("cupsdisable" if setup == "stopped" else "cupsreject", name)
    with pytest.raises(PrintFailed) as caught:
        submit(PDF, name, "x", env=cups.env)
    assert caught.value.problem is problem
    assert caught.value.printer == name


def test_no_cups_client_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(PrintFailed) as caught:
        submit(PDF, "any", "x")
    assert caught.value.problem is PrintProblem.NO_CUPS


def test_no_printer_named_and_none_the_default_is_named(tmp_path: Path) -> None:
    """A machine whose queues were set up without a default: a paper sent to "the default printer" is refused as
    having no printer, never sent to whichever queue comes first."""
    with running_cups(tmp_path / "cups") as server:
        folder = server.add_queue("desk8")
        assert [(p.name, p.accepting, p.default) for p in printers(server.env)] == [("desk8", True, False)]
        with pytest.raises(PrintFailed) as caught:
            submit(PDF, "", "默认打印机", env=server.env)
        assert caught.value.problem is PrintProblem.NO_PRINTER
        assert not any(folder.iterdir())
