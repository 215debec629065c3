"""Documents rendered from Jinja2 templates that a user may replace: the individual act
and its information document (:mod:`teletravail.acts`), the HTML bilan
(:mod:`teletravail.report`).

Both find a template in a folder the user gives first, then among those the package
ships; both refuse a folder that does not exist, a template that names what the data
does not give, and a template Jinja2 cannot read, with the same typed errors. Jinja2 is
an optional dependency: :func:`jinja` says which extra installs it. This module holds
that once, below both packages, which know nothing of each other.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from teletravail.errors import ValidationError
from teletravail.messages import Phrase

if TYPE_CHECKING:
    import jinja2

__all__ = ["environment", "jinja", "render", "template_folder"]


def jinja(field: str, extra: str) -> Any:
    """The ``jinja2`` module; without it, a :class:`ValidationError` on ``field`` that
    names the ``extra`` to install."""
    try:
        import jinja2
    except ImportError as exc:  # pragma: no cover - the extras are part of the test deps
        raise ValidationError(
            field,
            "Jinja2",
            Phrase(
                "the '{extra}' extra: pip install 'teletravail[{extra}]'",
                "l'extra «\u00a0{extra}\u00a0»\u00a0: pip install 'teletravail[{extra}]'",
                extra=extra,
            ),
        ) from exc
    return jinja2


def template_folder(templates: Any) -> Path | None:
    """The folder of a user's templates (``None``: the shipped ones only); anything but
    an existing folder is a :class:`ValidationError` on ``templates``."""
    if templates is None:
        return None
    if not isinstance(templates, str | os.PathLike) or not Path(templates).is_dir():
        raise ValidationError(
            "templates",
            str(templates),
            Phrase("an existing folder of templates", "un dossier de modèles existant"),
        )
    return Path(templates)


#: The environments of the shipped templates alone, by package and settings.
_SHIPPED: dict[tuple[Any, ...], jinja2.Environment] = {}


def environment(
    package: str,
    folder: Path | None,
    *,
    extra: str,
    field: str,
    html_only: bool = False,
    keep_trailing_newline: bool = False,
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> jinja2.Environment:
    """The environment that finds a template in ``folder`` first, then among those
    ``package`` ships in its ``templates`` folder; strict about undefined names,
    autoescaped (only ``.html`` templates with ``html_only``). The shipped templates'
    environment is built once; a folder's each time, so that an edited template is read
    again."""
    key = (package, html_only, keep_trailing_newline, tuple(sorted(filters or {})))
    if folder is None and key in _SHIPPED:
        return _SHIPPED[key]
    engine = jinja(field, extra)
    shipped = engine.PackageLoader(package, "templates")
    loader = (
        shipped
        if folder is None
        else engine.ChoiceLoader([engine.FileSystemLoader(str(folder)), shipped])
    )
    autoescape = (
        engine.select_autoescape(enabled_extensions=("html",), default=False) if html_only else True
    )
    built: jinja2.Environment = engine.Environment(
        loader=loader,
        autoescape=autoescape,
        undefined=engine.StrictUndefined,
        keep_trailing_newline=keep_trailing_newline,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    built.filters.update(filters or {})
    if folder is None:
        _SHIPPED[key] = built
    return built


def render(environment: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """The template ``name`` rendered with ``context``; a name it uses that the context
    does not give, or a template Jinja2 cannot read, is a :class:`ValidationError` on
    ``templates`` naming the template."""
    import jinja2

    try:
        text: str = environment.get_template(name).render(context)
    except jinja2.UndefinedError as exc:
        raise ValidationError(
            "templates",
            name,
            Phrase(
                "a template that uses only the names the data gives ({error})",
                "un modèle qui n'emploie que les noms que donnent les données ({error})",
                error=str(exc),
            ),
        ) from None
    except jinja2.TemplateSyntaxError as exc:
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
    return text
