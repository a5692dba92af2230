"""The desk's document camera (高拍仪): one still image of the page under it, as bytes Pillow reads.

Which camera a desk has is a desk setting (``camera``: ``v4l2`` or none; ``camera_at``: the device, such as
``/dev/video0``).  Every adapter has one call, :meth:`Camera.capture`, that takes a few seconds at most and either
gives the image or raises :class:`CameraError` with the reason; the window runs it off its own thread, and the page
is then bounded and compressed (:func:`counter.case.pages.page_image`) before it is kept.

The cameras the region's windows have are UVC devices: Linux sees them through V4L2.  Qt Multimedia is not among the
desk's Qt modules (PySide6-Essentials), and a V4L2 binding would be one more compiled dependency for one still frame,
so :class:`V4l2Camera` asks ``v4l2-ctl`` (Debian's v4l-utils, which the desk installs) for one frame of the device,
as JPEG, in a process of its own with a time limit: a camera that hangs cannot hang the desk.  A camera with a
vendor's own SDK or HTTP service (some 高拍仪 ship one instead of UVC) needs an adapter of its own here; none is
written, their interfaces not being public.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from counter.host.machine.desk_config import load_desk_config

__all__ = ["V4L2", "Camera", "CameraError", "CameraFault", "V4l2Camera", "camera_for", "desk_camera"]


V4L2 = "v4l2"  # the value of the desk setting ``camera``; "" no camera
TIMEOUT = 10.0  # seconds for one frame: a UVC camera starts and settles its exposure in two or three
FRAME_LIMIT = 64 << 20  # bytes a camera may hand back: one frame of a large sensor, never a stream
SETTLE_FRAMES = 5  # frames dropped first: a camera just opened has not yet set its exposure


class CameraFault(StrEnum):
    NO_CAMERA = "no_camera"  # no device there, or v4l2-ctl missing
    NO_FRAME = "no_frame"  # the device gave no image before the time limit, or an error
    BUSY = "busy"  # another program holds the device


class CameraError(Exception):
    def __init__(self, fault: CameraFault, detail: str = "") -> None:
        super().__init__(f"{fault.value}: {detail}" if detail else fault.value)
        self.fault = fault


class Camera(Protocol):
    def capture(self) -> bytes:
        """One still image of the page under the camera; :class:`CameraError` when none could be taken."""
        ...


@dataclass(frozen=True, slots=True)
class V4l2Camera:
    """A UVC camera through V4L2: one MJPEG frame asked of ``v4l2-ctl``, as large as the camera gives.

    The size asked for is beyond any 高拍仪's: V4L2 gives the nearest the camera has, its largest.  The first frames
    are dropped while the camera settles its exposure.  MJPEG is what a UVC camera gives at its large sizes (its
    uncompressed modes do not fit USB 2 there); a frame is a JPEG that Pillow reads.
    """

    device: str = "/dev/video0"
    program: str = "v4l2-ctl"

    def command(self) -> list[str]:
        return [
            self.program, "--device", self.device,
            "--set-fmt-video=width=8192,height=8192,pixelformat=MJPG",
            "--stream-mmap", f"--stream-skip={SETTLE_FRAMES}", "--stream-count=1", "--stream-to=-",
        ]  # fmt: skip

    def capture(self) -> bytes:
        if shutil.which(self.program) is None:
            raise CameraError(CameraFault.NO_CAMERA, f"{self.program} not found")
        try:
            done = subprocess.run(self.command(), capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as err:
            raise CameraError(CameraFault.NO_FRAME, f"no frame in {TIMEOUT:g} s") from err
        except OSError as err:
            raise CameraError(CameraFault.NO_CAMERA, str(err)) from err
        error = done.stderr.decode("utf-8", "replace").strip()[-300:]
        if done.returncode != 0 or not done.stdout:
            lowered = error.lower()
            fault = (
                CameraFault.BUSY if "busy" in lowered
                else CameraFault.NO_CAMERA if "cannot open" in lowered
                else CameraFault.NO_FRAME
            )  # fmt: skip
            raise CameraError(fault, error or f"exit {done.returncode}")
        if len(done.stdout) > FRAME_LIMIT:
            raise CameraError(CameraFault.NO_FRAME, "frame too large")
        return done.stdout


def camera_for(kind: str, at: str) -> Camera | None:
    """The camera of this kind at this device; None for none."""
    if kind == V4L2:
        return V4l2Camera(at or "/dev/video0")
    return None


def desk_camera() -> Camera | None:
    """This desk's camera as its settings name it now; None when it has none."""
    config = load_desk_config()
    return camera_for(config.camera, config.camera_at)
