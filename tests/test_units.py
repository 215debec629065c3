"""The registry, the domain's units and the checks at the API boundary."""

from __future__ import annotations

import pickle
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pint
import pytest

from teletravail import Q_, UnitError, ValidationError, get_registry, set_registry
from teletravail.units import (
    CURRENCY,
    DIMENSIONLESS,
    LENGTH,
    TIME,
    WORKDAYS,
    as_quantity,
    format_quantity,
    per_registry,
)


def test_workdays_count_days_not_hours() -> None:
    """1.5 workday/week over 46 weeks is 69 workdays, a count and not a duration."""
    days = Q_(1.5, "workday/week") * Q_(46, "week")
    assert days.to("workday").magnitude == pytest.approx(69)
    assert str(days.to("workday").dimensionality) == WORKDAYS
    with pytest.raises(pint.DimensionalityError):
        Q_(1, "workday").to("hour")


def test_allowance_arithmetic_in_euros() -> None:
    """2.88 EUR/workday × 69 workday = 198.72 EUR, in the currency dimension."""
    amount = Q_(2.88, "EUR/workday") * Q_(69, "workday")
    assert amount.to("EUR").magnitude == pytest.approx(198.72)
    assert str(amount.dimensionality) == CURRENCY
    assert Q_(1, "EUR").to("cent").magnitude == pytest.approx(100)


def test_halfday_and_trip() -> None:
    """A halfday is half a workday; 2 trip/workday × 18 km/trip is 36 km/workday."""
    assert Q_(3, "halfday").to("workday").magnitude == pytest.approx(1.5)
    commute = Q_(2, "trip/workday") * Q_(18, "km/trip")
    assert commute.to("km/workday").magnitude == pytest.approx(36)


def test_co2e_is_not_plain_mass() -> None:
    """kg CO2e converts to t CO2e but cannot be added to a plain kilogram."""
    emitted = Q_(0.1423, "kg CO2e/km") * Q_(10_000, "km")
    assert emitted.to("t CO2e").magnitude == pytest.approx(1.423)
    with pytest.raises(pint.DimensionalityError):
        emitted + Q_(1, "kg")


def test_q_parses_strings_and_euro_sign() -> None:
    """Q_ accepts "30 km", the euro sign and non-breaking spaces typed in French."""
    assert Q_("30 km") == Q_(30, "km")
    assert Q_("100\u00a0€") == Q_(100, "EUR")
    assert Q_(2.88, "€/workday") == Q_(2.88, "EUR/workday")


def test_as_quantity_wrong_dimension_names_field_value_and_dimension() -> None:
    """A distance given in kg is refused with the field, the value and the dimension."""
    with pytest.raises(UnitError) as caught:
        as_quantity("3 kg", field="commute_distance", dimension=LENGTH)
    error = caught.value
    assert error.field == "commute_distance"
    assert error.value == "3 kg"
    assert error.dimension == LENGTH
    assert "commute_distance" in str(error) and "[length]" in str(error) and "3 kg" in str(error)


def test_rate_without_time_base_is_explained() -> None:
    """A rate given as plain euros, where EUR/workday is expected, says it lacks a time base."""
    with pytest.raises(UnitError, match="no time base"):
        as_quantity("2.88 EUR", field="rate", dimension=f"{CURRENCY} / {WORKDAYS}")
    assert as_quantity("2.88 EUR/workday", field="rate", dimension=f"{CURRENCY} / {WORKDAYS}")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (30, "bare number"),
        (True, "boolean"),
        ("thirty km", "cannot read"),
        ("30 furlongz", "cannot read"),
        ([30], "is not a quantity"),
    ],
)
def test_as_quantity_rejects_what_is_not_a_quantity(value: object, message: str) -> None:
    """Bare numbers, booleans, unreadable strings and lists are typed errors."""
    with pytest.raises(UnitError, match=message):
        as_quantity(value, field="distance", dimension=LENGTH)


def test_bare_numbers_allowed_only_for_dimensionless_when_asked() -> None:
    """allow_bare lets a plain number through for a dimensionless field, not a NaN."""
    assert (
        as_quantity(0.5, field="share", dimension=DIMENSIONLESS, allow_bare=True).magnitude == 0.5
    )
    with pytest.raises(UnitError, match="finite"):
        as_quantity(float("nan"), field="share", dimension=DIMENSIONLESS, allow_bare=True)


