"""The code's shape, held: modules a reader can take in, functions that fit on a screen,
and the pipeline called rather than wired again by each command."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
MODULES = sorted(PACKAGE.rglob("*.py"))
MODULE_LINES = 600
FUNCTION_LINES = 60


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_a_module_is_short_and_so_are_its_functions(module: Path) -> None:
    source = module.read_text(encoding="utf-8")
    assert source.count("\n") <= MODULE_LINES
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > FUNCTION_LINES
    ]
    assert long == []


def test_the_pipeline_alone_turns_a_spec_into_a_program() -> None:
    """Every command plans through `generator.pipeline`; none builds the program itself."""
    callers = sorted(
        str(module.relative_to(PACKAGE))
        for module in MODULES
        if re.search(r"\bbuild_program\(", module.read_text(encoding="utf-8"))
        and not module.is_relative_to(PACKAGE / "spec")
    )
    assert callers == ["pipeline.py"]


def test_no_test_module_imports_another() -> None:
    tests = Path(__file__).resolve().parent
    found = [
        f"{path.relative_to(tests)}: {line.strip()}"
        for path in sorted(tests.rglob("test_*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*(from|import) tests\.(\w+\.)*test_\w+", line)
    ]
    assert found == []
