"""Which desk this machine is: site, desk number and the clerk at it.

Kept in small files, not in the database: the desks of a hall share one database but each machine is its own
desk.  The machine's file (:mod:`counter.host.machine.machine_config`, for every user of the computer) is read first and
the user's ``desk.json`` in the data folder over it, field by field; what neither sets is the default.  Saving writes
the user's file only, and in it only what differs from the machine's file and the defaults: a setting the user never
changed follows the machine's file when an administrator changes it later.
"""

from __future__ import annotations

import enum
import hashlib
import json
import logging
import shutil
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from counter.case.numbers import BadIdentity, DeskIdentity
from counter.host.machine.machine_config import MachineSettings, read_machine_settings
from counter.host.machine.paths import data_dir

log = logging.getLogger(__name__)

FILE_NAME = "desk.json"
PHOTO_NAME = "clerk-photo"  # the clerk's photo as this desk keeps it, in the data folder


class PadMode(enum.StrEnum):
    """Where the review pad is, for a desk with a second screen and for a desk (a township laptop) with one.

    A screen named by ``pad_screen`` that is there is always the pad's, whatever the mode.
    """

    AUTO = "auto"  # the first screen that is not the clerk's, full screen; with none, as ON_REQUEST
    ON_REQUEST = "on_request"  # on the clerk's screen only while a rating is asked, beside the clerk's windows
    STRIP = "strip"  # as ON_REQUEST, and in between a small bar at the edge of the clerk's screen


YES, NO = "yes", "no"  # the values of ``pad_keyboard`` and ``pad_voice``
#: the languages of the review pad's words: Chinese, or Mongolian (resources/translations/mn.po)
PAD_LANGUAGES = ("zh", "mn")

#: the clerk a desk printed before it had to be named: on older records (a township's synced history, ratings), a
#: name that names nobody
FORMER_DEFAULT_CLERK = "窗口工作人员"
#: the clerk of a training desk that has none named (``counter demo``, ``counter --today``): training works out of
#: the box, and its papers (marked 培训样张) name a trainee rather than a blank
TRAINING_CLERK = "培训学员"


@dataclass(frozen=True, slots=True)
class DeskConfig:
    site_code: str = "XAM01"
    site_name: str = "兴安盟政务服务中心"
    desk_no: str = "1"
    clerk: str = ""  # the clerk's name, as the papers, the pad and the history print it; "": none named yet
    staff_no: str = ""  # the clerk's staff number (工号), shown on the review pad
    photo: str = ""  # path of the clerk's photo for the review pad; "" shows none
    pad_screen: str = ""  # name of the screen the review pad fills; "" the first one that is not the clerk's
    area_code: str = "152200"  # the site's area code (GB/T 2260); its first six digits are the rating's 行政区划
    printer: str = ""  # the CUPS queue this desk prints its notices on; "" the CUPS default
    pad_mode: str = "auto"  # a PadMode: where the pad is when no screen of its own is found (or wanted)
    pad_keyboard: str = "no"  # "yes": the applicant has a keyboard at the pad, so it offers a line of free text
    text_scale: str = "100"  # the window's text size in per cent: 100, 125 or 150 (read at start-up)
    id_reader: str = ""  # the 二代证 reader: "serial", "http" (a vendor's local service) or "" none
    id_reader_at: str = ""  # its serial port (/dev/ttyUSB0, COM3) or its service's root (http://127.0.0.1:19196)
    id_reader_format: str = ""  # for "http": the file describing the service's answer; "" the shipped one
    queue_at: str = ""  # the hall's queue system (叫号), its root (http://10.1.2.3:8080); "" none
    queue_format: str = ""  # the file describing the queue system's answer; "" the shipped one
    pad_language: str = "zh"  # the review pad's words: "zh" or "mn" (the clerk's windows stay Chinese)
    pad_voice: str = "no"  # "yes": the pad speaks its prompts (espeak-ng, counter.ui.pad.voice)
    camera: str = ""  # the document camera (高拍仪): "v4l2" (a UVC camera, through v4l2-ctl) or "" none
    camera_at: str = ""  # its device, such as /dev/video0; "" the first one
    # a hall's desk: the hall server's root (https://host:port) the window asks its operations of, instead of a
    # database; "" a desk on its own database (a township, a single desk)
    server: str = ""
    server_ca: str = ""  # the hall's CA certificate, the only one the desk trusts for the server's

    def identity(self) -> DeskIdentity:
        return DeskIdentity(self.site_code, self.desk_no)

    def pad_placement(self) -> PadMode:
        """The pad's mode; a value this version does not know is the default, and logged."""
        try:
            return PadMode(self.pad_mode)
        except ValueError:
            log.warning("pad_mode %r unknown; the pad is placed as with %r", self.pad_mode, PadMode.AUTO.value)
            return PadMode.AUTO

    def pad_has_keyboard(self) -> bool:
        return self.pad_keyboard == YES

    def pad_speaks(self) -> bool:
        return self.pad_voice == YES


