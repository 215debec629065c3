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

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol

from teletravail import templating
from teletravail.acts.mentions import Mention, missing_mention
from teletravail.errors import ValidationError
from teletravail.messages import Lang, check_lang, choices

if TYPE_CHECKING:
    pass

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
    environment = templating.environment(
        "teletravail.acts",
        templating.template_folder(templates),
        extra="acts",
        field="render",
        html_only=True,
        keep_trailing_newline=True,
        filters={"upper_first": upper_first},
    )
    text = templating.render(environment, name, data.context(said))
    import markupsafe

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
