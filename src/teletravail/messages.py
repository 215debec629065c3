"""Messages in English and in French, built from data.

A :class:`Phrase` is a ``str`` whose text is the English: every place that reads an
error's ``expected`` as a string (tests, logs, JSON) reads the same English as before.
It also holds its French, which :meth:`Phrase.text` gives::

    >>> from teletravail.messages import Phrase
    >>> wanted = Phrase("a quantity such as {example!r}",
    ...                 "une quantité comme {example!r}", example="3 jours/semaine")
    >>> wanted
    "a quantity such as '3 jours/semaine'"
    >>> wanted.text("fr")
    'une quantité comme «\\xa03 jours/semaine\\xa0»'

A phrase is written from two templates and the parts that fill them. Each part is
rendered in the template's language: a phrase in its own words, a value quoted with
``!r`` the way each language quotes (``'2 km'`` in English, as Python shows it and as
the messages always did; « 2 km » in French, with no-break spaces inside the
guillemets). Phrases therefore compose: the list of choices, the "did you mean", the
detail of a unit error each render in the language of the message that holds them.

The French is written next to the English it translates, by hand, rather than in a
gettext catalogue: a catalogue keys the French by the English sentence and keeps it in
another file, which a build step compiles; a message changed in the code then loses
its French without a word, and a reviewer reads one language at a time. Here both
sit in one call, a test checks that no message of the package is left in English only,
and nothing is compiled.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import math
import numbers
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, Literal, Self, overload

from teletravail import formats
from teletravail.formats import french_quantity

__all__ = [
    "COLON",
    "EMPTY",
    "LANGS",
    "NBSP",
    "NNBSP",
    "Lang",
    "Phrase",
    "check_lang",
    "choices",
    "counted",
    "decimal",
    "did_you_mean",
    "did_you_mean_among",
    "either",
    "french_count",
    "grouped",
    "show",
    "system_reason",
    "text_of",
    "unknown_language",
]

#: The languages messages are written in.
Lang = Literal["en", "fr"]
LANGS: Final[tuple[Lang, ...]] = ("en", "fr")
#: The no-break space French puts before a colon and inside guillemets.
NBSP: Final = "\u00a0"
#: The narrow no-break space French puts before ``;``, ``?`` and ``!``.
NNBSP: Final = "\u202f"
#: The colon of a label, as each language writes it (French: a no-break space before).
COLON: Final[dict[Lang, str]] = {"en": ":", "fr": NBSP + ":"}

#: How long a value shown in a message may be (longer ones are cut in the middle).
_MOST_CHARS = 80


def _unknown_language(lang: object) -> Exception:
    return ValueError(f"lang: expected one of: en, fr, got {show(lang)}")


#: Makes the error an unknown language raises. The errors are written with phrases, so
#: this module cannot import them: :mod:`teletravail.errors` sets this, when it is
#: loaded, to make its :class:`~teletravail.errors.ValidationError`, and the package
#: loads it first. (The default, a ``ValueError`` with the same words, is for a module
#: loaded on its own.)
unknown_language: Callable[[object], Exception] = _unknown_language


def check_lang(lang: object) -> Lang:
    """``lang`` if it is a language of the messages; otherwise a
    :class:`~teletravail.errors.ValidationError` that lists them (see
    :data:`unknown_language`)."""
    if lang == "en" or lang == "fr":
        return lang
    raise unknown_language(lang)


class Phrase(str):
    """A text in English (the string itself) and in French (:meth:`text`).

    ``Phrase(en, fr)`` holds two texts as they are. With parts,
    ``Phrase(en, fr, name=value, ...)`` fills the two templates (``str.format``
    syntax) with them, each in its language: a phrase renders in its own words,
    ``{name!r}`` quotes a value (``repr`` in English, guillemets in French) and other
    values are formatted as ``str.format`` would. A phrase compares, hashes and prints
    as its English.
    """

    _fr: str

    def __new__(cls, en: str, fr: str, /, **parts: object) -> Self:
        if parts:
            en, fr = _fill(en, "en", parts), _fill(fr, "fr", parts)
        phrase = super().__new__(cls, en)
        phrase._fr = str(fr)
        return phrase

    def text(self, lang: Lang = "en") -> str:
        """The phrase in ``lang`` (``"en"`` or ``"fr"``)."""
        return self._fr if check_lang(lang) == "fr" else str(self)

    @overload
    def __add__(self, other: Phrase) -> Phrase: ...
    @overload
    def __add__(self, other: str) -> str: ...
    def __add__(self, other: str) -> str:
        """Two phrases joined are a phrase; a phrase and a plain string are plain English."""
        if isinstance(other, Phrase):
            return Phrase(str(self) + str(other), self._fr + other._fr)
        return str(self) + other

    def join(self, items: Iterable[str]) -> Phrase:
        """The items joined by this phrase, each in its language (plain strings, such as
        codes, are the same in both)."""
        listed = list(items)
        return Phrase(
            str(self).join(text_of(item, "en") for item in listed),
            self._fr.join(text_of(item, "fr") for item in listed),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (Phrase, (str(self), self._fr))


#: The empty phrase: what a hint that has nothing to say adds.
EMPTY: Final = Phrase("", "")


def text_of(text: str, lang: Lang) -> str:
    """``text`` in ``lang``: a phrase's own words, or a plain string as it is (a code, a
    name, or English not yet given its French)."""
    return text.text(lang) if isinstance(text, Phrase) else str(text)


def counted(count: int, en: tuple[str, str], fr: tuple[str, str]) -> Phrase:
    """``3 problems`` / ``3 problèmes``: the count and its noun, singular or plural by
    each language's rule (French keeps 0 and 1 singular)."""
    return Phrase(
        f"{count} {en[0] if count == 1 else en[1]}",
        f"{count} {fr[0] if count in (0, 1) else fr[1]}",
    )


