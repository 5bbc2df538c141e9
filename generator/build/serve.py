"""`liftplan serve`: the author's loop. Build, serve on localhost, rebuild on every save.

The site is built into a temporary folder (never the output folder) with a build cache
of its own, kept between runs beside the output folder (`.output.serve-cache`), so a
save rebuilds only the programs whose inputs changed and a restart only what changed
meanwhile. The standard library's threaded HTTP server serves it; every HTML page it
sends carries a small script that waits on `/__liftplan__/wait` and reloads the page
when a build finishes. watchfiles watches the specs, their training logs, the templates
and the config file. A build that fails leaves the last good site in place; every page
then shows the errors, located as on the command line, until a save fixes them.

The server answers only to local host names (so a web page cannot reach it through DNS
rebinding), refuses request paths it cannot map safely with 400, says nothing when a
browser hangs up, and closes connections that stay silent.
"""

from __future__ import annotations

import html
import ipaddress
import re
import shutil
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, unquote_to_bytes

from generator.build.build import build
from generator.build.config import Settings, load_settings
from generator.errors import LiftplanError
from generator.forked import default_jobs
from generator.pipeline import SPEC_SUFFIXES
from generator.publish.templates import template_location

PREFIX = "/__liftplan__/"
# How long a page's request for the next build waits before it asks again.
WAIT_SECONDS = 20.0
# How long to wait for the watcher to start before serving anyway.
WATCH_START_SECONDS = 10.0
# How often the server looks whether it is asked to stop (the standard library's 0.5 s made
# every stop wait half a second).
SHUTDOWN_POLL = 0.05
# How long a connection may send nothing before it is closed (a page's wait for the next
# build is the server's silence, not the browser's, and is not cut short by this).
IDLE_SECONDS = 30.0
# The names every preview answers to, whatever address it listens on.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
HOST_REFUSED = "liftplan serve answers only to localhost and the address it listens on."
PATH_REFUSED = "The path has a control character, a bad %-escape or cannot be a file name."
RELOAD_SCRIPT = """<script>
(function () {
  var seen = %d;
  function wait() {
    fetch("%swait?since=" + seen, {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (text) {
        if (Number(text) !== seen) { location.reload(); } else { wait(); }
      })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
</script>
"""

Report = Callable[[str], None]


