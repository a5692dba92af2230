"""The pad's voice as the machine's espeak-ng gives it, played here by small programs of the test's own: which voice
speaks a language (the one espeak-ng lists, none when it lists none), and a new prompt cutting the one still playing
with everything it started."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from counter.host.devices import voice


def _program(folder: Path, body: str) -> str:
    path = folder / "espeak-ng"
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def test_a_language_speaks_in_the_first_voice_espeak_ng_lists_for_it(tmp_path: Path) -> None:
    listing = (
        'echo "Pty Language       Age/Gender VoiceName          File                 Other Languages"\n'
        'echo " 5  mn              --/M      Mongolian          sit/mn"\n'
        'echo " 5  mn              --/F      Mongolian_f        sit/mn-f"\n'
    )
    assert voice.own_voice("mn", _program(tmp_path, listing)) == "mn"
    assert voice.own_voice("zh", _program(tmp_path, listing)) == "cmn"  # named in VOICES: espeak-ng not asked


def test_a_language_espeak_ng_has_no_voice_for_has_none(tmp_path: Path) -> None:
    head_only = 'echo "Pty Language       Age/Gender VoiceName          File                 Other Languages"\n'
    assert voice.own_voice("mn", _program(tmp_path, head_only)) is None  # espeak-ng 1.51's answer (Debian 12)
    assert voice.own_voice("mn", str(tmp_path / "nowhere" / "espeak-ng")) is None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_new_prompt_cuts_the_one_still_playing_and_all_it_started(tmp_path: Path) -> None:
    """The first prompt's program has started one of its own (as the two voices of a prompt run one after the
    other): the next prompt ends both."""
    pids = tmp_path / "pids"
    program = _program(tmp_path, f'sleep 30 &\necho $! >> "{pids}"\nwait\n')
    speaker = voice.Speaker("zh", program)
    speaker.say("请您对本次服务作出评价")
    try:
        end = time.monotonic() + 10
        while not pids.exists() and time.monotonic() < end:
            time.sleep(0.05)
        started = int(pids.read_text().split()[0])
        assert _alive(started)
        speaker.say("感谢您的评价")
        end = time.monotonic() + 10
        while _alive(started) and time.monotonic() < end:
            time.sleep(0.05)
        assert not _alive(started)
    finally:
        speaker.stop()
        for pid in pids.read_text().split() if pids.exists() else ():
            if _alive(int(pid)):
                os.kill(int(pid), signal.SIGKILL)


def test_a_voice_list_that_cannot_be_had_gives_no_voice(tmp_path: Path) -> None:
    """An espeak-ng that does not start (a broken install: its interpreter gone) leaves the pad in Mandarin alone."""
    program = tmp_path / "espeak-ng"
    program.write_text("#!/nowhere/sh\n", encoding="utf-8")
    program.chmod(0o755)
    voice.own_voice.cache_clear()
    assert voice.own_voice("mn", str(program)) is None


def test_a_language_whose_own_voice_is_mandarin_says_each_prompt_once(tmp_path: Path) -> None:
    listing = (
        'echo "Pty Language       Age/Gender VoiceName          File                 Other Languages"\n'
        'echo " 5  cmn             --/M      Chinese_Mandarin   sit/cmn"\n'
    )
    speaker = voice.Speaker("ug", _program(tmp_path, listing))
    assert speaker.second is None


def test_a_voice_program_gone_while_the_desk_runs_leaves_the_pad_silent(tmp_path: Path) -> None:
    program = Path(_program(tmp_path, "exit 0\n"))
    speaker = voice.Speaker("zh", str(program))
    assert speaker.available
    program.unlink()  # espeak-ng removed (a package upgrade) after the desk started
    speaker.say("请您对本次服务作出评价")  # never raised into the pad
    assert not speaker.available
    speaker.say("感谢您的评价")  # and not tried again
