"""National parameters a policy names instead of copying them: the one registry.

A public body that pays the public-service *forfait télétravail*, or a private employer
that pays up to the URSSAF limits, names the parameter (and, for the forfait, the branch
of the civil service) instead of copying its dated amounts:

* ``forfait-teletravail``: the public-service forfait (décret n° 2021-1123), per
  telework day with a yearly cap, by branch: ``state`` (fonction publique de l'État),
  ``territorial`` (territoriale) and ``hospital`` (hospitalière). The 2024 cap differs:
  282.24 EUR in the State and hospital branches, 253.44 EUR in a local body unless its
  own deliberation adopts the higher cap;
* ``urssaf-per-day`` and ``urssaf-monthly-flat``: the limits a private employer may pay
  without contributions, per telework day with a monthly cap, or a month per weekly
  telework day; ``...-collective-agreement``: the higher limits under a collective
  agreement.

:func:`national_parameters` lists them (name, description, branches and the dated
values with their sources: :meth:`NationalParameter.to_dict` is JSON-ready);
:func:`national_component` gives the allowance component of one, which keeps its
:class:`NationalReference` so that a policy document writes the reference back, not the
amounts. A referenced value follows the library's dated values: a document read again
after a release that ships a new rate pays the new rate.

A local body may depart from a national value (a deliberation setting a lower cap):
the local dated values lie over the national ones where they are in force, and each
must cite its own source. Names and branches are read in English or French, case,
accents and separators aside (``"Forfait télétravail"``, ``"État"``, ``"FPT"``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from teletravail.dated import DatedParameter, DatedValue
from teletravail.errors import NoValueInForceError, ValidationError
from teletravail.messages import EMPTY, Phrase, choices, did_you_mean_among
from teletravail.sources import STATED, Source
from teletravail.units import per_registry
from teletravail.week import PlaceKind

from .branch import Branch, branch_choices, plain_words
from .forfait import (
    DECRET_2021_1123,
    forfait_annual_cap,
    forfait_annual_cap_territorial,
    forfait_daily_rate,
)
from .rates import MonthlyFlat, PerDay, Reference
from .urssaf import (
    BOSS,
    BOSS_PLACES,
    urssaf_daily_rate,
    urssaf_monthly_cap,
    urssaf_monthly_flat_rate,
)

if TYPE_CHECKING:
    from .component import Component

__all__ = [
    "NationalParameter",
    "NationalReference",
    "NationalValues",
    "national_component",
    "national_parameter",
    "national_parameters",
]

ParameterKind = Literal["per_day", "monthly_flat"]

_ONE_DAY = dt.timedelta(days=1)


@attrs.frozen(kw_only=True)
class NationalValues:
    """The dated values of a national parameter for one branch (or for every employer,
    when it has no branches): the ``rate``, the ``cap`` of a per-day amount, and a
    ``note`` on who pays it."""

    rate: DatedParameter
    cap: DatedParameter | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: each parameter's dated values with their sources."""
        return {
            "rate": self.rate.to_dict(),
            "cap": None if self.cap is None else self.cap.to_dict(),
            "note": self.note,
        }


_ANYWHERE = frozenset({PlaceKind.HOME, PlaceKind.OTHER, PlaceKind.TELECENTRE})