@dataclass
class Site:
    """What is being served: the last good build, and the errors of the latest one."""

    folder: Path
    generation: int = 0
    errors: tuple[str, ...] = ()
    changed: threading.Condition = field(default_factory=threading.Condition)

    def finished(self, errors: Sequence[str]) -> None:
        """A build is over: wake every page waiting for one."""
        with self.changed:
            self.generation += 1
            self.errors = tuple(errors)
            self.changed.notify_all()

    def wait(self, since: int, timeout: float) -> int:
        """The generation after `since`, or `since` again if none came within `timeout`."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != since, timeout)
            return self.generation


@dataclass(frozen=True)
class Options:
    """What `serve` was told; the config file, if any, is read again on every build."""

    settings: Settings
    config: str | None = None
    pdf: bool = False
    # Programs built at once. None: the first build (before any thread runs) takes every
    # core, and the rebuilds one, since forking a process that runs threads is not safe.
    jobs: int | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    # The build cache, kept between runs so a restart renders only what changed meanwhile
    # (None: a temporary one, removed at the end).
    cache: str | None = None

    def current(self) -> Settings:
        settings = load_settings(self.config) if self.config else self.settings
        settings = settings.overridden(**self.overrides)
        formats = tuple(name for name in settings.formats if self.pdf or name != "pdf")
        if self.pdf and "pdf" not in formats:
            formats = (*formats, "pdf")
        return replace(settings, formats=formats or ("html",))


def rebuild(site: Site, options: Options, cache: Path, report: Report) -> None:
    """One build into the served folder; its errors are kept for the pages and printed."""
    from jinja2 import TemplateError

    from generator.build.writer import OutputError
    from generator.publish.pdf import PdfError

    started = time.perf_counter()
    errors: list[str] = []
    try:
        settings = options.current()
        chosen = replace(
            settings,
            output=str(site.folder),
            jobs=options.jobs or 1,
            cache=str(cache),
            private=True,
        )
        result = build(chosen)
    except LiftplanError as error:
        errors = [diagnostic.format() for diagnostic in error.diagnostics]
    except TemplateError as error:
        where, line = template_location(error)
        errors = [f"{where}:{line}:1: template error: {error.message}"]
    except (OutputError, PdfError, OSError) as error:
        errors = [f"liftplan: error: {error}"]
    elapsed = time.perf_counter() - started
    if errors:
        for message in errors:
            report(message)
        report(f"build failed in {elapsed:.1f} s; serving the last good build and the errors")
    else:
        for warning in result.warnings:
            report(warning.format())
        names = sorted({program for program, _ in result.rendered})
        made = f"rebuilt {', '.join(names)}" if names else "nothing to rebuild"
        report(f"{made} in {elapsed:.1f} s ({result.changed} files changed)")
    site.finished(errors)


@dataclass(frozen=True)
class Watched:
    """What a change to calls for a build: specs and logs under some folders, anything
    under the templates folders, and some files. Folders are watched rather than files,
    since editors often save by writing a new file and renaming it over the old one."""

    spec_folders: tuple[Path, ...]
    template_folders: tuple[Path, ...]
    files: tuple[Path, ...]

    @property
    def roots(self) -> list[Path]:
        folders = {*self.spec_folders, *self.template_folders, *(f.parent for f in self.files)}
        return sorted(folder for folder in folders if folder.is_dir())

    def snapshot(self) -> dict[Path, tuple[int, int]]:
        """Each watched file's modification time and size: what the first build was made
        from, to tell afterwards whether a save came before the watch began."""
        found: dict[Path, tuple[int, int]] = {}
        candidates = [*self.files]
        for folder in self.spec_folders:
            candidates += [p for p in folder.rglob("*") if p.suffix in SPEC_SUFFIXES]
        for folder in self.template_folders:
            candidates += folder.rglob("*")
        for path in candidates:
            try:
                status = path.stat()
            except OSError:
                continue  # gone, or never there (a log not yet written)
            if not stat.S_ISDIR(status.st_mode):
                found[path] = (status.st_mtime_ns, status.st_size)
        return found

    def __call__(self, change: Any, path: str) -> bool:
        """The watchfiles filter: is this one of ours (editors' temporary files aside)?"""
        from watchfiles import DefaultFilter

        if not DefaultFilter()(change, path):
            return False
        changed = Path(path)
        if changed in self.files:
            return True
        if changed.suffix in SPEC_SUFFIXES and _under(changed, self.spec_folders):
            return True
        return _under(changed, self.template_folders)


def _under(path: Path, folders: Sequence[Path]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def watched(options: Options) -> Watched:
    """The specs and their logs, the templates and the config file."""
    from generator.files import log_path

    try:
        settings = options.current()
    except LiftplanError:  # a broken config file: watch what the command line named
        settings = options.settings.overridden(**options.overrides)
    folders: list[Path] = []
    files: list[Path] = []
    for given in settings.programs:
        path = Path(given).resolve()
        if path.is_dir():
            folders.append(path)
        else:
            files += [path, log_path(path)]
    templates = (Path(settings.templates).resolve(),) if settings.templates else ()
    if options.config:
        files.append(Path(options.config).resolve())
    return Watched(tuple(folders), templates, tuple(files))


def watch(
    site: Site,
    options: Options,
    cache: Path,
    report: Report,
    events: tuple[threading.Event, threading.Event],
) -> None:
    """Rebuild after every batch of changes until the stop event is set.

    watchfiles says nothing when it has started watching, but with `yield_on_timeout`
    its first (empty) batch proves it has; that sets the ready event, so the server
    announces itself only once no save can be missed. A change to the config file can
    change what is watched (its `programs:` or `templates:`): the watch then starts
    again over the new folders, and the site is rebuilt once that watch is running.
    """
    from watchfiles import watch as watch_files

    ready, stop = events
    wanted = watched(options)
    pending = False  # a rebuild owed once the watch over new folders has started
    while not stop.is_set():
        for changes in watch_files(
            *wanted.roots,
            watch_filter=wanted,
            stop_event=stop,
            debounce=300,
            step=50,
            rust_timeout=50,
            yield_on_timeout=True,
        ):
            ready.set()
            if changes:
                names = sorted({Path(path).name for _change, path in changes})
                report(f"changed: {', '.join(names)}")
                now = watched(options)
                if now != wanted:
                    # Watch the new folders first, then build: a save made while the
                    # site was rebuilding would otherwise fall between the two watches.
                    wanted, pending = now, True
                    report(f"watching {', '.join(str(root) for root in wanted.roots)}")
                    break
            elif not pending:
                continue
            pending = False
            rebuild(site, options, cache, report)


def error_page(errors: Sequence[str], generation: int) -> bytes:
    """The page every HTML address shows while the latest build is broken."""
    items = "".join(f"<li><code>{html.escape(line)}</code></li>\n" for line in errors)
    text = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed - liftplan</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.5; }}
