"""The library's single pint registry, and helpers to bring quantities in at the edges.

The registry is created on first use, never at import time. It is built from the short
list of units shipped in ``data/units.txt`` (pint's names and values, a fraction of
pint's defaults, so that it builds several times faster), plus the units of the domain:

* ``EUR`` (alias ``euro``) is a dimension of its own, ``[currency]``; ``cent`` is 0.01 EUR;
* ``workday`` is a *count of working days*, dimension ``[workday]``, not a 24-hour span:
  ``1.5 workday/week × 46 week = 69 workday``; ``halfday`` is 0.5 workday;
* ``trip`` counts one-way journeys, dimension ``[trip]``: ``2 trip/workday × 18 km/trip``;
* ``CO2e`` marks a mass as carbon-dioxide equivalent, so that ``kg CO2e`` cannot be added
  to a plain ``kg``.

An application that has its own registry hands it over with :func:`set_registry`; our
definitions are added to it if they are missing, and pint's application registry is
never touched. Quantities from another registry are converted at the API boundary by
:func:`as_quantity`. The quantities of the library's registry, or of the one set, pickle
as their magnitude and unit name and are read back into the registry in force where they
are unpickled, so that the values that hold them travel between processes.
"""

from __future__ import annotations

import copyreg
import functools
import math
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from teletravail.errors import UnitError, ValidationError, dimension_words
from teletravail.messages import Phrase
from teletravail.unit_words import english_units

if TYPE_CHECKING:
    import pint

    #: The type of the library's quantities, for annotations.
    Quantity: TypeAlias = pint.Quantity[Any]

__all__ = [
    "CO2E",
    "CURRENCY",
    "DIMENSIONLESS",
    "LENGTH",
    "Q_",
    "TIME",
    "TRIPS",
    "WORKDAYS",
    "WORKDAYS_PER_TIME",
    "as_quantity",
    "format_quantity",
    "format_unit",
    "get_registry",
    "parse_quantity",
    "per_registry",
    "set_registry",
    "unit",
]

#: Dimensionalities, as pint writes them, for the checks of :func:`as_quantity`.
LENGTH = "[length]"
TIME = "[time]"
CURRENCY = "[currency]"
WORKDAYS = "[workday]"
#: Telework days per period, such as ``workday/week``.
WORKDAYS_PER_TIME = "[workday] / [time]"
TRIPS = "[trip]"
CO2E = "[mass] * [co2e]"
DIMENSIONLESS = "[]"

# The definitions of the default registry, in the package's data folder.
_UNITS_FILE = "units.txt"

# name, definition: each is added to a registry that does not know the name yet.
_DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("EUR", "EUR = [currency] = _ = euro = euros"),
    ("cent", "cent = 0.01 EUR = _ = cents"),
    ("workday", "workday = [workday] = _ = workdays"),
    ("halfday", "halfday = 0.5 workday = _ = halfdays"),
    ("trip", "trip = [trip] = _ = trips"),
    ("CO2e", "CO2e = [co2e] = _ = CO2eq"),
)

# what each of our units must measure in an application's registry that defines it
_OUR_DIMENSIONS = {
    "EUR": CURRENCY,
    "cent": CURRENCY,
    "workday": WORKDAYS,
    "halfday": WORKDAYS,
    "trip": TRIPS,
    "CO2e": "[co2e]",
}

# Symbols of pint's full set of units that the shipped file leaves out and that would
# read, in the shipped registry, as a prefix and one of its units ("Pa": peta-year): they
# are refused rather than misread. tests/test_units.py checks against pint's defaults
# that no other name reads differently in the two registries.
_SHADOWED: dict[str, str] = {
    "Eh": "hartree",
    "Pa": "pascal",
    "Rd": "rutherford",
    "Ta": "aberdeen",
    "Td": "townsend",
    "Tt": "tex",
    "at": "technical_atmosphere",
    "cd": "candela",
    "ct": "carat",
    "dgal": "dry_gallon",
    "ha": "hectare",
    "kt": "knot",
    "pt": "pint",
    "qt": "quart",
    "rd": "rod",
}
_NAME = re.compile(r"[^\W\d][\w]*")


@functools.cache
def _prefix_symbols() -> tuple[str, ...]:
    """ "" and the symbols and aliases of the shipped file's prefixes (``k``, ``da``,
    ``µ``): "dat" or "kts" would read there as a prefix or a plural around a shipped unit
    too. Read from the file itself (``kilo- = 1e3 = k-``)."""
    from importlib import resources

    text = (resources.files("teletravail") / "data" / _UNITS_FILE).read_text(encoding="utf-8")
    found = [""]
    for line in text.splitlines():
        parts = [part.strip() for part in line.split("=")]
        if len(parts) > 2 and parts[0].endswith("-"):
            found += [part[:-1] for part in parts[2:] if part.endswith("-")]
    return tuple(found)


