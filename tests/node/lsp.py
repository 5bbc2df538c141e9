"""A small Language Server Protocol client for yaml-language-server, enough to ask what an
editor would show: diagnostics, hover and completion for a YAML document.

It speaks JSON-RPC over the server's stdin and stdout (Content-Length framed messages). A
reader thread files each message: answers to our requests by id, notifications (the
server's diagnostics) by method. The server's own requests (its settings, progress) get
the answers an editor would give, with the schema store switched off so that nothing is
fetched from the network: the schema comes from the document's modeline.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tests.node.tools import language_server

SETTINGS = {
    "validate": True,
    "hover": True,
    "completion": True,
    "format": {"enable": False},
    "schemaStore": {"enable": False},
}
TIMEOUT = 30.0


class LanguageServer:
    """One running yaml-language-server, initialised, with the documents it was shown."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            language_server(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.answers: dict[int, queue.Queue[Any]] = {}
        self.diagnostics: dict[str, queue.Queue[list[dict[str, Any]]]] = {}
        self.lock = threading.Lock()
        self.last_id = 0
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        capabilities = {
            "textDocument": {
                "hover": {"contentFormat": ["markdown"]},
                "completion": {
                    "completionItem": {"snippetSupport": True, "documentationFormat": ["markdown"]}
                },
            },
            "workspace": {"configuration": True},
        }
        self.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": capabilities},
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": SETTINGS}})

    # -- what a test asks ---------------------------------------------------------------------

    def open(self, documents: dict[Path, str]) -> dict[Path, list[dict[str, Any]]]:
        """Show the server documents (they need not exist on disk: the text is sent), all
        at once since it waits a moment before checking each, and return the diagnostics
        it publishes for each. A path is opened once: a test that changes a text opens it
        at a path of its own."""
        waiting = {}
        for path, text in documents.items():
            uri = path.as_uri()
            with self.lock:
                assert uri not in self.diagnostics, f"{path} is open already"
                waiting[path] = self.diagnostics[uri] = queue.Queue()
            document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
            self.notify("textDocument/didOpen", {"textDocument": document})
        return {path: answer.get(timeout=TIMEOUT) for path, answer in waiting.items()}

    def hover(self, path: Path, line: int, character: int) -> str:
        """The hover's markdown at a 0-based position ("" if there is none)."""
        position = {"line": line, "character": character}
        answer = self.request(
            "textDocument/hover", {"textDocument": {"uri": path.as_uri()}, "position": position}
        )
        return str(answer["contents"]["value"]) if answer else ""

    def complete(self, path: Path, line: int, character: int) -> list[dict[str, Any]]:
        position = {"line": line, "character": character}
        answer = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": path.as_uri()}, "position": position},
        )
        items: list[dict[str, Any]] = answer["items"] if isinstance(answer, dict) else answer
        return items

    # -- the protocol -----------------------------------------------------------------------------

    def request(self, method: str, params: dict[str, Any]) -> Any:
        with self.lock:
            self.last_id += 1
            number = self.last_id
            answer: queue.Queue[Any] = queue.Queue()
            self.answers[number] = answer
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        message = answer.get(timeout=TIMEOUT)
        assert "error" not in message, message["error"]
        return message.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self, stream: IO[bytes]) -> None:
        while (message := _message(stream)) is not None:
            if "method" not in message:
                with self.lock:
                    waiting = self.answers.pop(message.get("id", -1), None)
                if waiting is not None:
                    waiting.put(message)
            elif "id" in message:
                self._answer(message)
            elif message["method"] == "textDocument/publishDiagnostics":
                with self.lock:
                    waiting_for = self.diagnostics.get(message["params"]["uri"])
                if waiting_for is not None:
                    waiting_for.put(message["params"]["diagnostics"])

    def _answer(self, request: dict[str, Any]) -> None:
        """The server's requests: its settings by section, and yes to everything else."""
        result: Any = None
        if request["method"] == "workspace/configuration":
            sections = [item.get("section") for item in request["params"]["items"]]
            result = [SETTINGS if section == "yaml" else {} for section in sections]
        self._send({"jsonrpc": "2.0", "id": request["id"], "result": result})

    def stop(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=5)
        except (OSError, queue.Empty, subprocess.TimeoutExpired, AssertionError):
            self.process.kill()
            self.process.wait()


def _message(stream: IO[bytes]) -> dict[str, Any] | None:
    """The next framed message, or None at the end of the stream."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length is None:
        return None
    body = stream.read(length)
    loaded: dict[str, Any] = json.loads(body)
    return loaded


@contextmanager
def running(root: Path) -> Iterator[LanguageServer]:
    server = LanguageServer(root)
    try:
        yield server
    finally:
        server.stop()
