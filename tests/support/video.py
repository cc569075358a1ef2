"""Small real videos for tests, made with ffmpeg once per test session (home.demo_video)."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from home.demo_video import render_test_pattern


@functools.cache
def video_bytes(fmt: str = "webm", seconds: int = 4) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"test.{fmt}"
        render_test_pattern(path, seconds=seconds, fmt=fmt, size="320x180")
        return path.read_bytes()


VTT = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\n이륙 전 점검을 시작합니다.\n".encode()
