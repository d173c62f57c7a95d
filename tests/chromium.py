"""Headless Chromium for the browser tests: where it is and the arguments it is launched with."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> str:
    """Chromium's path; without Chromium the test is skipped, or fails when CI is set."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed, and CI is set")
        pytest.skip("chromium is not installed")
    return CHROMIUM
