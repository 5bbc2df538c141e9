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
from tests.support.speed import QUICK, examples

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--quick",
        action="store_true",
        help="leave out the tests marked slow and draw a tenth of each property test's "
        "examples (make test; CI runs everything)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Tell the test modules (read after this, in this process and in xdist's workers,
    which are configured with the same options) whether the run is quick."""
    import os

    from hypothesis import settings

    quick = config.getoption("quick")
    os.environ[QUICK] = "1" if quick else "0"
    # Property tests that name no number of examples draw hypothesis's default, or a tenth.
    settings.register_profile("quick", max_examples=examples(settings.default.max_examples))
    settings.load_profile("quick" if quick else "default")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A quick run deselects the slow tests (pytest reports how many)."""
    if not config.getoption("quick"):
        return
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item.get_closest_marker("slow") is None]


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
