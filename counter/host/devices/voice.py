"""The review pad's voice: its prompts spoken by espeak-ng, a program of the machine, run once per prompt.

Many applicants at a hall window are elderly; a pad that says 请您对本次服务作出评价 aloud reaches those who do not
read the screen.  espeak-ng (Debian ``espeak-ng``, GPL-3.0-or-later) is installed beside the desk by
``scripts/setup.sh`` and run as a separate program, never linked: the desk hands it the text and it plays it.  Its
Mandarin voice ``cmn`` reads the Chinese prompts.  A pad showing Mongolian says each prompt in Mandarin and then in
Mongolian, where the machine's espeak-ng has a Mongolian voice (``espeak-ng --voices=mn`` lists one, or
:data:`VOICES` names one); espeak-ng 1.51 (Debian 12) has none, nor has any other engine Debian ships, so such a pad
speaks Mandarin alone and the desk's settings (本机评价器) say so.

Off unless the desk turns it on (``pad_voice``, 本机评价器).  A machine without espeak-ng, or without a sound device,
keeps its pad silent and says so once in the log: a pad never stops for its voice.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import signal
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

PROGRAM = "espeak-ng"
#: the espeak-ng voice for the words of each pad language; a language with no voice of its own speaks Mandarin
VOICES = {"zh": "cmn"}
DEFAULT_VOICE = "cmn"
#: words a minute: a little under espeak-ng's 175, for listeners who are not used to a synthetic voice
SPEED = 150


def command(text: str, voice: str = DEFAULT_VOICE, wav: Path | None = None) -> list[str]:
    """The espeak-ng command line that speaks ``text`` (to the sound device, or into ``wav``)."""
    out = ["-w", str(wav)] if wav is not None else []
    return [PROGRAM, "-v", voice, "-s", str(SPEED), *out, "--", text]


@functools.cache  # the machine's voices do not change while the desk runs: asked once per language
def own_voice(language: str, program: str = PROGRAM) -> str | None:
    """The voice that speaks ``language`` itself on this machine (not Mandarin standing in), or None: a voice named in
    :data:`VOICES`, else the first espeak-ng lists for the language."""
    if language in VOICES:
        return VOICES[language]
    found = shutil.which(program)
    if found is None:
        return None
    try:
        listed = subprocess.run(
            [found, f"--voices={language}"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        log.exception("%s did not list its voices", program)
        return None
    rows = [line.split() for line in listed.stdout.splitlines()[1:]]  # the first line is the table's head
    return next((row[1] for row in rows if len(row) > 1), None)


def has_program() -> bool:
    return shutil.which(PROGRAM) is not None


class Speaker:
    """Speaks one prompt at a time: a new prompt cuts the one still playing, as the pad has moved on."""

    def __init__(self, language: str = "zh", program: str = PROGRAM) -> None:
        self.voice = DEFAULT_VOICE  # every prompt is said in Mandarin first
        #: the pad's language's own voice, which says the prompt again in it; None where there is none (Mongolian)
        self.second = own_voice(language, program) if language != "zh" else None
        if self.second is not None and self.second == self.voice:
            self.second = None
        self._program = shutil.which(program)
        self._playing: subprocess.Popen[bytes] | None = None
        if self._program is None:
            log.warning("%s not found: the pad stays silent (apt-get install espeak-ng)", program)

    @property
    def available(self) -> bool:
        return self._program is not None

    def say(self, text: str, in_language: str = "") -> None:
        """Say ``text`` (Chinese), then ``in_language`` (the prompt in the pad's language) where that has a voice."""
        if self._program is None or not text.strip():
            return
        self.stop()
        args = command(text, self.voice)
        args[0] = self._program
        if self.second is not None and in_language.strip() and in_language != text:
            then = command(in_language, self.second)
            then[0] = self._program
            args = one_after_the_other(args, then)
        try:
            # a group of its own: the next prompt stops both voices of this one at once
            self._playing = subprocess.Popen(
                args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
            )
        except OSError:
            log.exception("%s could not be started: the pad stays silent", self._program)
            self._program = None

    def stop(self) -> None:
        playing, self._playing = self._playing, None
        if playing is not None and playing.poll() is None:
            try:
                os.killpg(playing.pid, signal.SIGTERM)
            except ProcessLookupError:  # ended meanwhile
                return
            playing.wait(timeout=5)


def one_after_the_other(first: list[str], then: list[str]) -> list[str]:
    """One command line that runs ``first``, then ``then`` (the prompt in Mandarin, then in the pad's language)."""
    count = len(first)
    script = " ".join(f'"${{{i}}}"' for i in range(1, count + 1))
    script += "; " + " ".join(f'"${{{i}}}"' for i in range(count + 1, count + len(then) + 1))
    return ["sh", "-c", script, "sh", *first, *then]