def test_foreign_registry_quantities_are_converted() -> None:
    """A quantity from the application's own registry comes in as one of ours."""
    foreign = pint.UnitRegistry(cache_folder=None)
    value = as_quantity(foreign.Quantity(45, "minute"), field="commute_time", dimension=TIME)
    assert value._REGISTRY is get_registry()
    assert value == Q_(45, "min")


def test_set_registry_adds_our_units_and_rebuilds_cached_values() -> None:
    """An application's registry gets our units; per-registry caches follow the switch."""
    ours = get_registry()
    theirs = pint.UnitRegistry(cache_folder=None)
    calls: list[int] = []

    @per_registry
    def build() -> object:
        calls.append(1)
        return Q_(1, "EUR")

    first = build()
    assert build() is first
    try:
        set_registry(theirs)
        assert get_registry() is theirs
        assert "EUR" in theirs and "workday" in theirs
        second = build()
        assert second is not first and second._REGISTRY is theirs  # type: ignore[attr-defined]
        assert len(calls) == 2
    finally:
        set_registry(ours)
    assert build() is first


def test_set_registry_refuses_conflicting_definitions() -> None:
    """A registry whose EUR is not a currency is refused, naming the unit."""
    theirs = pint.UnitRegistry(cache_folder=None)
    theirs.define("EUR = 1 * meter")
    ours = get_registry()
    with pytest.raises(UnitError, match=r"registry\.EUR"):
        set_registry(theirs)
    assert get_registry() is ours
    with pytest.raises(ValidationError):
        set_registry("not a registry")  # type: ignore[arg-type]


def test_format_quantity() -> None:
    """Quantities are written short, with a space before the percent sign."""
    assert format_quantity(Q_(18, "km")) == "18 km"
    assert format_quantity(Q_(90, "percent")) == "90 %"
    assert format_quantity(Q_(2.88, "EUR/workday")) == "2.88 EUR / workday"


def test_import_does_not_create_the_registry() -> None:
    """Importing teletravail neither imports pint nor builds a registry."""
    code = (
        "import sys, teletravail, teletravail.units as u;"
        "print('pint' in sys.modules, u._registry is None)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,88 €", Q_(2.88, "EUR")),
        ("12,5 km", Q_(12.5, "km")),
        ("1 000 km", Q_(1000, "km")),
        ("1\u202f000 km", Q_(1000, "km")),
        ("1 234 567,5 EUR", Q_(1234567.5, "EUR")),
        ("2,88 €/workday", Q_(2.88, "EUR/workday")),
    ],
)
def test_french_number_writing(text: str, expected: object) -> None:
    """A decimal comma and grouped thousands are read as a French reader reads them."""
    assert Q_(text) == expected
    assert as_quantity(text, field="x", dimension=None) == expected


def test_co2e_dimension_check_does_not_depend_on_spelling_order() -> None:
    """'kg CO2e' and 'CO2e kg' both pass the same dimension check, in any order of use."""
    for text in ("1 CO2e * kg", "1 kg CO2e", "2 t CO2e"):
        assert as_quantity(text, field="emissions", dimension="[mass] * [co2e]")
        assert as_quantity(text, field="emissions", dimension="[co2e] * [mass]")


def test_money_is_written_with_cents() -> None:
    """Amounts in euros are formatted with two decimals."""
    assert format_quantity(Q_(2.5, "EUR/workday")) == "2.50 EUR / workday"
    assert format_quantity(Q_(220, "EUR")) == "220.00 EUR"


def test_unreadable_string_always_says_why() -> None:
    """Even when pint gives no message, the error says the text could not be read."""
    with pytest.raises(UnitError, match=r"cannot read it: .+"):
        as_quantity("km km 3 /", field="distance", dimension=LENGTH)
    with pytest.raises(UnitError, match=r"expected a quantity \(list is not a quantity\), got"):
        as_quantity([1], field="anything", dimension=None)


