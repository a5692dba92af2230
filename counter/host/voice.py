"""The review pad's voice: its prompts spoken by espeak-ng, a program of the machine, run once per prompt.

Many applicants at a hall window are elderly; a pad that says 请您对本次服务作出评价 aloud reaches those who do not
read the screen.  espeak-ng (Debian ``espeak-ng``, GPL-3.0-or-later) is installed beside the desk by
``scripts/setup.sh`` and run as a separate program, never linked: the desk hands it the text and it plays it.  Its
Mandarin voice ``cmn`` reads the Chinese prompts.  espeak-ng 1.51 has no Mongolian voice (``espeak-ng --voices``
lists none for ``mn``), so a pad showing Mongolian speaks the same prompt in Mandarin; a Mongolian voice, when one is
available to a hall, is one more entry in :data:`VOICES`.

Off unless the desk turns it on (``pad_voice``, 本机评价器).  A machine without espeak-ng, or without a sound device,
keeps its pad silent and says so once in the log: a pad never stops for its voice.
"""

from __future__ import annotations

import logging
import shutil
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


def voice_for(language: str) -> str:
    return VOICES.get(language, DEFAULT_VOICE)


class Speaker:
    """Speaks one prompt at a time: a new prompt cuts the one still playing, as the pad has moved on."""

    def __init__(self, language: str = "zh", program: str = PROGRAM) -> None:
        self.voice = voice_for(language)
        self._program = shutil.which(program)
        self._playing: subprocess.Popen[bytes] | None = None
        if self._program is None:
            log.warning("%s not found: the pad stays silent (apt-get install espeak-ng)", program)

    @property
    def available(self) -> bool:
        return self._program is not None

    def say(self, text: str) -> None:
        if self._program is None or not text.strip():
            return
        self.stop()
        args = command(text, self.voice)
        args[0] = self._program
        try:
            self._playing = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            log.exception("%s could not be started: the pad stays silent", self._program)
            self._program = None

    def stop(self) -> None:
        playing, self._playing = self._playing, None
        if playing is not None and playing.poll() is None:
            playing.terminate()
            playing.wait(timeout=5)