@attrs.frozen(kw_only=True)
class NationalParameter:
    """A national parameter a policy may name: its ``name`` (the code a document
    writes), the ``label`` its component's line takes, what it is (``description``),
    the ``kind`` of component it pays (``per_day`` or ``monthly_flat``), its ``source``,
    other ``aliases`` it is read by, and its dated values by branch (``values``: pairs
    of a :class:`Branch`, or None for a parameter the same for every employer, and its
    :class:`NationalValues`). A per-day amount has a cap per ``cap_per`` and pays days
    at ``places``."""

    name: str
    label: str
    description: str
    kind: ParameterKind
    source: Source
    values: tuple[tuple[Branch | None, NationalValues], ...]
    aliases: tuple[str, ...] = ()
    cap_per: Literal["year", "month"] = "year"
    places: frozenset[PlaceKind] = _ANYWHERE

    @property
    def branches(self) -> tuple[Branch, ...]:
        """The branches the values differ by (none: the same for every employer)."""
        return tuple(branch for branch, _ in self.values if branch is not None)

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and the aliases, as :func:`plain_words` compares them."""
        return tuple(plain_words(word) for word in (self.name, *self.aliases))

    def branch(self, value: Any) -> Branch | None:
        """``value`` read as a branch of this parameter: required (a :class:`Branch` or
        a word for one) when it has branches, None when it has none."""
        if not self.branches:
            if value is not None:
                shown = value.value if isinstance(value, Branch) else value
                raise ValidationError(
                    "branch",
                    shown,
                    Phrase(
                        "no branch: {name!r} is the same for every employer",
                        "aucun versant\u00a0: {name!r} est le même pour tout employeur",
                        name=self.name,
                    ),
                )
            return None
        if value is None:
            raise ValidationError(
                "branch",
                None,
                Phrase(
                    "{choices}, the branch of {name!r}: its values differ by branch (missing)",
                    "{choices}, le versant de {name!r}, dont les valeurs diffèrent selon le"
                    " versant (absent)",
                    choices=branch_choices(),
                    name=self.name,
                ),
            )
        return Branch.parse(value)

    def values_for(self, branch: Branch | str | None = None) -> NationalValues:
        """The dated values for ``branch`` (None for a parameter without branches)."""
        found = self.branch(branch)
        return next(values for key, values in self.values if key is found)

    def component(
        self,
        branch: Branch | str | None = None,
        *,
        name: str | None = None,
        rate: DatedParameter | None = None,
        cap: DatedParameter | None = None,
        places: Any = None,
        source: Source | None = None,
    ) -> PerDay | MonthlyFlat:
        """The allowance component that pays this parameter for ``branch``, keeping its
        :class:`NationalReference`. ``rate`` and ``cap`` are local dated values that lie
        over the national ones where they are in force (each citing its own source);
        ``name``, ``places`` and ``source`` default to the parameter's."""
        reference = NationalReference(
            parameter=self.name, branch=self.branch(branch), rate=rate, cap=cap
        )
        resolved = reference.resolve()
        line = self.label if name is None else name
        cited = self.source if source is None else source
        if self.kind == "per_day":
            return PerDay(
                name=line,
                rate=resolved.rate,
                cap=resolved.cap,
                cap_per=self.cap_per,
                places=self.places if places is None else places,
                source=cited,
                national=reference,
            )
        if places is not None:
            raise ValidationError(
                "places",
                places,
                Phrase(
                    "no places: a monthly flat amount is paid wherever the days are",
                    "aucun lieu\u00a0: un forfait mensuel est versé où que soient les jours",
                ),
            )
        return MonthlyFlat(name=line, rate=resolved.rate, source=cited, national=reference)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the name, label, description, kind, aliases, source and
        the dated values of each branch."""
        data: dict[str, Any] = {
            "name": self.name,
            "label": self.label,
            "description": self.description,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "source": self.source.to_dict(),
            "branches": [branch.value for branch in self.branches],
        }
        if self.kind == "per_day":
            data["cap_per"] = self.cap_per
            data["places"] = sorted(place.value for place in self.places)
        data["values"] = [
            {"branch": None if branch is None else branch.value, **values.to_dict()}
            for branch, values in self.values
        ]
        return data


def _forfait() -> NationalParameter:
    rate = forfait_daily_rate()
    by_right = "paid by right; 282.24 EUR cap for 2024 (arrêté of 3 April 2024)"
    return NationalParameter(
        name="forfait-teletravail",
        label="forfait télétravail",
        description=(
            "The public-service telework allowance (décret n° 2021-1123): an amount per"
            " telework day requested and authorised, capped per calendar year; payable at"
            " home or in a tiers-lieu without an employer-funded canteen. Its 2024 cap"
            " differs by branch."
        ),
        kind="per_day",
        source=DECRET_2021_1123,
        aliases=("allocation-forfaitaire-de-teletravail",),
        values=(
            (Branch.STATE, NationalValues(rate=rate, cap=forfait_annual_cap(), note=by_right)),
            (
                Branch.TERRITORIAL,
                NationalValues(
                    rate=rate,
                    cap=forfait_annual_cap_territorial(),
                    note=(
                        "paid only by a deliberation of the council, which may set a lower"
                        " cap (whether it may lower the daily rate is disputed); the 2024"
                        " cap of 282.24 EUR only by the body's own deliberation"
                    ),
                ),
            ),
            (Branch.HOSPITAL, NationalValues(rate=rate, cap=forfait_annual_cap(), note=by_right)),
        ),
    )


def _urssaf_per_day(agreement: bool) -> NationalParameter:
    return NationalParameter(
        name="urssaf-per-day" + ("-collective-agreement" if agreement else ""),
        label="indemnité URSSAF par jour" + (" (accord collectif)" if agreement else ""),
        description=(
            "The most a private employer may pay per telework day without social"
            " contributions, with its monthly cap (22 days)"
            + (", under a collective agreement." if agreement else ".")
        ),
        kind="per_day",
        source=BOSS_PLACES,
        aliases=("urssaf-par-jour" + ("-accord-collectif" if agreement else ""),),
        cap_per="month",
        values=(
            (
                None,
                NationalValues(
                    rate=urssaf_daily_rate(agreement),
                    cap=urssaf_monthly_cap(agreement),
                    note="private employers",
                ),
            ),
        ),
    )


def _urssaf_monthly_flat(agreement: bool) -> NationalParameter:
    return NationalParameter(
        name="urssaf-monthly-flat" + ("-collective-agreement" if agreement else ""),
        label="indemnité mensuelle URSSAF" + (" (accord collectif)" if agreement else ""),
        description=(
            "The most a private employer may pay a month per weekly telework day without"
            " social contributions" + (", under a collective agreement." if agreement else ".")
        ),
        kind="monthly_flat",
        source=BOSS,
        aliases=("urssaf-forfait-mensuel" + ("-accord-collectif" if agreement else ""),),
        values=(
            (
                None,
                NationalValues(rate=urssaf_monthly_flat_rate(agreement), note="private employers"),
            ),
        ),
    )


@per_registry
def national_parameters() -> Mapping[str, NationalParameter]:
    """Every national parameter a policy may name, by name (read-only)."""
    found = (
        _forfait(),
        _urssaf_per_day(False),
        _urssaf_per_day(True),
        _urssaf_monthly_flat(False),
        _urssaf_monthly_flat(True),
    )
    return MappingProxyType({parameter.name: parameter for parameter in found})


def national_parameter(name: Any) -> NationalParameter:
    """The national parameter called ``name`` (or one of its aliases), case, accents and
    separators aside; another name is a :class:`ValidationError` with a "did you mean"."""
    known = national_parameters()
    if isinstance(name, str):
        word = plain_words(name)
        for parameter in known.values():
            if word in parameter.spellings:
                return parameter
    spellings = [spelling for parameter in known.values() for spelling in parameter.spellings]
    hint = did_you_mean_among(plain_words(name), spellings) if isinstance(name, str) else EMPTY
    raise ValidationError("national", name, choices(list(known)) + hint)


def national_component(
    parameter: str,
    branch: Branch | str | None = None,
    *,
    name: str | None = None,
    rate: DatedParameter | None = None,
    cap: DatedParameter | None = None,
    places: Any = None,
    source: Source | None = None,
) -> PerDay | MonthlyFlat:
    """The allowance component of the national ``parameter`` for ``branch``
    (:meth:`NationalParameter.component`): ``national_component("forfait-teletravail",
    "territoriale")``."""
    return national_parameter(parameter).component(
        branch, name=name, rate=rate, cap=cap, places=places, source=source
    )


def _own_sources(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: local values, each citing the text that sets it."""
    if value is None:
        return
    if not isinstance(value, DatedParameter):
        raise ValidationError(
            attribute.name,
            value,
            Phrase(
                "local dated values (a DatedParameter)",
                "des valeurs datées locales (un objet DatedParameter)",
            ),
        )
    for index, entry in enumerate(value.values):
        if entry.source == STATED:
            raise ValidationError(
                attribute.name,
                str(entry.value),
                Phrase(
                    "local values that each cite their own source (the text that sets them,"
                    " such as the council's deliberation): values[{index}] cites none",
                    "des valeurs locales qui citent chacune leur propre source (le texte qui"
                    " les fixe, comme la délibération de l'assemblée)\u00a0: values[{index}]"
                    " n'en cite aucune",
                    index=index,
                ),
            )