@pytest.mark.parametrize(
    "text",
    ["9**9**9 km", "2 3 km", "1,5,3 km", "3 km + 2 m", "3 m**9**9", "km", "3 " + "km" * 3000 + "!"],
)
def test_quantity_text_is_a_number_then_a_unit(text: str) -> None:
    """Arithmetic, stray numbers and runaway exponents are refused at once, not evaluated."""
    with pytest.raises(UnitError) as caught:
        Q_(text)
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize("text", ["1,000 km", "12,500 EUR"])
def test_ambiguous_thousands_comma_is_refused(text: str) -> None:
    """'1,000' could be a thousand or one: the error says how to write either."""
    with pytest.raises(UnitError, match="ambiguous"):
        Q_(text)


def test_unknown_unit_in_q_is_a_unit_error() -> None:
    """Q_ with an unknown unit raises the library's error, naming the unit."""
    with pytest.raises(UnitError) as caught:
        Q_(3, "xyz")
    assert caught.value.field == "unit"


def test_set_registry_checks_every_unit_of_ours() -> None:
    """A registry whose 'cent' is a length is refused and left untouched."""
    theirs = pint.UnitRegistry(cache_folder=None)
    theirs.define("cent = 1 * meter")
    with pytest.raises(UnitError, match=r"registry\.cent"):
        set_registry(theirs)
    assert "workday" not in theirs


ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "teletravail" / "data"
SHIPPED = DATA / "units.txt"


