"""`liftplan build` and `liftplan serve`: the site, the PDFs, the calendars and the data."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from generator.cli import count, main, print_diagnostics
from generator.errors import Failure
from generator.publish.paper import PAGE_SIZES

if TYPE_CHECKING:
    from generator.build.build import BuildResult
    from generator.build.config import Settings

Function = TypeVar("Function", bound=Callable[..., Any])

# Builds of more programs than this show a progress bar on stderr (when it is a terminal).
PROGRESS_FROM = 3


def _run_options(jobs: str, cache: str, no_cache: str) -> Callable[[Function], Function]:
    """`-j`, `--cache` and `--no-cache`, as `build` and `serve` each explain them."""

    def add(command: Function) -> Function:
        for option in reversed(
            (
                click.option("-j", "--jobs", type=click.IntRange(min=1), help=jobs),
                click.option("--cache", "cache_dir", type=click.Path(file_okay=False), help=cache),
                click.option("--no-cache", is_flag=True, help=no_cache),
            )
        ):
            command = option(command)
        return command

    return add


def _no_contradiction(cache_dir: str | None, no_cache: bool) -> None:
    if no_cache and cache_dir is not None:
        raise click.UsageError("--cache and --no-cache contradict each other")


@main.command(
    epilog="""\b
Examples:
  liftplan build                          every spec under ./programs into ./output
  liftplan build programs/a.yaml -o site --format json
  liftplan build --config site.yaml       the settings kept in a file
  liftplan build --page-size letter --base-url https://example.org/plans/
"""
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False),
    help="Folder to write into.  [default: output]",
)
@click.option(
    "--format",
    "formats",
    help="Comma-separated formats: html (the site), pdf (the printable plan; a long one in "
    "volumes), ics (a calendar feed), json (the plan, see schemas/plan.schema.json), csv "
    "(one row per set).  [default: all]",
)
@click.option(
    "--base-url",
    help="Where the site will be published (http or https); adds canonical links and sitemap.xml.",
)
@click.option(
    "--page-size",
    type=click.Choice(sorted(PAGE_SIZES), case_sensitive=False),
    help="The paper the PDF is laid out for.  [default: a4]",
)
@click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False),
    help="A folder of templates that replace (or extend, as liftplan/NAME) the built-in ones.",
)
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="A site config file (YAML, see schemas/site.schema.json) with these same settings; "
    "options given here win over it.",
)
@click.option("--strict/--no-strict", default=None, help="Treat warnings as errors.")
@_run_options(
    jobs="Programs built at once, in worker processes.  [default: the number of cores]",
    cache="Folder keeping each program's files by the content of its inputs, so unchanged "
    "programs are not built again.  [default: .OUTPUT.cache beside the output]",
    no_cache="Build everything afresh, and keep no cache.",
)
def build(
    *,
    paths: tuple[str, ...],
    output: str | None,
    formats: str | None,
    base_url: str | None,
    page_size: str | None,
    templates: str | None,
    config: str | None,
    strict: bool | None,
    jobs: int | None,
    cache_dir: str | None,
    no_cache: bool,
) -> None:
    """Expand specs (files or folders) and write each plan, per program, under OUTPUT/<id>/.

    OUTPUT is replaced whole, and only when everything succeeded: a failed build leaves
    the previous output as it was. A non-empty folder liftplan did not make is refused.
    """
    import time

    from generator.build.config import Settings, load_settings, valid_base_url
    from generator.forked import default_jobs

    started = time.perf_counter()
    settings = load_settings(config) if config else Settings()
    if base_url is not None and not valid_base_url(base_url):
        raise click.BadParameter("give an http:// or https:// address", param_hint="--base-url")
    settings = settings.overridden(
        programs=paths or None,
        output=output,
        formats=_formats(formats) if formats is not None else None,
        strict=strict,
        base_url=base_url,
        page_size=page_size.lower() if page_size else None,
        templates=templates,
        jobs=jobs or default_jobs(),
    )
    _no_contradiction(cache_dir, no_cache)
    _interruptible()
    try:
        result = _run_build(settings, None if no_cache else cache_dir or "")
    except KeyboardInterrupt as stopped:
        number = stopped.number if isinstance(stopped, Interrupted) else 2
        click.echo(f"liftplan: interrupted; {settings.output} was left as it was", err=True)
        sys.exit(128 + number)
    print_diagnostics(result.warnings)
    elapsed = time.perf_counter() - started
    pages = f"{result.pages} PDF pages, " if "pdf" in settings.formats else ""
    click.echo(
        f"built {count(result.programs, 'program')}: {pages}{count(result.files, 'file')} "
        f"({result.changed} changed) in {elapsed:.1f} s, into {settings.output}"
        + (f"; {result.cached} from the cache" if result.cached else ""),
        err=True,
    )


def _formats(given: str) -> tuple[str, ...]:
    from generator.publish.formats import FORMATS

    chosen = tuple(name.strip() for name in given.split(",") if name.strip())
    unknown = [name for name in chosen if name not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)}", param_hint="--format")
    return chosen


def _run_build(settings: Settings, cache: str | None) -> BuildResult:
    """The build, with a progress bar for many programs.

    `cache` is a folder, "" for the default one beside the output, or None for none.
    """
    from dataclasses import replace

    from generator.build.build import build as run_build
    from generator.build.cache import default_cache
    from generator.pipeline import find_specs

    output = Path(settings.output)
    folder = None if cache is None else cache or str(default_cache(output))
    specs = find_specs(settings.programs)
    with click.progressbar(
        length=len(specs),
        label="building",
        file=sys.stderr,
        hidden=len(specs) <= PROGRESS_FROM or not sys.stderr.isatty(),
        item_show_func=lambda name: name,
    ) as bar:

        def advance(done: int, total: int, program_id: str) -> None:
            bar.update(1, program_id)

        def waiting() -> None:
            click.echo(f"liftplan: waiting for another build into {output} to finish", err=True)

        chosen = replace(settings, cache=folder)
        return run_build(chosen, progress=advance, waiting=waiting)


class Interrupted(KeyboardInterrupt):
    """A signal asked liftplan to stop; the exit status says which (128 + its number)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _interruptible() -> None:
    """Turn SIGTERM into an exception like Ctrl+C's, so a build stopped either way
    unwinds: the staging folder is removed and the output left as it was."""
    import signal

    def stop(number: int, _frame: object) -> None:
        raise Interrupted(number)

    signal.signal(signal.SIGTERM, stop)


