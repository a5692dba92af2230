"""Which desk this machine is: site, desk number and the clerk at it.

Kept in a small JSON file in the local data folder, not in the database: the
desks of a hall share one database but each machine is its own desk.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from counter.case.numbers import BadIdentity, DeskIdentity
from counter.host.paths import data_dir

FILE_NAME = "desk.json"


@dataclass(frozen=True, slots=True)
class DeskConfig:
    site_code: str = "XAM01"
    site_name: str = "兴安盟政务服务中心"
    desk_no: str = "1"
    clerk: str = "窗口工作人员"
    staff_no: str = ""  # the clerk's staff number (工号), shown on the review pad
    photo: str = ""  # path of the clerk's photo for the review pad; "" shows none
    pad_screen: str = ""  # name of the screen the review pad fills; "" the first one that is not the clerk's
    area_code: str = "152200"  # the site's area code (GB/T 2260); its first six digits are the rating's 行政区划
    printer: str = ""  # the CUPS queue this desk prints its notices on; "" the CUPS default

    def identity(self) -> DeskIdentity:
        return DeskIdentity(self.site_code, self.desk_no)


def config_path() -> Path:
    return data_dir() / FILE_NAME


def load_desk_config() -> DeskConfig:
    """The saved configuration, or the defaults when there is none or it is unusable."""
    try:
        raw = json.loads(config_path().read_text(encoding="utf-8"))
        config = DeskConfig(**{k: str(v) for k, v in raw.items() if k in DeskConfig.__dataclass_fields__})
        config.identity()
    except (OSError, ValueError, TypeError, BadIdentity):
        return DeskConfig()
    return config


def save_desk_config(config: DeskConfig) -> None:
    config.identity()  # refuses a site code or desk number that cannot make case numbers
    path = config_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(config), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
