"""`liftplan serve` end to end: a real server process, real files changed on disk, pages
fetched over HTTP and, in a real Chromium, reloading by themselves; and the server held
against what a browser or a hostile page may send it, in raw bytes over real sockets."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.build.build import build
from generator.build.config import Settings
from generator.build.serve import PREFIX, Hosts, Options, Watched, served
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
        found = re.fullmatch(r"serving (http://[\d.]+:\d+/) \(Ctrl\+C to stop\)", line)
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
    # no output folder: only the cache it keeps beside where the output would go
    assert sorted(path.name for path in workspace.iterdir()) == [".output.serve-cache", "programs"]


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


def test_a_restart_renders_only_what_changed_meanwhile(workspace: Path) -> None:
    """The cache outlives the server, beside the output folder: started again, it renders
    nothing that has not changed, and the pages are the same bytes."""
    first = start(workspace, "programs")
    page = first.get(OVERVIEW)
    assert stop(first) == 0
    assert any(line.startswith("rebuilt home-dumbbells in ") for line in first.log())
    assert (workspace / ".output.serve-cache").is_dir()
    second = start(workspace, "programs")
    try:
        assert any(line.startswith("nothing to rebuild in ") for line in second.log())
        assert second.get(OVERVIEW) == page
        edit(workspace / "programs" / SPEC, "title: Home strength", "title: Changed")
    finally:
        stop(second)
    third = start(workspace, "programs")
    try:
        assert any(line.startswith("rebuilt home-dumbbells in ") for line in third.log())
        assert "Changed" in title(third.get(OVERVIEW)[1])
    finally:
        stop(third)


def test_without_a_cache_nothing_is_kept(workspace: Path) -> None:
    running = start(workspace, "programs", "--no-cache")
    assert stop(running) == 0
    assert sorted(path.name for path in workspace.iterdir()) == ["programs"]


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


def test_a_save_before_the_watch_began_is_found_by_the_snapshot(tmp_path: Path) -> None:
    """The first build runs before the watcher starts; what it read is noted, so that a
    save in between (a spec, a log, a template, the config) still builds again."""
    specs, templates, other = tmp_path / "specs", tmp_path / "templates", tmp_path / "other"
    for folder in (specs / "deep", templates, other):
        folder.mkdir(parents=True)
    spec, log = specs / "a.yaml", specs / "deep" / "b.log.yaml"
    for path in (spec, log, templates / "week.html", other / "site.yaml", other / "x.yaml"):
        path.write_text("one\n")
    watched = Watched((specs,), (templates,), (other / "site.yaml",))
    before = watched.snapshot()
    assert set(before) == {spec, log, templates / "week.html", other / "site.yaml"}
    (specs / "notes.txt").write_text("not ours\n")
    (other / "x.yaml").write_text("not watched\n")
    assert watched.snapshot() == before
    for changed in (
        lambda: spec.write_text("one, longer\n"),
        log.unlink,
        lambda: (specs / "new.yml").write_text("n\n"),
        lambda: (templates / "week.html").write_text("two, longer\n"),
        lambda: (other / "site.yaml").write_text("title: longer\n"),
    ):
        changed()
        assert watched.snapshot() != before
        before = watched.snapshot()


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


# The server held against what a browser or a hostile page may send it: raw requests
# over real sockets, so nothing in between tidies them up.


def connect(url: str) -> socket.socket:
    address = urllib.parse.urlsplit(url)
    return socket.create_connection((address.hostname, address.port), timeout=10)


def exchange(url: str, request: bytes) -> bytes:
    """Send raw bytes to the server and read its answer until it closes the connection
    (b"" if it dropped the connection without a word)."""
    with connect(url) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
        return received


def status(url: str, target: bytes, host: bytes | None = b"127.0.0.1") -> int:
    """The status of a GET for the raw target with that Host header (None: no Host at
    all), or 0 if the server dropped the connection."""
    header = b"" if host is None else b"Host: " + host + b"\r\n"
    answer = exchange(url, b"GET " + target + b" HTTP/1.1\r\n" + header + b"\r\n")
    return int(answer.split(b" ", 2)[1]) if answer else 0


def reset(connection: socket.socket) -> None:
    """Drop the connection with a reset, as a browser does with a tab it closes."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


def tracebacks(server: Server) -> list[str]:
    """The exceptions the server printed, by their last line (`ValueError: ...`)."""
    return [line for line in server.log() if re.match(r"\w+(Error|Exception)\b", line)]


def test_a_path_that_cannot_be_mapped_safely_is_a_400(server: Server) -> None:
    """A NUL once reached open() and dropped the connection with a traceback."""
    bad = [
        b"/%00",
        b"/home-dumbbells/index.html%00.png",
        b"/\x00",
        b"/%ff",  # not UTF-8
        b"/%zz",
        b"/index.html%2",
        b"/%1b[2J",  # a terminal escape
        b"/" + b"a" * 300,  # a name too long for the filesystem
        b"/" + b"a" * 300 + b"/",
        b"http://evil.example/index.html",  # not a path at all
    ]
    assert {target: status(server.url, target) for target in bad} == dict.fromkeys(bad, 400)
    # Climbing out is still a plain 404: the handler drops the dots, and serves nothing.
    assert status(server.url, b"/../../../../etc/passwd") == 404
    assert status(server.url, b"/%2e%2e/%2e%2e/%2e%2e/etc/passwd") == 404
    assert status(server.url, b"/" + OVERVIEW.encode()) == 200
    assert status(server.url, b"/home-dumbbells/%69ndex.html") == 200
    assert tracebacks(server) == []


