"""The language of a response's words: an explicit ``?lang=`` parameter, else the
request's ``Accept-Language`` header (RFC 9110, q-values included), else English.

An explicit ``lang`` that the library does not speak is the caller's mistake, and a
problem document (the library's own error for it, listing ``en`` and ``fr``); a header
that names no language the library speaks falls back to English, as the header's
definition asks.
"""

from __future__ import annotations

from typing import Final

from teletravail.messages import LANGS, Lang, check_lang

__all__ = ["DEFAULT_LANG", "negotiate", "preferred"]

#: The language of a response when nothing asks for another.
DEFAULT_LANG: Final[Lang] = "en"


def _weight(text: str) -> float | None:
    try:
        weight = float(text)
    except ValueError:
        return None
    return weight if 0 <= weight <= 1 else None


def preferred(header: str | None) -> Lang:
    """The language of the messages that ``header`` (an ``Accept-Language`` value)
    prefers: the highest q-value among ``en`` and ``fr`` (a region such as ``fr-CA``
    counts for its language, ``*`` for English); ties go to the first listed; English
    when neither is acceptable.

    >>> preferred("de-DE, fr-CA;q=0.8, en;q=0.5")
    'fr'
    >>> preferred("fr;q=0, *;q=0.1"), preferred(None), preferred("es")
    ('en', 'en', 'en')
    """
    if not header:
        return DEFAULT_LANG
    best: tuple[float, int, Lang] | None = None
    refused: set[str] = set()
    for position, item in enumerate(header.split(",")):
        tag, *parameters = (part.strip() for part in item.split(";"))
        weight: float | None = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                weight = _weight(value.strip())
        base = tag.lower().split("-", 1)[0]
        if weight is None:
            continue
        if base == "*":
            base = DEFAULT_LANG
        if base not in LANGS:
            continue
        if weight == 0:
            refused.add(base)
            continue
        lang: Lang = check_lang(base)
        if best is None or weight > best[0]:
            best = (weight, position, lang)
    if best is None or best[2] in refused:
        return DEFAULT_LANG
    return best[2]


def negotiate(explicit: str | None, header: str | None) -> Lang:
    """The language of a response: ``explicit`` (the ``lang`` parameter) if given,
    which must be ``en`` or ``fr`` (otherwise the library's
    :class:`~teletravail.errors.ValidationError` on ``lang``), else :func:`preferred`."""
    if explicit is not None:
        return check_lang(explicit)
    return preferred(header)