def config_path() -> Path:
    return data_dir() / FILE_NAME


class Source(enum.Enum):
    """Where a setting's value comes from."""

    DEFAULT = "default"
    MACHINE = "machine"
    USER = "user"


@dataclass(frozen=True, slots=True)
class DeskSettings:
    config: DeskConfig
    sources: Mapping[str, Source]  # each field of :class:`DeskConfig`
    machine: MachineSettings
    user_path: Path


FIELDS = tuple(f.name for f in fields(DeskConfig))
#: the fields that take one of a few values; the machine's file is held to them
CHOICES: Mapping[str, tuple[str, ...]] = {
    "pad_mode": tuple(PadMode),
    "pad_keyboard": (YES, NO),
    "pad_language": PAD_LANGUAGES,
    "pad_voice": (YES, NO),
    "id_reader": ("", "serial", "http"),  # counter.host.devices.id_reader's kinds
    "camera": ("", "v4l2"),  # counter.host.devices.camera's kinds
}


def load_desk_config() -> DeskConfig:
    """The desk as configured: the defaults, the machine's file over them, the user's file over that."""
    return load_desk_settings().config


def load_desk_settings() -> DeskSettings:
    """The desk's configuration, where each value comes from, and what the machine's file could not give."""
    machine = read_machine_settings(FIELDS, CHOICES)
    base = DeskConfig(**machine.values)  # each value checked on its own: the identity is whole
    user = _user_values()
    config = replace(base, **user)
    try:
        config.identity()
    except BadIdentity:
        log.warning("desk.json makes no valid case number; using the machine's settings and the defaults")
        config, user = base, {}
    sources = {
        name: Source.USER if name in user else Source.MACHINE if name in machine.values else Source.DEFAULT
        for name in FIELDS
    }
    return DeskSettings(config, sources, machine, config_path())


def _user_values() -> dict[str, str]:
    try:
        raw = json.loads(config_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        log.warning("desk.json cannot be read (%s); using the machine's settings and the defaults", err)
        return {}
    if not isinstance(raw, dict):
        return {}
    return {k: str(v) for k, v in raw.items() if k in FIELDS}


def save_desk_config(config: DeskConfig) -> None:
    """Keep ``config`` for this user: what differs from the machine's file and the defaults."""
    config.identity()  # refuses a site code or desk number that cannot make case numbers
    base = asdict(DeskConfig(**read_machine_settings(FIELDS, CHOICES).values))
    own = {name: value for name, value in asdict(config).items() if value != base[name]}
    path = config_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(own, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


def keep_photo(source: Path) -> Path:
    """A copy of the clerk's photo in the data folder, where the pad finds it once the stick it came on is gone.

    Named for what it holds: a new photo never overwrites the copy the settings name, so a change refused or not
    saved leaves the pad showing the photo saved before (the new copy is then dropped, :func:`drop_kept_photo`).
    """
    with source.open("rb") as file:
        digest = hashlib.file_digest(file, "sha256").hexdigest()[:16]
    target = data_dir() / f"{PHOTO_NAME}-{digest}{source.suffix.lower()}"
    if source.resolve() == target.resolve() or target.is_file():  # this very photo is kept already
        return target
    tmp = target.with_name(target.name + ".tmp")
    shutil.copyfile(source, tmp)
    tmp.replace(target)
    return target


def drop_kept_photo(photo: str) -> None:
    """Remove ``photo`` where it is a copy :func:`keep_photo` made and the settings no longer name; a photo
    anywhere else is the user's own and stays.  A copy that cannot be removed only takes room: it is logged."""
    path = Path(photo)
    if not photo or path.parent.resolve() != data_dir().resolve() or not path.name.startswith(PHOTO_NAME):
        return
    try:
        path.unlink(missing_ok=True)
    except OSError as err:
        log.warning("clerk photo %s not removed: %s", path.name, err)
