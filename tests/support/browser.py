"""What a test needs to know to run a real browser here: where Chromium may be, and what to
do when it (or a library that drives it) is missing.

Playwright drives the system's Chromium, never a downloaded one. Without either the tests
skip, except under CI, where a missing browser is a failure rather than a silent pass.
"""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def unavailable(reason: str) -> NoReturn:
    """Skip on a developer's machine; fail under CI, where the browser is part of the setup."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason)


def chromium() -> str:
    """The path of the system's Chromium, or a skip (a failure under CI)."""
    executable = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if executable is None:
        unavailable(f"no Chromium on PATH (looked for {', '.join(BROWSERS)})")
    return executable
