"""The writer: the only stage that touches the output folder.

Each file is written to a temporary name beside it and renamed into place, so a
reader never sees half a file; a file whose bytes have not changed is left alone,
so rebuilds touch only what changed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath


def write_files(root: Path, files: Mapping[str, bytes]) -> list[str]:
    """Write `files` (relative POSIX paths -> bytes) under `root`; return the ones changed."""
    changed = []
    for relative in sorted(files):
        target = root / _safe(relative)
        data = files[relative]
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace(target, data)
        changed.append(relative)
    return changed


def _safe(relative: str) -> PurePosixPath:
    """A relative path inside the output folder (ids are checked; this is the backstop)."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return path


def _replace(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
