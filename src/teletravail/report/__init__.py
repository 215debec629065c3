"""The bilan of a policy on a register as one standalone HTML page (``teletravail
report``): the totals, the tables by group, the figures, the assumptions with their
sources, the sources cited and the rows in error, in English or French.

* :mod:`.groups`: an assessment added up by role, establishment, population...;
* :mod:`.figures`: the figures, drawn with matplotlib without touching its backend,
  written as SVG;
* :mod:`.content`: what the bilan says, in words;
* :mod:`.rendering`: the page, from a Jinja2 template, with nothing outside it.

It needs the ``report`` extra (Jinja2 and matplotlib).
"""

from __future__ import annotations

from .content import ERRORS_SHOWN, bilan_context, policy_sources
from .groups import GROUPINGS, GroupRow, group_rows
from .rendering import TEMPLATE_NAMES, bilan_html, render_bilan, write_bilan

__all__ = [
    "ERRORS_SHOWN",
    "GROUPINGS",
    "TEMPLATE_NAMES",
    "GroupRow",
    "bilan_context",
    "bilan_html",
    "group_rows",
    "policy_sources",
    "render_bilan",
    "write_bilan",
]