h1 {{ color: #a4161a; }}
code {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
</style>
</head>
<body>
<main>
<h1>Build failed</h1>
<p>The last build stopped at these errors. Fix them and save: this page reloads.</p>
<ul>
{items}</ul>
</main>
{RELOAD_SCRIPT % (generation, PREFIX)}</body>
</html>
"""
    return text.encode("utf-8")


# host or [IPv6 address], then an optional port: all a Host header may hold.
_HOST_HEADER = re.compile(r"(?:\[(?P<v6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9.-]+))(?::[0-9]{1,5})?")
# A request target in origin form: a slash, then printable ASCII only.
_ORIGIN_FORM = re.compile(r"/[\x21-\x7e]*")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def host_name(header: str) -> str | None:
    """The host a Host header names, in one spelling (lower case, an IP address as
    `ipaddress` writes it, IPv6 without brackets), or None if it is not host[:port]."""
    found = _HOST_HEADER.fullmatch(header.strip().lower())
    if found is None:
        return None
    if found["v6"] is not None:
        try:
            return str(ipaddress.IPv6Address(found["v6"]))
        except ValueError:
            return None
    try:
        return str(ipaddress.IPv4Address(found["name"]))
    except ValueError:
        return str(found["name"])


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Hosts:
    """The host names the preview answers to.

    A page on another site can make the browser send requests here by pointing its own
    name at 127.0.0.1 (DNS rebinding); such a request still carries that name in its Host
    header, so only local names pass: localhost, the loopback addresses and the address
    the server was told to listen on. Listening on every interface (0.0.0.0) is a choice
    to be reached from other machines, by address, so any IP address passes then, but
    still no other name.
    """

    names: frozenset[str]
    any_address: bool = False

    @classmethod
    def listening_on(cls, given: str, bound: str) -> Hosts:
        """The hosts for a server told to listen on `given` and bound to `bound`."""
        names = {host_name(_host(name)) for name in (given, bound) if name}
        wildcard = _is_address(bound) and ipaddress.ip_address(bound).is_unspecified
        return cls(frozenset(LOCAL_HOSTS | {name for name in names if name}), wildcard)

    def refusal(self, headers: list[str]) -> tuple[HTTPStatus, str, str] | None:
        """Why a request with these Host headers is refused (status, reason, a line for
        the page), or None if it is not."""
        if len(headers) != 1 or (name := host_name(headers[0])) is None:
            return HTTPStatus.BAD_REQUEST, "Bad Host header", "Send one Host: host[:port]."
        if name in self.names or (self.any_address and _is_address(name)):
            return None
        return HTTPStatus.FORBIDDEN, "Host not allowed", HOST_REFUSED


def request_path(target: str) -> str | None:
    """The file path a request target asks for, decoded, or None if it cannot be mapped
    safely: not a plain path, a broken or non-UTF-8 %-escape, or a control character
    (a NUL would reach the filesystem calls, which raise on it). A `..` is not refused
    here: the standard handler drops it, which keeps the request inside the site."""
    if _ORIGIN_FORM.fullmatch(target) is None:
        return None
    path = target.partition("?")[0].partition("#")[0]
    if _BAD_ESCAPE.search(path):
        return None
    try:
        decoded = unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(decoded) else decoded


class PreviewServer(ThreadingHTTPServer):
    """The standard threaded server, knowing its hosts and quiet when a client goes away.

    A closed tab or a reload drops a connection mid-request, often while a page waits
    for the next build: that is routine for a preview, and a traceback on the terminal
    would bury the build reports. Every other error still prints one.
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[PreviewHandler]) -> None:
        super().__init__(address, handler)
        self.hosts = Hosts.listening_on(address[0], str(self.server_address[0]))

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Print the traceback of a request that failed, unless its client went away."""
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves the site's folder, with the reload script added to pages.

    Requests are checked once their headers are read, before any method runs: a Host
    that is not local is refused, and so is a path that cannot be mapped safely. The
    socket times out after `timeout` seconds without a byte from the client. Each
    server gets its own subclass, naming its site and its idle time (`handler_for`).
    """

    site: ClassVar[Site]
    timeout: ClassVar[float] = IDLE_SECONDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(self.site.folder), **kwargs)

    def parse_request(self) -> bool:
        """Read the request line and headers, then refuse what must not reach a method:
        a Host that is not local, a path that cannot be mapped safely."""
        if not super().parse_request():
            return False
        assert isinstance(self.server, PreviewServer)
        refused = self.server.hosts.refusal(self.headers.get_all("Host", []))
        if refused is None and request_path(self.path) is None:
            refused = HTTPStatus.BAD_REQUEST, "Bad request path", PATH_REFUSED
        if refused is not None:
            self.send_error(*refused)
            return False
        return True

    def do_GET(self) -> None:
        path, _, query = self.path.partition("#")[0].partition("?")
        if path == f"{PREFIX}wait":
            self._wait(query)
            return
        if path == "/favicon.ico" and not (self.site.folder / "favicon.ico").is_file():
            # Browsers ask for one; the site has none, which is not an error.
            self.send_response(HTTPStatus.NO_CONTENT)
            self.end_headers()
            return
        if self.site.errors and _is_page(path):
            broken = error_page(self.site.errors, self.site.generation)
            self._send(broken, "text/html; charset=utf-8")
            return
        try:
            page = _page_at(Path(self.translate_path(self.path)))
        except OSError:  # a name too long for the filesystem, say
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request path", PATH_REFUSED)
            return
        if page is not None:
            script = (RELOAD_SCRIPT % (self.site.generation, PREFIX)).encode("utf-8")
            head, tail = _split_at_body_end(page.read_bytes())
            self._send(head + script + tail, "text/html; charset=utf-8")
            return
        super().do_GET()

    def list_directory(self, path: Any) -> None:
        self.send_error(HTTPStatus.NOT_FOUND, "No such page")

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _wait(self, query: str) -> None:
        try:
            since = int(parse_qs(query).get("since", ["0"])[0])
        except ValueError:
            since = 0
        generation = self.site.wait(since, WAIT_SECONDS)
        self._send(str(generation).encode("ascii"), "text/plain; charset=utf-8")

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not news; builds are, and those are reported."""


def handler_for(site: Site, idle_seconds: float = IDLE_SECONDS) -> type[PreviewHandler]:
    """The handler class for one server: its site, and how long a connection may idle."""

    class Handler(PreviewHandler):
        pass

    Handler.site = site
    Handler.timeout = idle_seconds
    return Handler


def _page_at(target: Path) -> Path | None:
    """The HTML page a path names (a folder names its index.html), if there is one."""
    if target.is_dir():
        target = target / "index.html"
    return target if target.suffix == ".html" and target.is_file() else None


def _is_page(path: str) -> bool:
    return path.endswith(("/", ".html"))


def _split_at_body_end(page: bytes) -> tuple[bytes, bytes]:
    """The page before and from its closing body tag, where the script goes."""
    at = page.rfind(b"</body>")
    return (page, b"") if at < 0 else (page[:at], page[at:])


@contextmanager
def served(
    options: Options,
    host: str,
    port: int,
    report: Report,
    idle_seconds: float = IDLE_SECONDS,
) -> Iterator[str]:
    """Build, then serve and watch until the block ends; yields the site's address.

    Everything lives in one temporary folder, removed at the end. `idle_seconds` is how
    long a connection may stay silent; tests shorten it.
    """
    work = Path(tempfile.mkdtemp(prefix="liftplan-serve-"))
    site = Site(work / "site")
    cache = Path(options.cache) if options.cache is not None else work / "cache"
    ready, stop = threading.Event(), threading.Event()
    try:
        server = PreviewServer((host, port), handler_for(site, idle_seconds))
        threads = [
            threading.Thread(
                target=watch,
                args=(site, options, cache, report, (ready, stop)),
                name="liftplan-watch",
                daemon=True,
            ),
            threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": SHUTDOWN_POLL},
                name="liftplan-http",
                daemon=True,
            ),
        ]
        # The first build comes before any thread starts, so it may fork workers for every
        # core. A save made before the watch begins is then found by comparing each
        # watched file with what the build read, and builds again.
        before = watched(options).snapshot()
        rebuild(site, replace(options, jobs=options.jobs or default_jobs()), cache, report)
        threads[0].start()
        ready.wait(WATCH_START_SECONDS)
        if watched(options).snapshot() != before:
            report("changed while the site was first built")
            rebuild(site, options, cache, report)
        threads[1].start()
        try:
            name, bound = server.server_address[:2]
            yield f"http://{_host(str(name))}:{bound}/"
        finally:
            stop.set()
            server.shutdown()
            server.server_close()
            for thread in threads:
                thread.join(timeout=5)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _host(name: str) -> str:
    return f"[{name}]" if ":" in name else name
