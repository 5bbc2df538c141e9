"""Fixtures shared by test modules in different folders: a running Chromium, and a copy of
the example programs that a test may change.

Helpers that are plain functions or constants (paths, spec heads, strategies, the steps
from a spec to its plan) live in tests/support/, where module-level code such as
`parametrize` lists can import them too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.support.browser import chromium, unavailable
from tests.support.paths import copy_examples

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """The system's headless Chromium, started once for a module and closed after it."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install playwright)")
    executable = chromium()
    playwright = sync_playwright().start()
    try:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        except Error as error:
            unavailable(f"{executable} did not start: {error.message.splitlines()[0]}")
        yield launched
        launched.close()
    finally:
        playwright.stop()


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    """A copy of the example programs in `tmp_path/specs`, free to edit."""
    return copy_examples(tmp_path / "specs")