def test_only_local_host_names_are_served(server: Server) -> None:
    """A page on another site that points its name at 127.0.0.1 (DNS rebinding) reaches
    the server with its own name in the Host header, and is refused."""
    port = server.url.rsplit(":", 1)[1].strip("/").encode()
    page = b"/" + OVERVIEW.encode()
    served = [b"localhost", b"localhost:" + port, b"LocalHost", b"127.0.0.1:" + port]
    served += [b"[::1]", b"[::1]:" + port]
    assert {host: status(server.url, page, host) for host in served} == dict.fromkeys(served, 200)
    refused = [b"evil.example", b"evil.example:" + port, b"localhost.evil.example", b"127.0.0.2"]
    assert {host: status(server.url, page, host) for host in refused} == dict.fromkeys(refused, 403)
    malformed = [None, b"", b"::1", b"[::1", b"localhost:http", b"local host"]
    assert {host: status(server.url, page, host) for host in malformed} == dict.fromkeys(
        malformed, 400
    )
    two = exchange(server.url, b"GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n")
    assert two.startswith(b"HTTP/1.0 400 ")
    answer = exchange(server.url, b"GET " + page + b" HTTP/1.1\r\nHost: evil.example\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 403 Host not allowed")
    assert b"answers only to localhost" in answer
    assert b"Home strength" not in answer
    assert status(server.url, f"{PREFIX}wait?since=0".encode(), b"evil.example") == 403


def test_the_address_it_is_told_to_listen_on_is_served_too(workspace: Path) -> None:
    """`--host` names another address to listen on: that address is a local host too."""
    running = start(workspace, "programs", "--host", "127.0.0.2")
    try:
        assert running.url.startswith("http://127.0.0.2:")
        port = running.url.rsplit(":", 1)[1].strip("/").encode()
        for host, expected in [(b"127.0.0.2:" + port, 200), (b"localhost", 200)]:
            assert status(running.url, b"/", host) == expected
        assert status(running.url, b"/", b"evil.example:" + port) == 403
    finally:
        stop(running)


def test_listening_on_every_interface_takes_any_address_but_no_other_name() -> None:
    """Told to listen on 0.0.0.0, the author means to open the preview from another machine,
    by address: any address passes then, and still no name but localhost."""
    every = Hosts.listening_on("0.0.0.0", "0.0.0.0")
    assert every.refusal(["192.168.1.5:8000"]) is None
    assert every.refusal(["[fe80::1]"]) is None
    assert every.refusal(["localhost:8000"]) is None
    assert every.refusal(["evil.example:8000"]) is not None
    named = Hosts.listening_on("preview.lan", "192.168.1.5")
    assert named.refusal(["preview.lan:8000"]) is None
    assert named.refusal(["192.168.1.5"]) is None
    assert named.refusal(["192.168.1.6"]) is not None


def test_a_client_that_goes_away_leaves_no_traceback(server: Server, workspace: Path) -> None:
    """Closing a tab drops its connections, often while its page waits for the next build:
    the answer then meets a closed socket. None of it is worth a traceback."""
    silent = connect(server.url)
    time.sleep(0.2)
    reset(silent)  # before sending a byte
    halfway = connect(server.url)
    halfway.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    time.sleep(0.2)
    reset(halfway)  # in the middle of the headers
    _status, body = server.get(OVERVIEW)
    found = re.search(r"var seen = (\d+);", body)
    assert found is not None
    wait = f"GET {PREFIX}wait?since={found[1]} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    waiting = [connect(server.url) for _ in range(2)]
    for connection in waiting:
        connection.sendall(wait.encode())
    time.sleep(0.5)
    # Two tabs are closed while their pages wait for the next build: one resets its
    # connection, the other closes it in order (the answer's second write then breaks).
    reset(waiting[0])
    waiting[1].close()
    edit(workspace / "programs" / SPEC, "title: Home strength", "title: Garage strength")
    server.until(OVERVIEW, lambda page: "Garage strength" in title(page))
    time.sleep(1.0)  # the waiting request has been answered, into the closed socket
    assert tracebacks(server) == []
    assert server.process.poll() is None


def test_a_silent_connection_is_closed_after_the_idle_time(
    workspace: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A connection that sends nothing is closed after the idle time; a page waiting for
    the next build is not, since it is the server that is silent then. The server runs
    in this process, the one way to give it an idle time short enough for a test."""
    said: list[str] = []
    options = Options(Settings((str(workspace / "programs"),), formats=("html",)))
    with served(options, "127.0.0.1", 0, said.append, idle_seconds=0.5) as url:
        with connect(url) as silent:
            started = time.monotonic()
            assert silent.recv(1) == b""  # closed by the server, not timed out here
            assert 0.4 < time.monotonic() - started < 5
        with urllib.request.urlopen(url + OVERVIEW, timeout=10) as response:
            body = response.read().decode("utf-8")
        found = re.search(r"var seen = (\d+);", body)
        assert found is not None
        answers: list[str] = []

        def wait() -> None:
            address = f"{url}{PREFIX[1:]}wait?since={found[1]}"
            with urllib.request.urlopen(address, timeout=PATIENCE) as answer:
                answers.append(answer.read().decode("ascii"))

        waiter = threading.Thread(target=wait)
        waiter.start()
        time.sleep(1.5)  # three idle times
        edit(workspace / "programs" / SPEC, "title: Home strength", "title: Garage strength")
        waiter.join(PATIENCE)
        assert answers == [str(int(found[1]) + 1)]
    assert "Traceback" not in capfd.readouterr().err