@main.command(
    epilog="""\b
Examples:
  liftplan serve                          every spec under ./programs, at http://127.0.0.1:8000/
  liftplan serve programs/a.yaml --pdf    one program, with its PDF laid out on every save
  liftplan serve --port 0                 any free port (the address is printed)
"""
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "-p",
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free one).",
)
@click.option("--pdf", is_flag=True, help="Also lay out each program's PDF (slower).")
@click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False),
    help="A folder of templates that replace (or extend, as liftplan/NAME) the built-in ones.",
)
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="A site config file (see schemas/site.schema.json), read again when it changes.",
)
@click.option(
    "--page-size",
    type=click.Choice(sorted(PAGE_SIZES), case_sensitive=False),
    help="The paper the PDF is laid out for.  [default: a4]",
)
@click.option("--strict/--no-strict", default=None, help="Treat warnings as errors.")
@_run_options(
    jobs="Programs built at once.  [default: the cores for the first build, then 1]",
    cache="Folder keeping each program's files by the content of its inputs, between runs "
    "too, so a restart renders only what changed.  [default: .OUTPUT.serve-cache beside "
    "the output folder]",
    no_cache="Keep the cache in a temporary folder, for this run.",
)
def serve(
    *,
    paths: tuple[str, ...],
    host: str,
    port: int,
    pdf: bool,
    templates: str | None,
    config: str | None,
    page_size: str | None,
    strict: bool | None,
    jobs: int | None,
    cache_dir: str | None,
    no_cache: bool,
) -> None:
    """Build the site, serve it on this machine and rebuild it on every save.

    Specs, their training logs, the templates and the config file are watched; a save
    rebuilds only the programs it affects, and open pages reload. A broken spec shows its
    errors in the page and here, and the server stays up. The site is built into a
    temporary folder: the output folder is never touched. Stop with Ctrl+C.
    """
    import signal
    import time

    from generator.build.cache import default_serve_cache
    from generator.build.config import Settings, load_settings
    from generator.build.serve import Options, served

    settings = load_settings(config) if config else Settings()
    overrides = {
        "programs": paths or None,
        "strict": strict,
        "page_size": page_size.lower() if page_size else None,
        "templates": templates,
    }
    _no_contradiction(cache_dir, no_cache)
    cache = None if no_cache else cache_dir or str(default_serve_cache(Path(settings.output)))
    options = Options(settings, config, pdf, jobs, overrides, cache)

    def report(line: str) -> None:
        click.echo(line, err=True)

    def stop(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        with served(options, host, port, report) as url:
            report(f"serving {url} (Ctrl+C to stop)")
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        report("stopped")
    except OSError as error:
        raise Failure(f"cannot serve on {host}:{port}: {error.strerror}") from None