def _shadowed(word: str) -> str | None:
    """The unit of pint's full set that ``word`` names (a shadowed symbol, with a prefix
    or a plural "s"), or None."""
    for prefix in _prefix_symbols():
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            for symbol in (rest, rest[:-1] if rest.endswith("s") else None):
                if symbol in _SHADOWED:
                    return (prefix + "-" if prefix else "") + _SHADOWED[symbol]
    return None


_lock = threading.Lock()
_registry: pint.UnitRegistry[Any] | None = None
_built: pint.UnitRegistry[Any] | None = None  # the registry built from the shipped file
# Parsed units and dimensionalities of the registry in force (pint re-reads a unit
# string on every call, tens of microseconds; a dict lookup is a fraction of one).
_units: dict[str, pint.Unit] = {}
_dimensions: dict[str, Any] = {}


def _add_definitions(registry: pint.UnitRegistry[Any]) -> None:
    """Define our units in ``registry`` where they are missing (idempotent)."""
    for name, definition in _DEFINITIONS:
        if name not in registry:
            registry.define(definition)


def get_registry() -> pint.UnitRegistry[Any]:
    """The registry every quantity of the library belongs to, created on first call
    from the shipped ``data/units.txt`` (for all of pint's units, pass
    ``pint.UnitRegistry()`` to :func:`set_registry`)."""
    global _registry, _built
    registry = _registry
    if registry is not None:
        return registry
    with _lock:
        if _registry is None:
            from importlib import resources

            import pint

            shipped = resources.files("teletravail") / "data" / _UNITS_FILE
            with resources.as_file(shipped) as path:
                created: pint.UnitRegistry[Any] = pint.UnitRegistry(path, cache_folder=None)
            _add_definitions(created)
            _pickled_as_ours(created)
            _registry = _built = created
        return _registry


def _pickled_as_ours(registry: pint.UnitRegistry[Any]) -> None:
    """Pickle the quantities and units of ``registry`` (the library's own, or one an
    application set with :func:`set_registry`) as their magnitude and unit name, read
    back into the library's registry in force where they are unpickled: pint would read
    them into its application registry, which does not know ``workday`` or ``EUR``."""
    copyreg.pickle(registry.Quantity, _reduce_quantity)
    copyreg.pickle(registry.Unit, _reduce_unit)


def _reduce_quantity(quantity: Quantity) -> tuple[Any, ...]:
    return (_unpickled_quantity, (quantity.magnitude, str(quantity.units)))


def _reduce_unit(unit: pint.Unit) -> tuple[Any, ...]:
    return (_parsed_unit, (str(unit),))


def _unpickled_quantity(magnitude: Any, unit: str) -> Quantity:
    return get_registry().Quantity(magnitude, _parsed_unit(unit))


def set_registry(registry: pint.UnitRegistry[Any]) -> None:
    """Use an application's own registry from now on.

    Our units (``EUR``, ``workday``, ``halfday``, ``trip``, ``CO2e``) are defined in it
    where missing. A registry that already defines one of them with another dimension is
    refused, and left as it was. Values built before the switch keep their old registry;
    values the library builds lazily (presets, shipped parameters) are rebuilt for the
    new one. Its quantities and units pickle as those of the library's own registry do:
    as their magnitude and unit name, read back into the registry in force where they
    are unpickled (so a policy built with them can be sent to another process).
    """
    global _registry
    import pint

    if not isinstance(registry, pint.UnitRegistry):
        raise ValidationError(
            "registry", registry, Phrase("a pint.UnitRegistry", "un objet pint.UnitRegistry")
        )
    with _lock:
        for name, dimension in _OUR_DIMENSIONS.items():
            if name in registry:
                found = str(registry.get_dimensionality(name))
                if found != dimension:
                    raise UnitError(
                        f"registry.{name}",
                        found,
                        dimension,
                        Phrase("already defined otherwise", "déjà définie autrement"),
                    )
        _add_definitions(registry)
        _pickled_as_ours(registry)
        _units.clear()
        _dimensions.clear()
        _registry = registry