def choices(names: Sequence[str], aliases: Sequence[str] = ()) -> Phrase:
    """``one of: a, b (or c)``, ``une valeur parmi a, b (ou c)``: the codes to choose
    from, and their other spellings."""
    listed = ", ".join(names)
    if not aliases:
        return Phrase("one of: {listed}", "une valeur parmi {listed}", listed=listed)
    return Phrase(
        "one of: {listed} (or {aliases})",
        "une valeur parmi {listed} (ou {aliases})",
        listed=listed,
        aliases=", ".join(aliases),
    )


def did_you_mean(guess: str | None) -> Phrase:
    """`` (did you mean 'x'?)``, `` (vouliez-vous dire « x » ?)``, or nothing."""
    if guess is None:
        return EMPTY
    return Phrase(
        " (did you mean {guess!r}?)", " (vouliez-vous dire {guess!r}" + NNBSP + "?)", guess=guess
    )


def did_you_mean_among(word: str, known: Sequence[str], cutoff: float = 0.6) -> Phrase:
    """:func:`did_you_mean` with the closest of ``known`` to ``word``, if one is close."""
    guess = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return did_you_mean(guess[0] if guess else None)


def either(first: str, second: str) -> Phrase:
    """``'raise' or 'report'``, ``« raise » ou « report »``: one of two codes to type."""
    return Phrase("{first!r} or {second!r}", "{first!r} ou {second!r}", first=first, second=second)


def french_count(count: int, singular: str, plural: str) -> str:
    """``1 valeur``, ``3 valeurs``: a count and its French noun (French keeps 0 and 1
    singular)."""
    return f"{count} {singular if count in (0, 1) else plural}"


def grouped(number: int) -> Phrase:
    """A whole number with its thousands grouped: ``131,072`` in English, ``131 072`` in
    French (a narrow no-break space between the groups)."""
    return Phrase(formats.number(number, "en"), formats.number(number, "fr"))


def decimal(number: float) -> Phrase:
    """A number the library states (a tolerance, a total), as short as it reads: ``0.5``
    in English, ``0,5`` in French (a decimal comma)."""
    text = f"{number:g}"
    return Phrase(text, text.replace(".", ","))


#: Why the system refused a file, in French (it says it in English).
_SYSTEM_REASONS: Final[dict[type[OSError], str]] = {
    FileNotFoundError: "ce fichier n'existe pas",
    FileExistsError: "ce fichier existe déjà",
    IsADirectoryError: "c'est un dossier",
    NotADirectoryError: "un élément du chemin n'est pas un dossier",
    PermissionError: "accès refusé",
}


def system_reason(error: OSError, french: str = "erreur du système") -> Phrase:
    """Why the system refused a file: its own words in English (``No such file or
    directory``), and in French the reason for the common errors, ``french`` for the
    others."""
    english = error.strerror or str(error)
    return Phrase(english, _SYSTEM_REASONS.get(type(error), french))


