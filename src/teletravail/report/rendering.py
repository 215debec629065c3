"""A bilan as one standalone HTML page, from a Jinja2 template.

The page holds everything it shows: its style sheet inline, its figures as SVG images
in ``data:`` addresses, no script, no font and nothing fetched from another place (its
Content-Security-Policy forbids it: a browser offline shows it whole, and a template
that names an outside resource sees it refused). The templates are shipped in
``teletravail/report/templates/`` as ``bilan.en.html`` and ``bilan.fr.html``; a folder
given as ``templates=`` may hold a file of the same name that replaces the shipped one.
They are autoescaped: a role, a field or a message holding ``<`` or ``&`` is written as
text. A name a template uses that the data does not give is an error.

Rendering needs Jinja2 (the ``acts`` extra) and matplotlib (the ``plot`` extra); the
``report`` extra installs both.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from teletravail import templating
from teletravail.messages import Lang, check_lang

from .content import ERRORS_SHOWN, bilan_context

if TYPE_CHECKING:
    from teletravail.policy import BatchAssessment, Policy
    from teletravail.workforce import Workforce

__all__ = ["TEMPLATE_NAMES", "bilan_html", "render_bilan", "write_bilan"]

#: The shipped templates, one per language.
TEMPLATE_NAMES: Final = ("bilan.en.html", "bilan.fr.html")


def render_bilan(
    batch: BatchAssessment,
    *,
    lang: Lang = "en",
    source: str = "",
    templates: Any = None,
    errors_shown: int = ERRORS_SHOWN,
) -> str:
    """The bilan of an assessment as one standalone HTML page in ``lang``: the totals,
    the tables by group, the figures, the assumptions, the sources and the rows in error
    (the first ``errors_shown``, then their number). ``source`` names the register (a
    file's path, as the reader should see it)."""
    said = check_lang(lang)
    context = bilan_context(batch, said, source=source, errors_shown=errors_shown)
    environment = templating.environment(
        "teletravail.report",
        templating.template_folder(templates),
        extra="report",
        field="report",
    )
    text = templating.render(environment, f"bilan.{said}.html", context)
    return text


def bilan_html(
    policy: Policy,
    workforce: Workforce,
    on: Any,
    *,
    period: Any = None,
    lang: Lang = "en",
    source: str = "",
) -> str:
    """The bilan of ``policy`` on ``workforce`` (the rows it set aside in ``rejected``
    included), decided on ``on`` and over ``period`` (as :meth:`Policy.assess
    <teletravail.policy.Policy.assess>` takes them), as :func:`render_bilan` writes it."""
    batch = policy.assess_workforce(workforce, on, period=period, errors="report")
    return render_bilan(batch, lang=lang, source=source)


def write_bilan(
    path: str | Path,
    batch: BatchAssessment,
    *,
    lang: Lang = "en",
    source: str = "",
    force: bool = False,
) -> Path:
    """Write :func:`render_bilan`'s page to ``path``, whole or not at all (an existing
    file only with ``force``); returns the path written."""
    from teletravail.outputs import check_output, output_text

    target = check_output(path, force=force)
    text = render_bilan(batch, lang=lang, source=source)
    with output_text(path, force=force) as out:
        out.write(text)
    return target
