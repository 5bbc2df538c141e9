"""The spec under check and how its checks report: each problem located, each unknown
name answered with the names it may have meant.

`checks` (references and arithmetic), `prescription_checks` (each exercise as
prescribed) and `training_sense` (the warnings) all report through a `Checker`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from generator.errors import Diagnostic
from generator.spec.loader import Document
from generator.spec.schema import Locating, show


@dataclass
class Checker(Locating):
    """The document under check and the problems found so far."""

    document: Document
    found: list[Diagnostic] = field(default_factory=list)

    @property
    def program(self) -> dict[str, Any]:
        data: dict[str, Any] = self.document.data
        return data


def did_you_mean(word: str, options: Any) -> str:
    """Suggest the ids that contain the word as a part (squat: back_squat ...), else the closest.

    With many such ids the shortest come first: they are the plainest variants.
    """
    containing = sorted(
        (option for option in options if word in option.split("_")), key=lambda o: (len(o), o)
    )
    if len(containing) > 1:
        return f": did you mean one of {', '.join(containing[:5])}?"
    close = containing or difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f": did you mean {show(close[0])}?" if close else ""
