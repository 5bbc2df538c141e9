"""`liftplan serve` end to end: a real server process, real files changed on disk, pages
fetched over HTTP and, in a real Chromium, reloading by themselves."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.build.build import build
from generator.build.config import Settings
from generator.build.serve import PREFIX, Watched
from tests.support.files import edit
from tests.support.paths import PROGRAMS

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SPEC = "home-dumbbells.yaml"
# Everything is local: waiting this long means the server missed a change.
PATIENCE = 30.0


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    lines: queue.Queue[str]
    said: list[str] = field(default_factory=list)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""

    def until(self, path: str, wanted: Callable[[str], bool]) -> str:
        """The page at `path` once it satisfies `wanted` (the server rebuilds on its own)."""
        deadline = time.monotonic() + PATIENCE
        while True:
            _status, body = self.get(path)
            if wanted(body):
                return body
            if time.monotonic() > deadline:
                raise AssertionError(f"{path} never changed as expected; server said {self.log()}")
            time.sleep(0.1)

    def log(self) -> list[str]:
        while True:
            try:
                self.said.append(self.lines.get_nowait())
            except queue.Empty:
                return self.said


def start(folder: Path, *args: str, env: dict[str, str] | None = None) -> Server:
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", *args, "--port", "0"],
        cwd=folder,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    said = []
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            if process.poll() is not None:
                break
            continue
        said.append(line)
        found = re.fullmatch(r"serving (http://127\.0\.0\.1:\d+/) \(Ctrl\+C to stop\)", line)
        if found:
            return Server(process, found[1], lines, said)
    process.kill()
    raise AssertionError(f"the server did not start: {said}")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    (folder / "programs").mkdir(parents=True)
    shutil.copy(PROGRAMS / SPEC, folder / "programs" / SPEC)
    return folder


@pytest.fixture
def server(workspace: Path) -> Iterator[Server]:
    running = start(workspace, "programs")
    yield running
    stop(running)


def stop(server: Server) -> int:
    server.process.send_signal(signal.SIGTERM)
    return server.process.wait(timeout=PATIENCE)


def title(body: str) -> str:
    found = re.search(r"<title>(.*?)</title>", body)
    return found[1] if found else ""


OVERVIEW = "home-dumbbells/index.html"


def test_a_change_to_the_spec_changes_the_page_a_broken_spec_shows_its_errors_and_a_fix_recovers(
    server: Server, workspace: Path
) -> None:
    spec = workspace / "programs" / SPEC
    status, body = server.get(OVERVIEW)
    assert status == 200
    assert title(body) == "Home strength with dumbbells and kettlebells"

    edit(spec, "title: Home strength", "title: Garage strength")
    body = server.until(OVERVIEW, lambda page: "Garage strength" in title(page))

    edit(spec, "days: [tue, thu, sat]", "days: [tue, thu, someday]")
    error = "programs/home-dumbbells.yaml:42:20: schedule.days[2]: &#x27;someday&#x27; is not one"
    broken = server.until(OVERVIEW, lambda page: error in page)
    assert title(broken) == "Build failed - liftplan"
    assert server.until("index.html", lambda page: error in page)
    assert any(
        line.startswith("programs/home-dumbbells.yaml:42:20: schedule.days[2]: 'someday'")
        for line in server.log()
    )

    edit(spec, "days: [tue, thu, someday]", "days: [tue, thu, sat]")
    server.until(OVERVIEW, lambda page: "Garage strength" in title(page))
    assert server.process.poll() is None
    assert sorted(path.name for path in workspace.iterdir()) == ["programs"]


def test_a_new_training_log_is_re_planned_into_the_pages(server: Server, workspace: Path) -> None:
    week = "home-dumbbells/week-01.html"
    _status, before = server.get(week)
    assert "Done" not in before
    (workspace / "programs" / "home-dumbbells.log.yaml").write_text(
        "program: home-dumbbells\nsessions:\n  - date: '2027-06-08'\n"
        "    done:\n      goblet_squat: 12@20 12@20 12@20\n",
        encoding="utf-8",
    )
    server.until(week, lambda page: "12 @ 20" in page and "Done" in page)


def test_served_pages_are_the_built_pages_with_the_reload_script(
    server: Server, workspace: Path, tmp_path: Path
) -> None:
    built = tmp_path / "built"
    build(Settings([str(workspace / "programs")], built, ("html", "ics", "json", "csv")))
    for relative in ("index.html", OVERVIEW, "home-dumbbells/week-03.html"):
        _status, served = server.get(relative)
        script = re.search(r"<script>.*?</script>\n", served, re.DOTALL)
        assert script is not None
        assert f"{PREFIX}wait" in script[0]
        assert served.replace(script[0], "") == (built / relative).read_text(encoding="utf-8")
    _status, data = server.get("home-dumbbells/plan.json")
    assert data == (built / "home-dumbbells" / "plan.json").read_text(encoding="utf-8")
    # PDFs only when asked for; no folder listings; nothing outside the site.
    assert server.get("home-dumbbells/plan.pdf")[0] == 404
    assert server.get("home-dumbbells/")[0] == 200
    assert server.get("assets/")[0] == 404
    assert server.get("../../../etc/passwd")[0] == 404


def test_a_page_waiting_for_a_build_hears_of_it(server: Server, workspace: Path) -> None:
    _status, body = server.get(OVERVIEW)
    found = re.search(r"var seen = (\d+);", body)
    assert found is not None
    seen = int(found[1])
    answers: list[str] = []
    waiter = threading.Thread(
        target=lambda: answers.append(server.get(f"{PREFIX[1:]}wait?since={seen}")[1])
    )
    waiter.start()
    time.sleep(0.5)
    assert answers == []  # no build yet: the request is held
    edit(workspace / "programs" / SPEC, "title: Home strength", "title: Garage strength")
    waiter.join(PATIENCE)
    assert answers == [str(seen + 1)]


def test_the_pdf_is_built_when_asked_for(workspace: Path) -> None:
    running = start(workspace, "programs", "--pdf")
    try:
        status, _body = running.get("home-dumbbells/index.html")
        assert status == 200
        with urllib.request.urlopen(running.url + "home-dumbbells/plan.pdf", timeout=10) as pdf:
            assert pdf.read(5) == b"%PDF-"
    finally:
        stop(running)


def test_a_changed_template_rebuilds_the_pages(workspace: Path) -> None:
    mine = workspace / "templates"
    mine.mkdir()
    (mine / "week.html").write_text(
        '{% extends "liftplan/week.html" %}{% block header %}First mark{% endblock %}',
        encoding="utf-8",
    )
    running = start(workspace, "programs", "--templates", "templates")
    try:
        running.until("home-dumbbells/week-01.html", lambda page: "First mark" in page)
        (mine / "week.html").write_text(
            '{% extends "liftplan/week.html" %}{% block header %}Second mark{% endblock %}',
            encoding="utf-8",
        )
        running.until("home-dumbbells/week-01.html", lambda page: "Second mark" in page)
    finally:
        stop(running)


def test_a_config_that_names_other_programs_is_watched_anew(workspace: Path) -> None:
    """The watch follows the config file: once it names another folder, saves there are
    seen (the folders watched were once read only at start)."""
    other = workspace / "other"
    other.mkdir()
    shutil.copy(PROGRAMS / "hip-thrust-12wk.yaml", other / "hip-thrust-12wk.yaml")
    config = workspace / "site.yaml"
    config.write_text("programs: [programs]\nformats: [html]\n", encoding="utf-8")
    running = start(workspace, "--config", "site.yaml")
    try:
        running.until("index.html", lambda page: "home-dumbbells/index.html" in page)
        config.write_text("programs: [other]\nformats: [html]\n", encoding="utf-8")
        running.until("index.html", lambda page: "hip-thrust-12wk/index.html" in page)
        edit(other / "hip-thrust-12wk.yaml", "title: Hip thrust progression", "title: Renamed")
        running.until("hip-thrust-12wk/index.html", lambda page: "Renamed, 12 weeks" in page)
        assert any(line.startswith("watching ") for line in running.log())
    finally:
        stop(running)


def test_stopping_the_server_removes_its_folder(workspace: Path, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    running = start(workspace, "programs", env={**os.environ, "TMPDIR": str(scratch)})
    assert [path.name[:15] for path in scratch.iterdir()] == ["liftplan-serve-"]
    assert stop(running) == 0
    assert list(scratch.iterdir()) == []
    assert running.log()[-1] == "stopped"


def test_a_port_in_use_is_a_clear_error(workspace: Path) -> None:
    running = start(workspace, "programs")
    try:
        port = running.url.rsplit(":", 1)[1].strip("/")
        second = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "programs", "--port", port],
            cwd=workspace,
            capture_output=True,
            text=True,
            timeout=PATIENCE,
            check=False,
        )
        assert second.returncode == 1
        assert second.stderr == (
            f"liftplan: error: cannot serve on 127.0.0.1:{port}: Address already in use\n"
        )
    finally:
        stop(running)


def test_the_watch_filter_takes_specs_logs_templates_and_the_config_only(tmp_path: Path) -> None:
    specs, templates = tmp_path / "specs", tmp_path / "templates"
    single = tmp_path / "other" / "a.yaml"
    watched = Watched((specs,), (templates,), (single, tmp_path / "other" / "a.log.yaml"))
    added = 1  # watchfiles.Change.added
    assert watched(added, str(specs / "x.yaml"))
    assert watched(added, str(specs / "deep" / "x.log.yaml"))
    assert not watched(added, str(specs / "serve.log"))
    assert not watched(added, str(specs / ".x.yaml.swp"))
    assert watched(added, str(templates / "assets" / "style.css"))
    assert watched(added, str(single))
    assert watched(added, str(tmp_path / "other" / "a.log.yaml"))
    assert not watched(added, str(tmp_path / "other" / "b.yaml"))
    assert watched.roots == []  # none of them exists yet
    specs.mkdir()
    single.parent.mkdir()
    assert watched.roots == [single.parent, specs]


def test_an_open_page_reloads_itself_after_a_save(
    server: Server,
    workspace: Path,
    browser: Browser,
) -> None:
    context = browser.new_context()
    context.set_default_timeout(PATIENCE * 1000)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(server.url + OVERVIEW)
    assert page.title() == "Home strength with dumbbells and kettlebells"
    edit(workspace / "programs" / SPEC, "title: Home strength", "title: Garage strength")
    page.wait_for_function("document.title.startsWith('Garage strength')")
    edit(workspace / "programs" / SPEC, "days: [tue, thu, sat]", "days: [tue, thu, someday]")
    page.wait_for_function("document.title === 'Build failed - liftplan'")
    assert "someday" in page.inner_text("main")
    edit(workspace / "programs" / SPEC, "days: [tue, thu, someday]", "days: [tue, thu, sat]")
    page.wait_for_function("document.title.startsWith('Garage strength')")
    assert errors == []
    context.close()
