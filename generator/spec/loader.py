"""A YAML loader for documents written by strangers.

Specs and logs arrive from other people (a shared program, a pull request), so
this loader reads a deliberately small YAML:

* only the core tags (str, int, float, bool, null, map, seq): no tag builds an object;
* no anchors or aliases, which is what makes alias bombs impossible;
* duplicate keys are errors that name both lines, instead of the last one winning;
* YAML 1.1 surprises are not converted: `no`/`on`/`off` stay strings, `1:30` is not
  90, `012` is not octal 10, and dates stay strings (validation checks they are real);
* files over `MAX_BYTES` and nesting deeper than `MAX_DEPTH` are refused, the
  nesting before the C parser ever sees the text;
* a control character written as an escape ("\\e", "\\x9b") is refused in every text
  and key (see `texts`), whatever the document.

It composes the C parser's event stream itself, with an explicit stack rather than
recursion, and records where every key and value starts so later stages can report
`file:line:col` for any path into the data. Most documents are clean, and for them
`fast_loader` composes the data alone; their positions are found the careful way only
when a diagnostic first needs one. Whatever the fast path does not take (a tag, an
anchor, a duplicate key, a control character, a syntax error...) the careful composer
reads and reports, as it always has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.errors import Diagnostic, LiftplanError
from generator.files import read_regular
from generator.spec.fast_loader import (
    MAX_DEPTH,
    EventParser,
    number_too_large,
    plain_data,
    resolve_plain,
)
from generator.spec.texts import MULTILINE_KEYS, key_problem, text_problem

# The scalar readings and the depth cap live with the fast path, and are the loader's too.
__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Document",
    "Path",
    "PathPart",
    "Position",
    "decode",
    "dump",
    "load_bytes",
    "load_file",
    "number_too_large",
    "resolve_plain",
]

MAX_BYTES = 1024 * 1024

PathPart = str | int
Path = tuple[PathPart, ...]
Position = tuple[int, int]

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null"))
_COLLECTION_TAGS = frozenset((_CORE + "map", _CORE + "seq"))


@dataclass(frozen=True)
class Document:
    """Plain data (dicts, lists, str, int, float, bool, None) and where each part was written."""

    file: str
    data: Any
    values: Mapping[Path, Position] = field(repr=False)
    keys: Mapping[Path, Position] = field(repr=False)

    def locate(self, path: Path, *, key: bool = False) -> Position:
        """Where `path` was written, or its nearest ancestor that was.

        With `key=True` the position of the mapping key is preferred, which is
        where a person looks for a misspelt or unwanted key.
        """
        probe = tuple(path)
        if key and probe in self.keys:
            return self.keys[probe]
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))


def load_bytes(raw: bytes, file: str) -> Document:
    """Check, decode and parse one document; raise LiftplanError with every problem found.

    A clean document is composed by the fast path (`fast_loader`), its positions found
    only if something asks for one; anything else by the careful composer, which reports it.
    """
    text = decode(raw, file)
    if _nesting_bound(text) > MAX_DEPTH and _may_nest_too_deep(text):
        _check_depth_exactly(text, file)
    data = plain_data(text)
    if data is None:
        return _Composer(text, file).compose()
    positions = _Positions(text, file)
    return Document(file, data, _PositionMap(positions, 0), _PositionMap(positions, 1))


class _Positions:
    """Where each value and key of a clean document was written, found when first asked
    for (a diagnostic to locate) by composing the text again the careful way."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.found: tuple[dict[Path, Position], dict[Path, Position]] | None = None

    def maps(self) -> tuple[dict[Path, Position], dict[Path, Position]]:
        if self.found is None:
            composer = _Composer(self.text, self.file)
            composer.compose()
            self.found = (composer.values, composer.keys)
        return self.found


class _PositionMap(Mapping[Path, Position]):
    """The values' (0) or the keys' (1) positions of a document, composed on first use."""

    def __init__(self, positions: _Positions, which: int) -> None:
        self.positions = positions
        self.which = which

    def __getitem__(self, path: Path) -> Position:
        return self.positions.maps()[self.which][path]

    def __iter__(self) -> Iterator[Path]:
        return iter(self.positions.maps()[self.which])

    def __len__(self) -> int:
        return len(self.positions.maps()[self.which])

    def __contains__(self, path: object) -> bool:
        return path in self.positions.maps()[self.which]


def _nesting_bound(text: str) -> int:
    """A bound on how deep the text can nest, from a few searches in C: the indentations
    (at most the deepest indentation plus one of them, or else as many as are distinct),
    the most `- `, `? ` and `: ` indicators leading a line (one, unless two ever follow
    each other), and every opening bracket. It is never below what `_may_nest_too_deep`
    counts (its stack of indentations rises strictly, its indicators are counted on one
    line, its brackets are some of these), so a text within the cap needs no line-by-line
    scan.
    """
    indicators = 1
    if _TWO_INDICATORS.search(text):
        indicators = max(map(len, _INDICATORS.findall(text)), default=0) // 2
    rest = indicators + text.count("[") + text.count("{")
    bound = _deepest_indent("\n" + text) + 1 + rest
    if bound <= MAX_DEPTH:
        return bound
    return len(set(_INDENT.findall(text))) + rest


