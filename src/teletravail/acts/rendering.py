"""Rendering an act or its information document from a Jinja2 template.

The wording of the documents is held in templates, one per document, language and
format, shipped in ``teletravail/acts/templates/`` and named
``{document}.{lang}.{extension}``: ``act.fr.md``, ``act.en.html``,
``information.fr.md``… (:data:`TEMPLATE_NAMES`). An HR department that wants its own
wording writes a template of the same name in a folder of its own and passes the folder
as ``templates=``: a file found there replaces the shipped one of that name, the
others stay the shipped ones. No code changes. Besides Jinja2's own filters, templates
have ``upper_first`` (the first letter in upper case, the rest kept).

A template receives the data in words (see :func:`teletravail.acts.words.act_context`
for the names): dates, durations, places and sources are already written in the
language, so a template lays them out and adds the wording around them. HTML templates
are autoescaped (a name with ``<`` or ``&`` is written as text); Markdown ones are not
escaped. A name a template uses that the data does not give is an error, not an empty
string.

Whatever the template, the rendering is checked: the text of every mandatory mention
must appear in it, or the rendering is refused with a
:class:`~teletravail.errors.MissingMentionError` naming the mention and the
template. Rendering needs Jinja2, the ``acts`` extra (``pip install
'teletravail[acts]'``); without it, a :class:`~teletravail.errors.ValidationError`
that says so.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol

from teletravail.acts.mentions import Mention, missing_mention
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase, check_lang, choices

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "DOCUMENTS",
    "EXTENSIONS",
    "FORMATS",
    "TEMPLATE_NAMES",
    "Format",
    "Renderable",
    "check_format",
    "render_document",
    "template_name",
    "upper_first",
]

#: The formats a document is rendered as.
Format = Literal["markdown", "html"]
FORMATS: Final[tuple[str, ...]] = ("markdown", "html")
#: The file extension of each format's templates.
EXTENSIONS: Final = {"markdown": "md", "html": "html"}
#: The documents rendered: the individual act and the information document.
DOCUMENTS: Final = ("act", "information")
#: The shipped templates' names, each replaceable by a file of that name.
TEMPLATE_NAMES: Final = tuple(
    f"{document}.{lang}.{EXTENSIONS[format]}"
    for document in DOCUMENTS
    for lang in ("en", "fr")
    for format in FORMATS
)


class Renderable(Protocol):
    """What a template renders: the data in words, and each mandatory mention's text."""

    def context(self, lang: Lang = "en") -> dict[str, Any]: ...

    def mentions(self, lang: Lang = "en") -> dict[Mention, str]: ...


def check_format(format: object) -> Format:
    """``format`` if it is one of :data:`FORMATS`; otherwise a
    :class:`~teletravail.errors.ValidationError` listing them."""
    if format == "markdown" or format == "html":
        return format
    raise ValidationError("format", format, choices(FORMATS))


def template_name(document: str, lang: Lang, format: str) -> str:
    """The name of the template of ``document`` in ``lang`` and ``format``:
    ``act.fr.md``."""
    return f"{document}.{check_lang(lang)}.{EXTENSIONS[check_format(format)]}"


def _jinja() -> Any:
    try:
        import jinja2
    except ImportError as exc:  # pragma: no cover - the extra is part of the test deps
        raise ValidationError(
            "render",
            "Jinja2",
            Phrase(
                "the 'acts' extra: pip install 'teletravail[acts]'",
                "l'extra «\u00a0acts\u00a0»\u00a0: pip install 'teletravail[acts]'",
            ),
        ) from exc
    return jinja2


def _folder(templates: Any) -> Path | None:
    if templates is None:
        return None
    if not isinstance(templates, str | os.PathLike) or not Path(templates).is_dir():
        raise ValidationError(
            "templates",
            str(templates),
            Phrase("an existing folder of templates", "un dossier de modèles existant"),
        )
    return Path(templates)


_ENVIRONMENTS: dict[Path | None, jinja2.Environment] = {}


def _environment(folder: Path | None) -> jinja2.Environment:
    """The environment that finds a template in ``folder`` first, then among the
    shipped ones (kept for the shipped templates alone; a folder's is built each time,
    so that an edited template is read again)."""
    if folder is None and None in _ENVIRONMENTS:
        return _ENVIRONMENTS[None]
    engine = _jinja()
    shipped = engine.PackageLoader("teletravail.acts", "templates")
    loader = (
        shipped
        if folder is None
        else engine.ChoiceLoader([engine.FileSystemLoader(str(folder)), shipped])
    )
    environment: jinja2.Environment = engine.Environment(
        loader=loader,
        autoescape=engine.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=engine.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["upper_first"] = upper_first
    if folder is None:
        _ENVIRONMENTS[None] = environment
    return environment


def render_document(
    document: str,
    data: Renderable,
    lang: Lang,
    format: str,
    templates: Any,
    mentions: Iterable[Mention],
) -> str:
    """``data`` rendered by the template of ``document`` in ``lang`` and ``format``
    (from the folder ``templates`` if it has it), checked to carry every one of
    ``mentions``."""
    said = check_lang(lang)
    name = template_name(document, said, format)
    folder = _folder(templates)
    environment = _environment(folder)
    engine = _jinja()
    import markupsafe

    try:
        template = environment.get_template(name)
        text: str = template.render(data.context(said))
    except engine.UndefinedError as exc:
        raise ValidationError(
            "templates",
            name,
            Phrase(
                "a template that uses only the names the data gives ({error})",
                "un modèle qui n'emploie que les noms que donnent les données ({error})",
                error=str(exc),
            ),
        ) from None
    except engine.TemplateSyntaxError as exc:
        raise ValidationError(
            "templates",
            name,
            Phrase(
                "a template Jinja2 can read (line {line}: {error})",
                "un modèle que Jinja2 sait lire (ligne {line}\u00a0: {error})",
                line=exc.lineno,
                error=exc.message or "",
            ),
        ) from None
    texts = data.mentions(said)
    for mention in mentions:
        wanted = texts[mention]
        if format == "html":
            wanted = str(markupsafe.escape(wanted))
        if wanted not in text and upper_first(wanted) not in text:
            raise missing_mention(mention, name, where=name)
    return text


def upper_first(text: str) -> str:
    """``text`` with its first letter in upper case, the rest as it is (a template's
    filter ``upper_first``: Jinja2's ``capitalize`` lowers the rest, a place's name
    among it)."""
    return text[:1].upper() + text[1:]
