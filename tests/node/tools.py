"""Node and the packages of tests/node/package.json, for the tests that check liftplan's
schemas with tools other than its own: ajv (a second validator) and yaml-language-server
(what editors make of the schemas).

The packages are installed with `npm ci` from the committed package-lock.json, so every
run gets the same versions, into a cache folder outside the checkout (by default
~/.cache/liftplan/node-<hash of the lock>; LIFTPLAN_NODE_CACHE moves it). The install
happens once per lock file, under a file lock, since test workers may ask at once.

Without Node, npm or the registry the tests skip, except under CI, where .ci/run installs
Node and npm and a missing tool is a failure rather than a silent pass.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

from tests.support.browser import unavailable

HERE = Path(__file__).resolve().parent
LOCK_FILES = ("package.json", "package-lock.json")
# The oldest Node the pinned packages are run with (Debian 12's nodejs is 18).
OLDEST_NODE = 18
INSTALL_SECONDS = 600


def node() -> str:
    """The path of `node`, new enough, or a skip (a failure under CI)."""
    found = shutil.which("node")
    if found is None:
        unavailable("no node on PATH (apt-get install nodejs npm)")
    version = subprocess.run(
        [found, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    major = re.match(r"v(\d+)\.", version)
    if major is None or int(major.group(1)) < OLDEST_NODE:
        unavailable(f"node {version or '(unknown version)'} is older than {OLDEST_NODE}")
    return found


def cache_root() -> Path:
    configured = os.environ.get("LIFTPLAN_NODE_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "liftplan"


@cache
def modules() -> Path:
    """The node_modules folder of the pinned packages, installed if it is not there yet."""
    node()
    digest = hashlib.sha256(b"".join((HERE / name).read_bytes() for name in LOCK_FILES))
    folder = cache_root() / f"node-{digest.hexdigest()[:16]}"
    stamp = folder / ".installed"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not stamp.is_file():
            _install(folder)
            stamp.touch()
    return folder / "node_modules"


def _install(folder: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        unavailable("no npm on PATH (apt-get install npm)")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in LOCK_FILES:
        shutil.copyfile(HERE / name, folder / name)
    command = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    try:
        done = subprocess.run(
            command,
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=INSTALL_SECONDS,
        )
    except subprocess.TimeoutExpired:
        unavailable(f"npm ci in {folder} took over {INSTALL_SECONDS} s")
    if done.returncode != 0:
        unavailable(f"npm ci in {folder} failed: {done.stderr.strip()[-2000:]}")


def validate_with_ajv(job: dict[str, Any]) -> dict[str, Any]:
    """Run tests/node/validate.js on `job` (see its header): each document's verdicts, and
    the count of mutants with the ones the two forms of a schema disagree on."""
    env = {**os.environ, "NODE_PATH": str(modules())}
    done = subprocess.run(
        [node(), str(HERE / "validate.js")],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def language_server() -> list[str]:
    """The command that starts yaml-language-server on stdio."""
    server = modules() / "yaml-language-server" / "bin" / "yaml-language-server"
    return [node(), str(server), "--stdio"]
