"""The paper a printed plan is laid out for: the option's names and their CSS page sizes.

Its own module, free of imports, so the command line can offer the choice without
loading the PDF renderer.
"""

from __future__ import annotations

# The CSS page sizes people print on, by the name the option takes.
PAGE_SIZES = {"a4": "A4", "letter": "letter"}
