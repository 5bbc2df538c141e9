"""The template environment: user templates override and extend; nothing undefined, all escaped."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.publish.templates import environment, render
from generator.publish.views import page


def test_autoescape_is_on_for_html(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>\n", encoding="utf-8")
    text = render(environment(tmp_path), "page.html", {"title": "<script>alert(1)</script>"})
    assert text == "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n"


def test_undefined_names_are_errors(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("{{ missing }}\n", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        render(environment(tmp_path), "page.html", {})


def test_a_user_template_overrides_and_extends_the_builtin(tmp_path: Path) -> None:
    builtin = environment().loader
    assert builtin is not None
    (tmp_path / "base.html").write_text(
        '{% extends "liftplan/base.html" %}{% block footer %}Coach Alex{% endblock %}\n',
        encoding="utf-8",
    )
    context = page("T", "")
    mine = render(environment(tmp_path), "base.html", context)
    theirs = render(environment(), "base.html", context)
    assert "Coach Alex" in mine
    assert "Coach Alex" not in theirs
    assert mine.split("<footer")[0] == theirs.split("<footer")[0]
