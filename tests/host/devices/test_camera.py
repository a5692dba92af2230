"""The desk's document camera: the synthetic source draws pages; the V4L2 adapter runs v4l2-ctl and says why not.

No camera is on the test machine: ``v4l2-ctl`` is played by a small script in the test's folder that answers as
the real one does (a JPEG on its output, or its message and exit status).
"""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from PIL import Image

from counter.host.devices import camera
from counter.host.devices.camera import CameraError, CameraFault, V4l2Camera, camera_for, desk_camera
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from tests.host.devices.synthetic_camera import SyntheticCamera


def test_the_synthetic_camera_draws_a_new_page_each_time() -> None:
    camera = SyntheticCamera()
    first, second = camera.capture(), camera.capture()
    assert first != second
    with Image.open(io.BytesIO(first)) as page:
        assert page.size == (1240, 1754)


def program(folder: Path, body: str) -> str:
    path = folder / "v4l2-ctl"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_a_frame_is_what_v4l2_ctl_writes(tmp_path: Path) -> None:
    frame = tmp_path / "frame.jpg"
    Image.new("RGB", (64, 48), "white").save(frame, "JPEG")
    camera = V4l2Camera("/dev/video7", program(tmp_path, f'echo "$@" > {tmp_path}/args; cat {frame}'))
    assert camera.capture() == frame.read_bytes()
    asked = (tmp_path / "args").read_text(encoding="utf-8")
    assert "--device /dev/video7" in asked
    assert "pixelformat=MJPG" in asked
    assert "--stream-count=1" in asked


@pytest.mark.parametrize(
    ("said", "fault"),
    [
        ("Cannot open device /dev/video7, exiting.", CameraFault.NO_CAMERA),
        ("VIDIOC_STREAMON returned -1 (Device or resource busy)", CameraFault.BUSY),
        ("VIDIOC_DQBUF returned -1 (Input/output error)", CameraFault.NO_FRAME),
    ],
)
def test_a_camera_that_gives_no_frame_says_why(tmp_path: Path, said: str, fault: CameraFault) -> None:
    camera = V4l2Camera("/dev/video7", program(tmp_path, f'echo "{said}" >&2; exit 1'))
    with pytest.raises(CameraError) as caught:
        camera.capture()
    assert caught.value.fault is fault


def test_without_the_program_there_is_no_camera(tmp_path: Path) -> None:
    with pytest.raises(CameraError) as caught:
        V4l2Camera("/dev/video0", str(tmp_path / "absent")).capture()
    assert caught.value.fault is CameraFault.NO_CAMERA


def test_a_desk_without_a_camera_setting_has_none() -> None:
    assert camera_for("", "") is None
    assert isinstance(camera_for("v4l2", ""), V4l2Camera)


def test_a_camera_that_hangs_or_cannot_start_or_floods_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(camera, "TIMEOUT", 0.5)  # a camera that never settles: the clerk is not held ten seconds
    with pytest.raises(CameraError) as caught:
        V4l2Camera("/dev/video7", program(tmp_path, "exec sleep 30")).capture()
    assert (caught.value.fault, str(caught.value)) == (CameraFault.NO_FRAME, "no_frame: no frame in 0.5 s")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "v4l2-ctl").write_text("#!/nowhere/sh\n", encoding="utf-8")
    (broken / "v4l2-ctl").chmod(0o755)
    with pytest.raises(CameraError) as caught:
        V4l2Camera("/dev/video7", str(broken / "v4l2-ctl")).capture()  # its interpreter gone: it cannot start
    assert caught.value.fault is CameraFault.NO_CAMERA
    monkeypatch.setattr(camera, "FRAME_LIMIT", 1024)  # a stream where one frame was asked for
    with pytest.raises(CameraError) as caught:
        V4l2Camera("/dev/video7", program(tmp_path, "head -c 2048 /dev/zero")).capture()
    assert (caught.value.fault, str(caught.value)) == (CameraFault.NO_FRAME, "no_frame: frame too large")


def test_the_desk_settings_name_the_camera() -> None:
    save_desk_config(DeskConfig(camera="v4l2", camera_at="/dev/video3"))
    assert desk_camera() == V4l2Camera("/dev/video3")
