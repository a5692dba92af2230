"""The pad's voice: each prompt it says is spoken by espeak-ng into speech of a speaking length; off by default."""

from __future__ import annotations

import array
import dataclasses
import subprocess
import wave
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from counter.host.devices import voice
from counter.host.machine.desk_config import DeskConfig, PadMode
from counter.ratings.levels import Level
from counter.ui.pad import desk_pad_form
from counter.ui.pad.controller import PadController
from counter.ui.pad.desk_pad_form import DeskPadForm
from counter.ui.pad.pad_window import PadWindow
from counter.ui.pad.words import (
    DESK_PAD_VOICE_BOTH,
    DESK_PAD_VOICE_CHINESE,
    DESK_PAD_VOICE_NO_MONGOLIAN,
    DESK_PAD_VOICE_NONE,
    PAD_QUESTION,
    PAD_REASONS_QUESTION,
    PAD_TAP_HINT,
)
from tests.ui.pad.pictures import CASE
from tests.ui.pad.test_pad_language import QUESTION_MN

#: seconds per character of Mandarin read aloud: a syllable a character, some three to six a second
PER_CHARACTER = (0.15, 0.6)


def spoken_prompts(qtbot: QtBot) -> list[str]:
    """Every prompt a pad says, from a real pad taken through a rating, a revisit, a bad rating and both thanks."""
    pad = PadWindow()
    qtbot.addWidget(pad)
    said: list[str] = []
    pad.prompted.connect(said.append)
    pad.show_case(CASE)
    pad.show_case(dataclasses.replace(CASE, round=2))
    pad.on_face_clicked(Level.DISSATISFIED)
    pad.show_thanks(bad=True)
    pad.show_thanks(bad=False)
    return said


def characters(text: str) -> int:
    """The characters read aloud: the hanzi, not the punctuation."""
    return sum(1 for char in text if "\u4e00" <= char <= "\u9fff")


def loudest(path: Path) -> int:
    with wave.open(str(path), "rb") as sound:
        assert sound.getsampwidth() == 2
        samples = array.array("h", sound.readframes(sound.getnframes()))
    return max(abs(sample) for sample in samples)


def test_the_pad_says_each_of_its_prompts_once(qtbot: QtBot, pad_font: str | None) -> None:
    said = spoken_prompts(qtbot)
    assert len(said) == 5
    assert said[0] == f"{PAD_QUESTION}。{PAD_TAP_HINT}"
    assert said[2] == PAD_REASONS_QUESTION


def synthesise(text: str, wav: Path, language: str) -> None:
    """``text`` spoken into a WAV file as the pad's :class:`counter.host.devices.voice.Speaker` speaks it, to be
    checked."""
    spoken = voice.command(text, voice.VOICES.get(language, voice.DEFAULT_VOICE), wav)
    subprocess.run(spoken, check=True, capture_output=True, timeout=30)


def wav_seconds(path: Path) -> float:
    """How long a WAV file plays, from its header."""
    with wave.open(str(path), "rb") as sound:
        return sound.getnframes() / sound.getframerate()


@pytest.mark.slow
def test_every_prompt_is_spoken_into_a_wav_of_speech_length(qtbot: QtBot, pad_font: str | None, tmp_path: Path) -> None:
    for n, prompt in enumerate(spoken_prompts(qtbot)):
        wav = tmp_path / f"prompt-{n}.wav"
        synthesise(prompt, wav, "zh")
        seconds = wav_seconds(wav)
        count = characters(prompt)
        low, high = PER_CHARACTER
        assert low * count <= seconds <= high * count + 0.5, (prompt, seconds)
        assert loudest(wav) > 3000, prompt  # sound, not a silent file of the right length