def _parsed_unit(name: str) -> pint.Unit:
    found = _units.get(name)
    if found is None:
        registry = get_registry()
        if registry is _built:
            for word in _NAME.findall(name):
                meant = _shadowed(word)
                if meant is not None:
                    raise ValueError(
                        Phrase(
                            "{word!r} is {meant} in pint's full set of units, which the"
                            " library's registry leaves out (see set_registry)",
                            "{word!r} est l'unité {meant} dans l'ensemble complet de pint, que le"
                            " registre de la bibliothèque laisse de côté (voir set_registry)",
                            word=word,
                            meant=meant,
                        )
                    )
        found = registry.Unit(_clean(name))
        _units[name] = found
    return found


def unit(name: str) -> pint.Unit:
    """The registry's unit for ``name`` (``"km"``, ``"EUR/workday"``), parsed once."""
    return _parsed_unit(name)


def Q_(value: Any, unit: str | None = None) -> Quantity:  # noqa: N802 (pint's own name)
    """Build a quantity of the library's registry: ``Q_(30, "km")``, ``Q_("30 km")``.

    ``value`` may be a number, a numpy array (wrapped whole, never element by element)
    or, with no ``unit``, a string such as ``"2.88 EUR/workday"`` (read by
    :func:`parse_quantity`). An unknown unit or unreadable text is a :class:`UnitError`.
    """
    registry = get_registry()
    if unit is None:
        if isinstance(value, str):
            return parse_quantity(value, field="value")
        return registry.Quantity(value)
    try:
        parsed = _parsed_unit(unit)
    except Exception as exc:  # pint raises several unrelated types on a bad unit
        raise UnitError("unit", unit, "any dimension", _unknown(exc)) from None
    return registry.Quantity(value, parsed)


def _reason(exc: BaseException) -> Phrase:
    """An exception's message, never empty and never longer than a line, with its
    French: pint's own messages are English, so they are said in French by their kind."""
    text = str(exc) or type(exc).__name__
    text = text if len(text) <= 160 else text[:157] + "..."
    if exc.args and isinstance(exc.args[0], Phrase):  # ours, already in both languages
        return Phrase(text, exc.args[0].text("fr"))
    names = getattr(exc, "unit_names", None)  # pint's UndefinedUnitError
    if isinstance(names, tuple | list) and names:
        listed = ", ".join(f"«\u00a0{name}\u00a0»" for name in names)
        return Phrase(text, f"{listed} n'est pas une unité connue")
    return Phrase(text, "une unité que la bibliothèque ne sait pas lire")


def _unknown(exc: BaseException) -> Phrase:
    return Phrase("unknown unit: {reason}", "unité inconnue\u00a0: {reason}", reason=_reason(exc))


# A quantity written as text: a number, then a unit made of names, spaces, '*', '/',
# parentheses and one-digit exponents. Nothing else reaches pint's expression parser, so
# text from a file can neither hang it ("9**9**9 km") nor be read as arithmetic
# ("2 3 km", "3 km + 2 m").
_NUMBER = r"[+-]?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?"
_QUANTITY_TEXT = re.compile(rf"^({_NUMBER})\s*(.*)$")
_AMBIGUOUS_COMMA = re.compile(r"^[+-]?[0-9]{1,3},[0-9]{3}$")
_UNIT_TOKEN = re.compile(r"\s*(?:([A-Za-z_%µ°][A-Za-z0-9_]*)|(\*\*|\^)(-?[0-9])(?![0-9])|([*/()]))")


def _unit_text_ok(text: str) -> bool:
    """Whether ``text`` is unit names joined by spaces, ``*``, ``/``, parentheses, with
    one-digit exponents after a name or a closing parenthesis (a linear scan)."""
    position, previous = 0, ""
    while position < len(text):
        match = _UNIT_TOKEN.match(text, position)
        if match is None:
            return False
        name, power, _, symbol = match.groups()
        if power and previous not in ("name", ")"):
            return False
        previous = "name" if name else "power" if power else symbol
        position = match.end()
    return True


def parse_quantity(text: str, *, field: str, dimension: str | None = None) -> Quantity:
    """Read ``"28 km"``, ``"2,88 €/workday"`` or ``"90 %"`` as a quantity.

    The number comes first, written with a decimal point or a French decimal comma and,
    for large values, thousands separated by spaces (``"1 000 km"``); the unit follows.
    ``"1,000"`` is refused as ambiguous (a thousand, or one?). Anything else, arithmetic
    included, is a :class:`UnitError` naming ``field``.
    """
    return as_quantity(text, field=field, dimension=dimension)