def _deepest_indent(lines: str) -> int:
    """The most spaces that begin a line (each line after a line break), by bisection."""
    low, high = 0, len(lines)
    while low < high:
        middle = (low + high + 1) // 2
        if "\n" + " " * middle in lines:
            low = middle
        else:
            high = middle - 1
    return low


_INDENT = re.compile("^ *", re.MULTILINE)
_TWO_INDICATORS = re.compile("[-?:] +[-?:] ")
_INDICATORS = re.compile("^ *((?:[-?:] +)+)", re.MULTILINE)


def load_file(path: str) -> Document:
    """Read a spec or log from disk, refusing oversized files before reading them whole
    and anything but a regular file (a FIFO would block) before reading it at all."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except OSError as error:
        raise LiftplanError.at(path, 1, 1, f"cannot read the file: {error.strerror}") from None
    return load_bytes(raw, path)


_OTHER_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def decode(raw: bytes, file: str) -> str:
    """UTF-8 only (a BOM is fine); report a bad byte at its own line and column."""
    if len(raw) > MAX_BYTES:
        raise LiftplanError.at(file, 1, 1, f"the file is larger than {MAX_BYTES // 1024} KiB")
    for bom, encoding in _OTHER_BOMS:
        if raw.startswith(bom):
            raise LiftplanError.at(file, 1, 1, f"the file is {encoding} text; save it as UTF-8")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x})"
        raise LiftplanError.at(file, line, column, message) from None
    if not text.strip():
        raise LiftplanError.at(file, 1, 1, "the file is empty")
    return text


_BLOCK_SCALAR = re.compile(r"(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$")


def _may_nest_too_deep(text: str) -> bool:
    """Whether the text might nest deeper than MAX_DEPTH, judged from characters alone.

    It over-counts (indentation levels, leading `- ` and open brackets all add one,
    brackets in plain text too), which is safe: a text it flags is parsed once more
    by the non-recursive pure-Python parser to find the exact depth before the C
    parser ever sees it.
    """
    flow = 0
    quote = ""
    indents: list[int] = []
    block_scalar_parent: int | None = None
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_scalar_parent is not None:
            if not stripped.strip() or indent > block_scalar_parent:
                continue
            block_scalar_parent = None
        dashes = 0
        if not quote and flow == 0:
            if not stripped.strip() or stripped.startswith("#"):
                continue
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            dashes = len(_LEADING_INDICATORS.match(stripped).group(0).split())  # type: ignore[union-attr]
        budget = MAX_DEPTH - len(indents) - dashes
        crossed, flow, quote = _scan_line(line, flow, quote, budget)
        if crossed is not None:
            return True
        if not quote and flow == 0 and _BLOCK_SCALAR.search(line):
            block_scalar_parent = indent
    return False


def _check_depth_exactly(text: str, file: str) -> None:
    """Find the first node deeper than MAX_DEPTH with the pure-Python parser.

    That parser is a state machine with explicit stacks, so deep input cannot
    exhaust the C stack; it stops at the first node past the cap. Syntax errors
    are left for the composer to report.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    message = f"the document nests deeper than {MAX_DEPTH} levels"
                    raise LiftplanError.at(file, *_position(event.start_mark), message)
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return


_LEADING_INDICATORS = re.compile(r"(?:[-?:] +)*")
_OPENERS = re.compile("[][{}'\"]")


def _scan_line(line: str, flow: int, quote: str, budget: int) -> tuple[int | None, int, str]:
    """Track brackets and quotes across one line.

    Returns the column where the flow depth first exceeded `budget` (or None),
    and the flow depth and open quote carried to the next line.
    """
    if budget < 0:
        return 0, flow, quote
    if not quote and not flow and not _OPENERS.search(line):
        return None, flow, quote  # most lines: nothing that opens or closes anything
    previous = " "
    skip = False
    for column, char in enumerate(line):
        if skip:
            skip = False
        elif quote:
            if quote == '"' and char == "\\":
                skip = True
            elif char == quote:
                quote = ""
        elif char == "#" and previous in " \t":
            break
        elif char in "'\"" and (previous in " \t[{,:" or column == 0):
            quote = char
        elif char in "[{":
            flow += 1
            if flow > budget:
                return column, flow, quote
        elif char in "]}" and flow:
            flow -= 1
        previous = char
    return None, flow, quote