def _canonical(value: Any) -> str:
    return national_parameter(value).name


def _optional_branch(value: Any) -> Branch | None:
    return None if value is None else Branch.parse(value)


@attrs.frozen(kw_only=True)
class NationalReference(Reference):
    """What a component that pays a national parameter names: the ``parameter``, its
    ``branch`` (for a parameter with branches) and the local dated values, if any, that
    lie over the national ``rate`` and ``cap`` where they are in force."""

    parameter: str = attrs.field(converter=_canonical)
    branch: Branch | None = attrs.field(default=None, converter=_optional_branch)
    rate: DatedParameter | None = attrs.field(default=None, validator=_own_sources)
    cap: DatedParameter | None = attrs.field(default=None, validator=_own_sources)

    def __attrs_post_init__(self) -> None:
        definition = self.definition
        national = definition.values_for(self.branch)
        if self.cap is not None and national.cap is None:
            raise ValidationError(
                "cap",
                self.cap,
                Phrase(
                    "no cap: {name!r} has none",
                    "aucun plafond\u00a0: {name!r} n'en a pas",
                    name=self.parameter,
                ),
            )
        for field, local, base in (
            ("rate", self.rate, national.rate),
            ("cap", self.cap, national.cap),
        ):
            if local is None or base is None:
                continue
            dimension = base.values[0].value.dimensionality
            for index, entry in enumerate(local.values):
                if entry.value.dimensionality != dimension:
                    raise ValidationError(
                        f"{field}.values[{index}].value",
                        entry.value,
                        Phrase(
                            "a quantity of the dimension of {name} ({dimension})",
                            "une quantité de la dimension de {name} ({dimension})",
                            name=base.name,
                            dimension=base.dimension,
                        ),
                    )

    @property
    def definition(self) -> NationalParameter:
        """The parameter named, as the library holds it now."""
        return national_parameters()[self.parameter]

    def resolve(self) -> NationalValues:
        """The values the component pays: the national ones of the branch, with the
        local ones over them where they are in force."""
        national = self.definition.values_for(self.branch)
        if self.rate is None and self.cap is None:
            return national
        rate = national.rate if self.rate is None else _layered(national.rate, self.rate)
        cap = national.cap
        if self.cap is not None and cap is not None:
            cap = _layered(cap, self.cap)
        return NationalValues(rate=rate, cap=cap, note=national.note)

    def check(self, component: Component) -> None:
        """Refuse a ``component`` whose values are not this reference's (a component
        changed after it was made from a national parameter)."""
        definition = self.definition
        if component.kind != definition.kind:
            raise ValidationError(
                "national",
                self.parameter,
                Phrase(
                    "a national parameter paid as {kind}: {name!r} is paid as {paid}",
                    "un paramètre national versé sous la forme {kind}\u00a0: {name!r} est versé"
                    " sous la forme {paid}",
                    kind=component.kind,
                    name=self.parameter,
                    paid=definition.kind,
                ),
            )
        values = self.resolve()
        named = Phrase(
            "{name!r}" + ("" if self.branch is None else " ({branch})"),
            "{name!r}" + ("" if self.branch is None else " ({french})"),
            name=self.parameter,
            branch=self.branch,
            french=None if self.branch is None else self.branch.french,
        )
        advice = Phrase(
            "; or national=None, for values of its own",
            "\u202f; ou national=None, pour des valeurs propres",
        )
        if getattr(component, "rate", None) != values.rate:
            raise ValidationError(
                "rate",
                getattr(component, "rate", None),
                Phrase(
                    "the rate of {named}{advice}",
                    "le taux de {named}{advice}",
                    named=named,
                    advice=advice,
                ),
            )
        if isinstance(component, PerDay):
            if component.cap != values.cap:
                raise ValidationError(
                    "cap",
                    component.cap,
                    Phrase(
                        "the cap of {named}{advice}",
                        "le plafond de {named}{advice}",
                        named=named,
                        advice=advice,
                    ),
                )
            if component.cap_per != definition.cap_per:
                raise ValidationError(
                    "cap_per",
                    component.cap_per,
                    Phrase(
                        "{per!r}, as {named} is capped",
                        "{per!r}, comme le plafond de {named}",
                        per=definition.cap_per,
                        named=named,
                    ),
                )


def _layered(national: DatedParameter, local: DatedParameter) -> DatedParameter:
    """The dated values of ``national`` with those of ``local`` over them: on each day,
    the local value in force, or else the national one (each keeps its source). The
    result is named as the national parameter."""
    cuts = sorted({*national.change_dates(), *local.change_dates()})
    pieces: list[tuple[dt.date, DatedValue | None]] = []
    for day in cuts:
        entry = _in_force(local, day) or _in_force(national, day)
        if not pieces or pieces[-1][1] is not entry:
            pieces.append((day, entry))
    entries: list[DatedValue] = []
    for index, (start, entry) in enumerate(pieces):
        if entry is None:
            continue
        end = pieces[index + 1][0] - _ONE_DAY if index + 1 < len(pieces) else entry.end
        entries.append(attrs.evolve(entry, start=start, end=end))
    return attrs.evolve(national, values=tuple(entries))


def _in_force(parameter: DatedParameter, day: dt.date) -> DatedValue | None:
    try:
        return parameter.entry_as_of(day)
    except NoValueInForceError:
        return None
