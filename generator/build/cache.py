"""The build cache: each program's rendered files, kept under the content of what made them.

A coach rebuilds a hundred plans a week and an author rebuilds one on every save; most
programs have not changed since the last build, and rendering them again (above all
laying out their PDFs) is the expensive part. So every format of every program is
stored under a key that hashes exactly the inputs that format depends on:

* every format: liftplan's own code and schemas, the spec's path and bytes, and the
  bytes of its training log (or that it has none);
* what the format declares in generator.publish.formats: of the templates (built-in
  and the user's folder, every file, and the Jinja2 version), the base URL, which
  formats are built (the overview links to them) and the page size, those it is made
  from, and the versions of the libraries that make its bytes (the PDF's WeasyPrint);
* a format made over the previous build's file (a calendar feed continues its SEQUENCE
  numbers) is used from the cache only when that file is the one it was made from or
  the one it made (rendering an unchanged plan over its own feed gives the same bytes).

A change to any input changes the key of exactly the formats it affects. Nothing is
keyed by time. An entry is written whole into a temporary folder and renamed into
place, so a reader never sees half of one, and after a successful build the entries it
did not use are removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from typing import Any

from generator.files import shared_copy
from generator.pipeline import Sources
from generator.publish.formats import Covered, Format, named
from generator.resources import data_dir

# The package folder: every module of liftplan is part of every key.
_PACKAGE = Path(__file__).resolve().parents[1]
ENTRY = "entry.json"
FILES = "files"
# Bumped when the layout of an entry changes, so an old cache is simply not found.
LAYOUT = "1"


def digest(*parts: bytes | str | None) -> str:
    """One hash of several parts, each length-prefixed so no two sequences collide."""
    hasher = hashlib.sha256()
    for part in parts:
        if part is None:
            hasher.update(b"-")
            continue
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(b"%d:" % len(data))
        hasher.update(data)
    return hasher.hexdigest()


def folder_digest(folder: Path) -> str:
    """Every file under `folder`, by its relative name and bytes."""
    parts: list[bytes | str] = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


@cache
def code_digest() -> str:
    """liftplan itself: its version, its code and its schemas (once per process)."""
    sources = sorted(_PACKAGE.rglob("*.py"))
    parts: list[bytes | str] = [LAYOUT, _version("liftplan")]
    for path in sources:
        parts += [path.relative_to(_PACKAGE).as_posix(), path.read_bytes()]
    return digest(*parts, folder_digest(data_dir("schemas")))


def templates_digest(user_templates: Path | None) -> str:
    """The templates a page is rendered from: the user's folder, then the built-in ones.

    Read afresh by every build (templates change while `serve` runs), once per build.
    """
    user = folder_digest(user_templates) if user_templates is not None else None
    return digest(user, folder_digest(data_dir("templates")), _version("jinja2"))


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled checkout
        return "unknown"


@dataclass(frozen=True)
class Recipe:
    """How the formats are rendered: everything but the program's own files."""

    formats: tuple[str, ...]
    templates: Path | None
    base_url: str | None
    page_size: str
    templates_key: str
    title: str | None = None

    @classmethod
    def of(
        cls,
        formats: Sequence[str],
        templates: Path | None,
        base_url: str | None,
        page_size: str,
        title: str | None = None,
    ) -> Recipe:
        digest = templates_digest(templates)
        return cls(tuple(formats), templates, base_url, page_size, digest, title)


def format_keys(inputs: Sources, recipe: Recipe) -> dict[str, str]:
    """Each format's key: a hash of exactly the inputs that format depends on, as the
    format declares them."""
    program = digest(code_digest(), inputs.spec, inputs.spec_bytes, inputs.log_bytes)
    return {name: digest(program, name, *_covered(named(name), recipe)) for name in recipe.formats}


def _covered(form: Format, recipe: Recipe) -> list[str | None]:
    """What of the recipe and the libraries a format's key covers, in its declared order."""
    values: dict[Covered, str | None] = {
        "templates": recipe.templates_key,
        "base_url": recipe.base_url,
        "formats": ",".join(recipe.formats),
        "page_size": recipe.page_size,
        "title": recipe.title,
    }
    return [values[part] for part in form.covers] + [_version(name) for name in form.versions]


@dataclass(frozen=True)
class Entry:
    """One format of one program as stored: its files, and what the build reports about it."""

    key: str
    folder: Path
    files: tuple[str, ...]
    meta: dict[str, Any]

    def path(self, relative: str) -> Path:
        return self.folder / FILES / PurePosixPath(relative)


class Cache:
    """Entries in a folder, one sub-folder per key."""

    def __init__(self, folder: Path, *, link: bool = False) -> None:
        self.folder = folder
        self.link = link  # entries share the built files by hard link (serve's private site)

    def get(self, key: str) -> Entry | None:
        """The entry stored under `key`, or None (a damaged entry counts as none)."""
        folder = self.folder / key
        try:
            stored = json.loads((folder / ENTRY).read_text(encoding="utf-8"))
            files = tuple(stored["files"])
            meta = stored["meta"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        entry = Entry(key, folder, files, meta)
        if not all(entry.path(relative).is_file() for relative in files):
            return None
        return entry

    def put(self, key: str, files: Mapping[str, Path], meta: Mapping[str, Any]) -> None:
        """Store an entry whole (copies of `files`, by their paths from the site's root),
        or not at all; an entry already there is kept."""
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=self.folder, prefix=".new-"))
        try:
            for relative, source in files.items():
                target = staging / FILES / PurePosixPath(relative)
                target.parent.mkdir(parents=True, exist_ok=True)
                shared_copy(source, target, link=self.link)
            record = {"files": sorted(files), "meta": dict(meta)}
            (staging / ENTRY).write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
            target = self.folder / key
            if target.exists():
                shutil.rmtree(target, ignore_errors=True)
            os.rename(staging, target)
        except OSError:
            # A cache that cannot be written only costs time on the next build.
            shutil.rmtree(staging, ignore_errors=True)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    def drop_unfinished(self) -> None:
        """Remove the entries still being written: a worker stopped in the middle of one
        (an interrupted build terminates its workers) cannot clean up after itself."""
        if self.folder.is_dir():
            for child in self.folder.glob(".new-*"):
                shutil.rmtree(child, ignore_errors=True)

    def keep_only(self, keys: Iterable[str]) -> None:
        """Remove every entry but these (and any half-written leftovers)."""
        if not self.folder.is_dir():
            return
        wanted = set(keys)
        for child in self.folder.iterdir():
            if child.name not in wanted:
                shutil.rmtree(child, ignore_errors=True)


def default_serve_cache(output: Path) -> Path:
    """Where `serve` keeps its cache between runs: beside the output too, apart from the
    build's (serve builds no PDF by default, and each keeps only what it last used).

    >>> default_serve_cache(Path("output")).as_posix()
    '.output.serve-cache'
    """
    return output.parent / f".{output.name}.serve-cache"


def default_cache(output: Path) -> Path:
    """Where a build into `output` keeps its cache: beside it, hidden, so it is never
    published with the site.

    >>> default_cache(Path("site/output")).as_posix()
    'site/.output.cache'
    """
    return output.parent / f".{output.name}.cache"
