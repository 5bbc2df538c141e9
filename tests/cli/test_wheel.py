"""The wheel carries its schemas and templates: install it fresh and use it elsewhere."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.support.paths import ROOT


@pytest.mark.slow
def test_wheel_installs_and_validates_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("liftplan-*.whl")
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    example = next((ROOT / "programs").glob("*.yaml"))
    shutil.copy(example, elsewhere / example.name)
    liftplan = environment / "bin" / "liftplan"
    result = subprocess.run(
        [str(liftplan), "validate", example.name],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "1 spec checked: 0 errors, 0 warnings\n"

    schema = subprocess.run(
        [str(liftplan), "schema"], cwd=elsewhere, capture_output=True, text=True, check=True
    )
    assert schema.stdout == (ROOT / "schemas" / "program.schema.json").read_text(encoding="utf-8")
    installed = subprocess.run(
        [str(python), "-c", "import generator.resources as r; print(r.data_dir('templates'))"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in installed.stdout
    new = subprocess.run(
        [str(liftplan), "new", "fresh", "--start", "2027-01-04"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert new.returncode == 0, new.stderr
    check = subprocess.run(
        [str(liftplan), "validate", "fresh.yaml"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    from_library = subprocess.run(
        [str(liftplan), "new", "mine", "--from", "gzclp", "--start", "2027-01-04"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert from_library.returncode == 0, from_library.stderr
    listed = subprocess.run(
        [str(liftplan), "library"], cwd=elsewhere, capture_output=True, text=True, check=True
    )
    assert listed.stdout.startswith("531-boring-but-big ")
    built = subprocess.run(
        [str(liftplan), "build", example.name, "-o", "site"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    program = elsewhere / "site" / example.stem
    for name in ("index.html", "plan.pdf", "plan.ics", "plan.json", "plan.csv"):
        assert (program / name).is_file(), name
    assert (program / "plan.pdf").read_bytes().startswith(b"%PDF-")
    assert (elsewhere / "site" / "assets" / "style.css").read_bytes() == (
        ROOT / "templates" / "assets" / "style.css"
    ).read_bytes()