def _read_text(text: str, field: str, wanted: str) -> Quantity:
    cleaned = _clean(text)
    match = _QUANTITY_TEXT.match(cleaned)
    if match is None:
        raise UnitError(field, text, wanted, _NUMBER_THEN_UNIT)
    number, unit_text = match.groups()
    written = unit_text
    if unit_text:  # French words read as the library's units
        unit_text = " ".join(english_units(unit_text).split()).replace(" / ", "/")
    if _AMBIGUOUS_COMMA.match(number):
        raise UnitError(
            field,
            text,
            wanted,
            Phrase(
                "{number!r} is ambiguous: write {whole} or {decimal}",
                "{number!r} est ambigu\u00a0: écrivez {whole} ou {decimal}",
                number=number,
                whole=number.replace(",", ""),
                decimal=number.replace(",", "."),
            ),
        )
    if not _unit_text_ok(unit_text):
        unreadable = Phrase(
            "cannot read the unit {unit!r}",
            "impossible de lire l'unité {written!r}",
            unit=unit_text[:40],
            written=written[:40],
        )
        raise UnitError(field, text, wanted, unreadable)
    registry = get_registry()
    try:
        plain = number.replace(",", ".")
        magnitude: float = int(plain) if plain.lstrip("+-").isdigit() else float(plain)
        if not unit_text:
            return registry.Quantity(magnitude)
        return registry.Quantity(magnitude, _parsed_unit(unit_text))
    except Exception as exc:  # pint raises several unrelated types on a bad unit
        unreadable = Phrase(
            "cannot read it: {reason}", "illisible\u00a0: {reason}", reason=_reason(exc)
        )
        raise UnitError(field, text, wanted, unreadable) from None


_NUMBER_THEN_UNIT = Phrase(
    "cannot read it: write a number then a unit, '28 km'",
    "illisible\u00a0: écrivez un nombre puis une unité, «\u00a028 km\u00a0»",
)


_DIGIT_GROUPS = re.compile(r"(?<=[0-9]) (?=[0-9]{3}(?![0-9]))")


def _clean(text: str) -> str:
    """Spell units and spaces as pint reads them.

    The euro sign becomes ``EUR``; no-break and narrow no-break spaces are spaces; a
    space between digit groups separates thousands (``"1 000 km"`` is 1000 km). The
    decimal comma is read with the number, in :func:`parse_quantity`.
    """
    text = text.replace("€", " EUR ").replace("\u202f", " ").replace("\xa0", " ")
    while _DIGIT_GROUPS.search(text):
        text = _DIGIT_GROUPS.sub("", text)
    return " ".join(text.split())


def as_quantity(
    value: Any,
    *,
    field: str,
    dimension: str | None,
    allow_bare: bool = False,
) -> Quantity:
    """Bring ``value`` into the library's registry, checking its dimension.

    Accepts a pint quantity (of any registry), a string such as ``"30 km"`` or, when
    ``allow_bare`` is set and the dimension is ``[]``, a plain number. Anything else, a
    string that does not parse, or a quantity of another dimension, raises
    :class:`~teletravail.errors.UnitError` naming ``field``, the value and ``dimension``.
    ``dimension=None`` accepts any dimension.
    """
    import pint

    registry = get_registry()
    wanted = dimension if dimension is not None else "any dimension"
    if isinstance(value, pint.Quantity):
        if value._REGISTRY is not registry:  # a quantity from the application's registry
            try:
                # by the units' full names, whatever that registry prints by default
                value = registry.Quantity(value.magnitude, _parsed_unit(f"{value.units:D}"))
            except Exception as exc:  # any parse failure of a foreign unit
                raise UnitError(field, value, wanted, _unknown(exc)) from None
        quantity = value
    elif isinstance(value, str):
        quantity = _read_text(value, field, wanted)
    elif isinstance(value, bool):
        raise UnitError(
            field,
            value,
            wanted,
            Phrase("a boolean is not a quantity", "un booléen n'est pas une quantité"),
        )
    elif isinstance(value, int | float) and allow_bare and dimension == DIMENSIONLESS:
        if isinstance(value, float) and not math.isfinite(value):
            raise UnitError(
                field, value, wanted, Phrase("not a finite number", "pas un nombre fini")
            )
        quantity = registry.Quantity(value)
    elif isinstance(value, int | float):
        example = _EXAMPLES.get(dimension or "", _EXAMPLES[LENGTH])
        bare = Phrase(
            "a bare number has no unit: write it as {example}",
            "un nombre seul n'a pas d'unité\u00a0: écrivez-le {example}",
            example=example,
        )
        raise UnitError(field, value, wanted, bare)
    else:
        not_quantity = Phrase(
            "{kind} is not a quantity",
            "un objet {kind} n'est pas une quantité",
            kind=type(value).__name__,
        )
        raise UnitError(field, value, wanted, not_quantity)
    result: Quantity = quantity
    if dimension is None or result.dimensionality == _dimensionality(dimension):
        return result
    found = str(result.dimensionality)
    if found != _normal(dimension):
        if dimension.endswith("[workday]") and found == _normal(dimension.split("/")[0].strip()):
            hint = Phrase(
                "it has no time base: write it per workday",
                "sans base de temps\u00a0: écrivez la valeur par jour de travail",
            )
        elif dimension == WORKDAYS_PER_TIME and found == "dimensionless":
            hint = Phrase(
                "its dimension is dimensionless: a day is 24 hours,"
                " count telework in workday ('workday/week')",
                "c'est un nombre sans dimension\u00a0: comptez le télétravail en jours de"
                " travail, «\u00a0jours/semaine\u00a0», un «\u00a0day\u00a0» durant 24 heures",
            )
        else:
            hint = Phrase(
                "its dimension is {found}", "c'est {what}", found=found, what=dimension_words(found)
            )
        raise UnitError(field, value, dimension, hint)
    return result


