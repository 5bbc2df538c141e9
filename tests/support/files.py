"""Reading and changing folders the way the build tests need: a whole output as bytes, to
compare before and after, and an edit that must find what it replaces."""

from __future__ import annotations

from pathlib import Path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below the folder, by path relative to it, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file with `new`; a missing `old` fails the test, so an
    edit cannot silently change nothing."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