@dataclass
class _Frame:
    """A mapping or sequence being filled, and the path that leads to it."""

    container: dict[str, Any] | list[Any]
    path: Path
    pending_key: str | None = None
    key_lines: dict[str, int] = field(default_factory=dict)


class _Composer:
    """Turns parser events into plain data and a position map, without recursion."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.end = len(text.rstrip())  # past the last character that is not white space
        self.values: dict[Path, Position] = {}
        self.keys: dict[Path, Position] = {}
        self.errors: list[Diagnostic] = []

    def compose(self) -> Document:
        parser = EventParser(self.text)
        try:
            data = self._compose_stream(parser)
        except yaml.MarkedYAMLError as error:
            self.errors.append(self._syntax_error(error))
        except yaml.reader.ReaderError as error:
            self.errors.append(self._reader_error(error))
        finally:
            parser.dispose()
        if self.errors:
            raise LiftplanError(self.errors)
        if data is None and () not in self.values:
            raise LiftplanError.at(self.file, 1, 1, "the file has no content, only comments")
        if not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else "a single value"
            kind = "nothing" if data is None else kind
            line, column = self.values.get((), (1, 1))
            message = f"the top level must be a mapping, not {kind}"
            raise LiftplanError.at(self.file, line, column, message)
        return Document(self.file, data, self.values, self.keys)

    def _syntax_error(self, error: yaml.MarkedYAMLError) -> Diagnostic:
        """Say what is wrong where a person should look, not always where the parser stopped."""
        problem = error.problem or "invalid YAML"
        mark = error.problem_mark or error.context_mark
        if mark is None:
            return Diagnostic(self.file, 1, 1, f"invalid YAML: {problem}")
        at_end = mark.index >= self.end
        if at_end and error.context_mark is not None and error.context:
            # An unclosed quote or bracket: the opening is what needs fixing.
            what = error.context.removeprefix("while scanning ").removeprefix("while parsing ")
            message = f"invalid YAML: {what} that starts here is never closed"
            if error.context_mark.index >= self.end:
                message = "invalid YAML: the file ends inside a [ ] or { } left open"
            return Diagnostic(self.file, *self._inside(error.context_mark), message)
        if mark.index < len(self.text) and self.text[mark.index] == "\t":
            return Diagnostic(
                self.file, *_position(mark), "invalid YAML: a tab; indent YAML with spaces"
            )
        return Diagnostic(self.file, *self._inside(mark), f"invalid YAML: {problem}")

    def _inside(self, mark: Any) -> Position:
        """The mark's position, or, where the parser ran on past the last character (a
        bracket left open at the end: `a: [`), the last character: an editor cannot go
        to a line the file does not have."""
        if mark.index < self.end:
            return _position(mark)
        lines = _YAML_BREAK.split(self.text[: self.end])
        return (len(lines), max(1, len(lines[-1])))

    def _reader_error(self, error: yaml.reader.ReaderError) -> Diagnostic:
        """A character YAML forbids, at its own line and column."""
        position = min(error.position, len(self.text))
        line = self.text.count("\n", 0, position) + 1
        column = position - (self.text.rfind("\n", 0, position) + 1) + 1
        code = ord(error.character) if isinstance(error.character, str) else error.character
        if code == 0:
            message = "the file contains a NUL character: it is binary or UTF-16; save it as UTF-8"
        else:
            message = (
                f"the file contains the control character 0x{code:02x}, which YAML does not allow"
            )
        return Diagnostic(self.file, line, column, message)

    def _compose_stream(self, parser: Any) -> Any:
        documents: list[Any] = []
        stack: list[_Frame] = []
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return documents[0] if documents else None
            if isinstance(event, yaml.DocumentStartEvent):
                if documents:
                    self._error(event.start_mark, "only one YAML document is allowed per file")
                    return documents[0]
                continue
            if isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
                continue
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                finished = stack.pop()
                if not stack:
                    documents.append(finished.container)
                continue
            self._node(event, stack, documents)

    def _node(self, event: Any, stack: list[_Frame], documents: list[Any]) -> None:
        """Place one scalar, alias or collection start into the structure being built."""
        parent = stack[-1] if stack else None
        if parent is not None and isinstance(parent.container, dict) and parent.pending_key is None:
            self._key(event, parent)
            return
        path = self._child_path(parent)
        if getattr(event, "anchor", None) is not None and not isinstance(event, yaml.AliasEvent):
            self._error(event.start_mark, "anchors (&name) are not allowed: write the value out")
        if isinstance(event, yaml.AliasEvent):
            self._error(event.start_mark, "aliases (*name) are not allowed: write the value out")
            value: Any = None
        elif isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event)
            self._check_text(event, path, value)
        else:
            value = self._collection(event, path, stack)
        self.values[path] = self._inside(event.start_mark)  # an empty value may end the file
        if parent is None:
            if not isinstance(value, dict | list):
                documents.append(value)
            return
        if isinstance(parent.container, dict):
            assert parent.pending_key is not None
            parent.container[parent.pending_key] = value
            parent.pending_key = None
        else:
            parent.container.append(value)

    def _collection(
        self, event: Any, path: Path, stack: list[_Frame]
    ) -> dict[str, Any] | list[Any]:
        if len(stack) >= MAX_DEPTH:
            message = f"the document nests deeper than {MAX_DEPTH} levels"
            raise LiftplanError.at(self.file, *_position(event.start_mark), message)
        mapping = isinstance(event, yaml.MappingStartEvent)
        tag = event.tag
        expected = _CORE + ("map" if mapping else "seq")
        if tag not in (None, "!", expected):
            self._error(event.start_mark, _tag_message(tag, _COLLECTION_TAGS))
        container: dict[str, Any] | list[Any] = {} if mapping else []
        stack.append(_Frame(container, path))
        return container

    def _key(self, event: Any, frame: _Frame) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            self._error(event.start_mark, "a key must be a plain name, not a list or mapping")
            raise LiftplanError(self.errors)
        if event.anchor is not None:
            self._error(event.start_mark, "anchors (&name) are not allowed: write the value out")
        if event.tag not in (None, "!", _CORE + "str"):
            self._error(event.start_mark, _tag_message(event.tag, frozenset((_CORE + "str",))))
        key = event.value
        problem = key_problem(key)
        if problem is not None:
            self._error(event.start_mark, problem)
        line, column = _position(event.start_mark)
        assert isinstance(frame.container, dict)
        if key in frame.container:
            first = frame.key_lines[key]
            self._error(event.start_mark, f"duplicate key '{key}': first given at line {first}")
            key = f"{key}\0duplicate@{line}:{column}"  # keep composing to find more errors
        frame.key_lines[key] = line
        frame.pending_key = key
        self.keys[(*frame.path, key)] = (line, column)

    def _scalar(self, event: Any) -> Any:
        text: str = event.value
        tag = event.tag
        if tag in (None, "!"):
            return resolve_plain(text) if event.implicit[0] else text
        if tag not in _SCALAR_TAGS:
            self._error(event.start_mark, _tag_message(tag, _SCALAR_TAGS))
            return text
        if tag == _CORE + "str":
            return text
        value = resolve_plain(text)
        wanted: dict[str, type | tuple[type, ...]] = {
            "int": int,
            "float": (int, float),
            "bool": bool,
            "null": type(None),
        }
        kind = tag.removeprefix(_CORE)
        if not isinstance(value, wanted[kind]) or (kind != "bool" and isinstance(value, bool)):
            self._error(event.start_mark, f"'{text}' is not a valid !!{kind}")
            return text
        return float(text) if kind == "float" else value

    def _check_text(self, event: Any, path: Path, value: Any) -> None:
        """Refuse a control character that an escape put in a text (see texts.py)."""
        if isinstance(value, str):
            multiline = bool(path) and path[-1] in MULTILINE_KEYS
            problem = text_problem(value, multiline=multiline)
            if problem is not None:
                self._error(event.start_mark, problem)

    @staticmethod
    def _child_path(parent: _Frame | None) -> Path:
        if parent is None:
            return ()
        if isinstance(parent.container, dict):
            assert parent.pending_key is not None
            return (*parent.path, parent.pending_key)
        return (*parent.path, len(parent.container))

    def _error(self, mark: Any, message: str) -> None:
        self.errors.append(Diagnostic(self.file, *self._inside(mark), message))


# What YAML counts as a line break, as its marks count lines.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _position(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _tag_message(tag: str, allowed: frozenset[str]) -> str:
    shown = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
    names = ", ".join(sorted("!!" + t.removeprefix(_CORE) for t in allowed))
    return f"the tag {shown} is not allowed here (only {names})"


class _Dumper(yaml.SafeDumper):
    """Writes YAML that this loader reads back as the same data."""

    def ignore_aliases(self, data: Any) -> bool:
        # A value used twice is written out twice: this loader refuses anchors and aliases.
        return True


# Line breaks YAML knows beyond \n, which only double quotes can carry as escapes.
_SPECIAL_BREAKS = frozenset("\x85\u2028\u2029\ufeff")


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # Quote any string this loader would read as something else (`12`, `true`, `~`).
    misread = not isinstance(resolve_plain(text), str) or not _SPECIAL_BREAKS.isdisjoint(text)
    style = '"' if misread else None
    return dumper.represent_scalar(_CORE + "str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(data: Any) -> str:
    """Serialise plain data so that `load_bytes(dump(x))` gives `x` back.

    >>> dump({"reps": "12", "on": "no", "load": 60})
    'reps: "12"\\n\\'on\\': \\'no\\'\\nload: 60\\n'
    """
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