_EXAMPLES = {
    DIMENSIONLESS: Phrase("'90 %' or Q_(90, 'percent')", "«\u00a090 %\u00a0» ou Q_(90, 'percent')"),
    LENGTH: Phrase("'30 km' or Q_(30, 'km')", "«\u00a030 km\u00a0» ou Q_(30, 'km')"),
    TIME: Phrase("'45 min' or Q_(45, 'min')", "«\u00a045 min\u00a0» ou Q_(45, 'min')"),
    CURRENCY: Phrase("'100 EUR' or Q_(100, 'EUR')", "«\u00a0100 €\u00a0» ou Q_(100, 'EUR')"),
    WORKDAYS_PER_TIME: Phrase(
        "'1.5 workday/week' or Q_(1.5, 'workday/week')",
        "«\u00a01,5 jour/semaine\u00a0» ou Q_(1.5, 'workday/week')",
    ),
}

_normal_cache: dict[str, str] = {}


def _dimensionality(dimension: str) -> Any:
    found = _dimensions.get(dimension)
    if found is None:
        registry = get_registry()
        found = (
            registry.Quantity(1).dimensionality
            if dimension == DIMENSIONLESS
            else registry.get_dimensionality(dimension)
        )
        _dimensions[dimension] = found
    return found


def _normal(dimension: str) -> str:
    """pint's own spelling of a dimensionality written by hand ("[currency] / [workday]")."""
    found = _normal_cache.get(dimension)
    if found is None:
        if dimension == DIMENSIONLESS:
            found = "dimensionless"
        else:
            found = str(get_registry().get_dimensionality(dimension))
        _normal_cache[dimension] = found
    return found


def format_unit(quantity: Quantity) -> str:
    """A unit in its short form: ``km``, ``EUR / workday``, ``%``."""
    text = f"{quantity.units:~}"
    return text or "dimensionless"


def format_quantity(quantity: Quantity, digits: int = 6) -> str:
    """A scalar quantity written for people: ``18 km``, ``90 %``, ``2.88 EUR / workday``."""
    magnitude = float(quantity.magnitude)
    unit = f"{quantity.units:~}"
    if unit.startswith("EUR"):  # money reads with its cents: 2.50 EUR, 220.00 EUR
        return f"{magnitude:.2f} {unit}"
    number = f"{magnitude:.{digits}g}"
    if not unit:
        return number
    return f"{number} {unit}" if unit != "%" else f"{number} %"


F = TypeVar("F")


def per_registry(build: Callable[..., F]) -> Callable[..., F]:
    """Cache what ``build`` returns for the registry in force (and for its arguments,
    which must be hashable); a registry switch rebuilds it."""
    cache: dict[tuple[int, tuple[Any, ...], tuple[tuple[str, Any], ...]], tuple[object, F]] = {}

    def cached(*args: Any, **kwargs: Any) -> F:
        registry = get_registry()
        key = (id(registry), args, tuple(sorted(kwargs.items())))
        hit = cache.get(key)
        if hit is not None and hit[0] is registry:
            return hit[1]
        value = build(*args, **kwargs)
        cache[key] = (registry, value)
        return value

    functools.update_wrapper(cached, build)
    return cached
