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

from counter.host import voice
from counter.host.desk_config import DeskConfig, PadMode
from counter.ratings.levels import Level
from counter.ui.pad.controller import PadController
from counter.ui.pad.pad_window import PadWindow
from counter.ui.pad.words import PAD_QUESTION, PAD_REASONS_QUESTION, PAD_TAP_HINT
from tests.ui.pad.pictures import CASE

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
    """``text`` spoken into a WAV file as the pad's :class:`counter.host.voice.Speaker` speaks it, to be checked."""
    subprocess.run(voice.command(text, voice.voice_for(language), wav), check=True, capture_output=True, timeout=30)


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

    monkeypatch.setattr(subprocess, "Popen", Playing)  # as counter.host.voice calls it
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