class _Formatter(string.Formatter):
    """``str.format`` that renders phrases and quoted values in one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "r":
            return repr(value) if self.lang == "en" else _french(value, cut=False)
        if conversion == "s":
            return text_of(value, self.lang) if isinstance(value, str) else str(value)
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        if isinstance(value, Phrase):
            value = value.text(self.lang)
        return super().format_field(value, format_spec)


_FORMATTERS: Final = {"en": _Formatter("en"), "fr": _Formatter("fr")}


def _fill(template: str, lang: Lang, parts: Mapping[str, object]) -> str:
    return _FORMATTERS[lang].vformat(template, (), parts)


# -- values, the way a person typed them -----------------------------------------------------


def show(value: Any, lang: Lang = "en") -> str:
    """A value the way a user typed it, short enough for one line: in English as Python
    shows it (``'2 km'``, ``['a', 'b']``), in French between guillemets (« 2 km »,
    [« a », « b »]), dates and quantities as they are written."""
    if lang == "fr":
        return _french(value, cut=True)
    import reprlib

    if isinstance(value, Phrase):  # shown as the plain string it reads as
        value = str(value)

    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return repr(value.isoformat())
    if _is_scalar_quantity(value):  # a quantity as it is written: '0.005 EUR'
        return repr(f"{value.magnitude:g} {value.units:~}".strip())
    if isinstance(value, list | tuple) and any(isinstance(v, dt.date) for v in value):
        # dates as they are written, not as Python builds them
        text = "[" + ", ".join(show(v) for v in value) + "]"
        return text if len(text) <= 80 else text[:77] + "..."
    shorter = reprlib.Repr()
    shorter.maxlevel, shorter.maxstring, shorter.maxother = 3, 80, 80
    text = shorter.repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _is_scalar_quantity(value: Any) -> bool:
    """Whether ``value`` is one pint quantity (checked by its attributes: this module
    imports no unit library)."""
    magnitude = getattr(value, "magnitude", None)
    if (
        not hasattr(value, "units")
        or not isinstance(magnitude, int | float)
        or isinstance(magnitude, bool)
    ):
        return False
    try:  # an integer too large for a float is shown as the object it is
        float(magnitude)
    except OverflowError:
        return False
    return True


def _guillemets(text: str) -> str:
    return f"«{NBSP}{text}{NBSP}»"


def _shortened(text: str, most: int) -> str:
    """``text`` cut in the middle to ``most`` characters, an ellipsis where it is cut."""
    if len(text) <= most:
        return text
    head = (most - 1) // 2
    return text[:head] + "…" + text[len(text) - (most - 1 - head) :]


def _french(value: Any, *, cut: bool, depth: int = 0) -> str:
    """A value for a French message: text between guillemets, numbers as they are,
    lists and tables item by item, any other object by its type."""
    text = _french_item(value, cut=cut, depth=depth)
    if cut and len(text) > _MOST_CHARS:
        return text[: _MOST_CHARS - 1] + "…"
    return text


def _french_item(value: Any, *, cut: bool, depth: int) -> str:
    if isinstance(value, Phrase):
        return _guillemets(value.text("fr"))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):  # text, and the codes of str enums ('home')
        return _guillemets(_shortened(str(value), _MOST_CHARS - 4) if cut else str(value))
    if isinstance(value, enum.Enum):
        return _french_item(value.value, cut=cut, depth=depth)
    if isinstance(value, dt.datetime | dt.date):
        return _guillemets(value.isoformat())
    if _is_scalar_quantity(value):
        if not math.isfinite(value.magnitude):  # as it is written: « inf km »
            return _guillemets(f"{value.magnitude:g} {value.units:~}".strip())
        return _guillemets(french_quantity(value))
    if isinstance(value, numbers.Number):
        return str(value)
    if value is None:
        return "rien"
    if depth >= 3:
        return "…"
    if isinstance(value, Mapping):
        items = [
            f"{_key(key)} = {_french(item, cut=cut, depth=depth + 1)}"
            for key, item in list(value.items())[:4]
        ]
        return "{" + ", ".join(items) + (", …" if len(value) > 4 else "") + "}"
    if isinstance(value, list | tuple | set | frozenset):
        shown = list(value)
        if isinstance(value, set | frozenset):
            shown = sorted(shown, key=repr)
        items = [_french(item, cut=cut, depth=depth + 1) for item in shown[:6]]
        inner = ", ".join(items) + (", …" if len(shown) > 6 else "")
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    return f"une valeur de type {type(value).__name__}"


def _key(key: Any) -> str:
    """A key of a table, bare when it is a plain word, as TOML writes it."""
    if isinstance(key, str) and key.replace("_", "").replace("-", "").isalnum():
        return key
    return _french(key, cut=True)