def test_the_voice_is_off_by_default_and_on_when_the_desk_says(
    controller: PadController, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[list[str]] = []

    class Playing:
        def __init__(self, args: list[str], **_: Any) -> None:
            started.append(args)

        def poll(self) -> int:
            return 0

    monkeypatch.setattr(subprocess, "Popen", Playing)  # as counter.host.devices.voice calls it
    monkeypatch.setattr(voice, "own_voice", lambda *_: None)  # a machine with no Mongolian voice (Debian 12's)
    assert DeskConfig().pad_voice == "no"
    assert controller.speaker is None
    controller.pad.show_case(CASE)
    assert started == []  # silent
    controller.apply(PadMode.AUTO, keyboard=False, language="mn", voice=True)
    assert controller.speaker is not None
    controller.pad.show_case(CASE)
    assert len(started) == 1
    assert started[0][1:5] == ["-v", "cmn", "-s", str(voice.SPEED)]  # no Mongolian voice: Mandarin
    assert started[0][-1] == f"{PAD_QUESTION}。{PAD_TAP_HINT}"
    controller.apply(PadMode.AUTO, keyboard=False, voice=False)
    controller.pad.show_case(CASE)
    assert len(started) == 1


def test_a_machine_without_espeak_ng_keeps_the_pad_silent(caplog: pytest.LogCaptureFixture) -> None:
    speaker = voice.Speaker(program="no-such-espeak")
    assert not speaker.available
    speaker.say(PAD_QUESTION)  # nothing raised, nothing started
    assert "the pad stays silent" in caplog.text


class Started:
    """``subprocess.Popen`` as the speaker calls it: the command lines kept, nothing run."""

    def __init__(self) -> None:
        self.lines: list[list[str]] = []

    def __call__(self, args: list[str], **_: Any) -> Started:
        self.lines.append(args)
        return self

    def poll(self) -> int:
        return 0


def test_a_mongolian_pad_says_each_prompt_in_mandarin_then_mongolian_where_a_voice_is(
    controller: PadController, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = Started()
    monkeypatch.setattr(voice, "own_voice", lambda language, *_: "mn" if language == "mn" else None)
    monkeypatch.setattr(subprocess, "Popen", started)
    controller.apply(PadMode.AUTO, keyboard=False, language="mn", voice=True)
    controller.pad.show_case(CASE)
    (line,) = started.lines
    assert line[:2] == ["sh", "-c"]  # one after the other, one process group
    mandarin, mongolian = line[4:11], line[11:]
    assert mandarin[1:3] == ["-v", "cmn"]
    assert mandarin[-1] == f"{PAD_QUESTION}。{PAD_TAP_HINT}"
    assert mongolian[1:3] == ["-v", "mn"]
    assert mongolian[-1].startswith(QUESTION_MN)
    controller.apply(PadMode.AUTO, keyboard=False, language="zh", voice=True)
    controller.pad.show_case(dataclasses.replace(CASE, request_id=CASE.request_id + 1))
    last = started.lines[-1]
    assert Path(last[0]).name == voice.PROGRAM  # a Chinese pad: Mandarin alone
    assert last[1:3] == ["-v", "cmn"]


@pytest.mark.slow
def test_the_chained_command_runs_both(tmp_path: Path) -> None:
    """The two voices' command lines joined as the speaker joins them: each runs, in order, with its own words."""
    said = tmp_path / "said.txt"
    first = ["sh", "-c", f'printf "%s|" "$1" >> {said}', "sh", "请您评价"]
    then = ["sh", "-c", f'printf "%s|" "$1" >> {said}', "sh", QUESTION_MN]
    subprocess.run(voice.one_after_the_other(first, then), check=True, timeout=30)
    assert said.read_text(encoding="utf-8") == f"请您评价|{QUESTION_MN}|"


@pytest.mark.parametrize(("mongolian", "note"), [(None, DESK_PAD_VOICE_NO_MONGOLIAN), ("mn", DESK_PAD_VOICE_BOTH)])
def test_the_desks_settings_say_whether_a_mongolian_voice_is_there(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, mongolian: str | None, note: str
) -> None:
    monkeypatch.setattr(desk_pad_form, "own_voice", lambda language, *_: mongolian if language == "mn" else None)
    monkeypatch.setattr(desk_pad_form, "has_program", lambda *_: True)
    form = DeskPadForm()
    qtbot.addWidget(form)
    form.load()
    assert form.voice_note.text() == DESK_PAD_VOICE_CHINESE
    form.language.setCurrentIndex(form.language.findData("mn"))
    assert form.voice_note.text() == note


def test_a_desk_without_a_speech_program_is_told_so_in_either_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No espeak-ng on the computer: the pad says nothing aloud, and the note says why rather than name a voice."""
    monkeypatch.setattr(desk_pad_form, "has_program", lambda *_: False)
    form = DeskPadForm()
    qtbot.addWidget(form)
    form.load()
    assert form.voice_note.text() == DESK_PAD_VOICE_NONE
    form.language.setCurrentIndex(form.language.findData("mn"))
    assert form.voice_note.text() == DESK_PAD_VOICE_NONE