def _shipped_definitions() -> tuple[list[str], list[str]]:
    """(every unit name, symbol and alias; every prefix name and symbol) of the shipped
    definitions file, read line by line."""
    units: list[str] = []
    prefixes: list[str] = []
    for line in SHIPPED.read_text("utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if not text or line[0].isspace() or text.startswith(("@", "[")):
            continue
        name, _, *others = (part.strip() for part in text.split("="))
        spellings = [name, *(other for other in others if other != "_")]
        if name.endswith("-"):
            prefixes += [spelling.removesuffix("-") for spelling in spellings]
        else:
            units += spellings
    return units, prefixes


SHIPPED_UNITS, SHIPPED_PREFIXES = _shipped_definitions()


@pytest.fixture(scope="module")
def pints_defaults() -> pint.UnitRegistry:
    """A registry of pint's full default definitions, the reference for ours."""
    return pint.UnitRegistry(cache_folder=None)


def _same_reading(text: str, reference: pint.UnitRegistry) -> None:
    """``text`` names the same unit in our registry as in ``reference``: same name, same
    symbol, same dimension, same value in base units."""
    ours, theirs = Q_(1, text), reference.Quantity(1, text)
    assert str(ours.units) == str(theirs.units)
    assert f"{ours.units:~P}" == f"{theirs.units:~P}"
    assert str(ours.dimensionality) == str(theirs.dimensionality)
    ours_base, theirs_base = ours.to_base_units(), theirs.to_base_units()
    assert str(ours_base.units) == str(theirs_base.units)
    assert ours_base.magnitude == pytest.approx(theirs_base.magnitude, rel=1e-12)


@pytest.mark.parametrize("text", SHIPPED_UNITS)
def test_shipped_unit_reads_as_in_pints_defaults(
    text: str,
    pints_defaults: pint.UnitRegistry,
) -> None:
    """Each name, symbol and alias of the shipped file is the unit pint's defaults know."""
    _same_reading(text, pints_defaults)
    _same_reading(f"{text}/h", pints_defaults)


@pytest.mark.parametrize("prefix", SHIPPED_PREFIXES)
def test_shipped_prefix_reads_as_in_pints_defaults(
    prefix: str,
    pints_defaults: pint.UnitRegistry,
) -> None:
    """Each prefix, by name and by symbol, scales a unit as in pint's defaults."""
    for unit_name in ("meter", "g", "gram", "Wh"):
        _same_reading(prefix + unit_name, pints_defaults)


def test_default_registry_is_built_from_the_shipped_file(
    pints_defaults: pint.UnitRegistry,
) -> None:
    """The default registry knows the shipped file's units, not the rest of pint's."""
    ours = get_registry()
    shipped = set(pint.UnitRegistry(str(SHIPPED), cache_folder=None))
    assert shipped <= set(ours)
    assert "hectare" in pints_defaults and "hectare" not in ours
    with pytest.raises(UnitError, match="hectare"):
        Q_(1, "hectare")


def test_no_name_of_pints_reads_otherwise_here(pints_defaults: pint.UnitRegistry) -> None:
    """Every name, symbol and alias of pint's defaults is, in the shipped registry,
    unknown, refused (a symbol that would read as a prefix and a shipped unit: "Pa" is
    not a peta-year) or the very same unit: nothing is silently misread."""
    refused, misread = [], []
    prefixes = ["", "d", "k", "m", "c", "M", "da", "µ"]
    forms = {
        p + name + end
        for name in ("Pa", "ha", "at", "kt", "cd")
        for p in prefixes
        for end in ("", "s")
    }
    for name in sorted(set(pints_defaults._units) | forms):
        try:
            ours = Q_(1, name)
        except UnitError as exc:
            if "pint's full set of units" in str(exc):
                refused.append(name)
            continue
        try:
            theirs = pints_defaults.Quantity(1, name)
        except pint.errors.UndefinedUnitError:
            continue  # a form only ours reads
        same = ours.dimensionality == theirs.dimensionality and ours.to_base_units().m == (
            pytest.approx(theirs.to_base_units().m, rel=1e-12)
        )
        if not same:
            misread.append(name)
    assert misread == []
    assert {"Pa", "ha", "kt", "kPa", "dat", "kts"} <= set(refused)


def test_pints_full_registry_can_be_handed_over() -> None:
    """set_registry(pint.UnitRegistry()) brings back every unit of pint's defaults."""
    ours = get_registry()
    try:
        set_registry(pint.UnitRegistry(cache_folder=None))
        assert Q_(2, "hectare").to("m**2").magnitude == pytest.approx(20_000)
        assert Q_("3 ha").to("hectare").magnitude == pytest.approx(3)  # no longer refused
        assert Q_(2.88, "EUR/workday") * Q_(2, "workday") == Q_(5.76, "EUR")
    finally:
        set_registry(ours)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_our_quantities_pickle_into_the_registry_in_force(protocol: int) -> None:
    """A quantity and a unit of the library's registry pickle as magnitude and unit name
    and read back equal, in the library's registry (not pint's application registry)."""
    value, unit = Q_(2.88, "EUR/workday"), get_registry().Unit("workday/week")
    back, unit_back = pickle.loads(pickle.dumps((value, unit), protocol))
    assert back == value and back._REGISTRY is get_registry()
    assert unit_back == unit and unit_back._REGISTRY is get_registry()


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_a_set_registry_pickles_as_ours(protocol: int) -> None:
    """The quantities of a registry an application set pickle like the library's own:
    read back into the registry in force where they are unpickled, which knows
    ``workday`` (pint's application registry does not)."""
    ours = get_registry()
    theirs = pint.UnitRegistry(cache_folder=None)
    try:
        set_registry(theirs)
        value = Q_(1.5, "workday/week")
        data = pickle.dumps(value, protocol)
        back = pickle.loads(data)
        assert back._REGISTRY is theirs and back == value
    finally:
        set_registry(ours)
    elsewhere = pickle.loads(data)  # read back where the library's own is in force
    assert elsewhere._REGISTRY is ours and elsewhere == Q_(1.5, "workday/week")


def test_package_data_ships_every_data_file() -> None:
    """Every file of the package's data folder, the units file included, is package data."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        patterns = tomllib.load(file)["tool"]["setuptools"]["package-data"]["teletravail"]
    files = [path.name for path in DATA.iterdir() if path.is_file()]
    assert "units.txt" in files
    for name in files:
        assert any(fnmatch(f"data/{name}", pattern) for pattern in patterns), name


def test_a_quantity_of_another_registry_is_read_by_its_units_full_names() -> None:
    """A registry that prints symbols ("~") does not make a carat a centitonne here:
    the units are read by their full names, so pint's hectare is unknown, not a
    hecto-year."""
    other = pint.UnitRegistry(cache_folder=None)
    other.formatter.default_format = "~"
    assert as_quantity(other.Quantity(2, "km"), field="x", dimension="[length]") == Q_(2, "km")
    for name in ("carat", "hectare", "pascal"):
        with pytest.raises(UnitError, match=name):
            as_quantity(other.Quantity(2, name), field="x", dimension=None)
