"""The exception hierarchy of ``teletravail``.

Every error the library raises on purpose derives from :class:`TeletravailError`, so
that an application can catch them all with one ``except``. Errors carry data (the
field, the value, what was expected) as attributes; the message is built from it.

Errors about bad values also derive from :class:`ValueError`, so that code written
against the standard library's conventions keeps working.

Every error says itself in English (``str(error)``, as it always did) and in French:
``error.text("fr")``. What was expected is a :class:`~teletravail.messages.Phrase`,
English text that holds its French; the error frames it with the field and the value
found, in each language. Errors pickle (they travel between processes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import teletravail.messages as messages
import teletravail.unit_words as unit_words
from teletravail.formats import date, french_quantity, number, quantity
from teletravail.messages import (
    NBSP,
    NNBSP,
    Lang,
    Phrase,
    check_lang,
    counted,
    french_count,
    show,
    text_of,
)

if TYPE_CHECKING:
    from teletravail.scheduling.checks import QuotaDecision
    from teletravail.sources import Source

__all__ = [
    "BatchTooLargeError",
    "BodyTooLargeError",
    "ConfigError",
    "DatedValueError",
    "EventOrderError",
    "InternalError",
    "MalformedJSONError",
    "MethodNotAllowedError",
    "MissingMentionError",
    "NoValueInForceError",
    "NotAvailableError",
    "NotPayableError",
    "NotServedError",
    "PatternError",
    "Problem",
    "ProcedureError",
    "QuotaExceededError",
    "ReferenceDateError",
    "RegisterError",
    "RowError",
    "TeletravailError",
    "TransitionError",
    "UnitError",
    "UnknownParameterError",
    "UnknownPolicyError",
    "UnknownScenarioError",
    "ValidationError",
    "WorkforceError",
    "dimension_words",
    "problems_counted",
    "quantity_of",
    "unknown_language_error",
]


class TeletravailError(Exception):
    """Base class of every error raised by ``teletravail`` on purpose.

    ``code`` is a stable name of the kind of error (kept across versions, for programs
    that react to it); :meth:`to_dict` gives the error as JSON-ready data with it."""

    code: ClassVar[str] = "error"

    def to_dict(self) -> dict[str, Any]:
        """The error as JSON-ready data: its ``code`` and ``message`` (English), and
        ``message_fr``; subclasses add what they carry."""
        return {"code": self.code, "message": str(self), "message_fr": self.text("fr")}

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang`` (``"en"`` or ``"fr"``). An error built from a
        :class:`~teletravail.messages.Phrase` says it in ``lang``, one built from free
        text says that text in both; the library's own errors override this."""
        check_lang(lang)
        if len(self.args) == 1 and isinstance(self.args[0], Phrase):
            return self.args[0].text(lang)
        return str(self)


class ValidationError(TeletravailError, ValueError):
    """A value does not satisfy a rule of the model.

    ``field`` names where the value was given (``"working_time"``,
    ``"values[2].start"``), ``value`` is what was given and ``expected`` says what
    would have been accepted.
    """

    code: ClassVar[str] = "invalid_value"

    def __init__(self, field: str, value: Any, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field}: expected {expected}, got {show(value)}")

    def to_dict(self) -> dict[str, Any]:
        """The error as JSON-ready data: ``code``, ``field``, ``value`` (as the user
        wrote it), ``expected`` and the messages."""
        return super().to_dict() | {
            "field": self.field,
            "value": show(self.value),
            "expected": str(self.expected),
        }

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang``: ``working_time : attendu …, trouvé « 2 km »``."""
        if check_lang(lang) == "en":
            return str(self)
        return _expected_found(self.field, self.value, self.expected)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.value, self.expected), self.__dict__)


def _expected_found(where: str, value: Any, expected: str) -> str:
    """The French frame of a problem: where, what was expected, what was found."""
    found = "aucune valeur trouvée" if value is None else f"trouvé {show(value, 'fr')}"
    return f"{where}{NBSP}: attendu {text_of(expected, 'fr')}, {found}"


class UnitError(ValidationError):
    """A quantity is missing, unparsable or of the wrong dimension.

    ``dimension`` is the expected dimensionality, e.g. ``"[length]"``.
    """

    code: ClassVar[str] = "unit"

    def __init__(self, field: str, value: Any, dimension: str, detail: str = "") -> None:
        self.dimension = dimension
        self.detail = detail
        expected = quantity_of(dimension)
        if detail:
            expected = Phrase(
                "{expected} ({detail})", "{expected} ({detail})", expected=expected, detail=detail
            )
        super().__init__(field, value, expected)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.value, self.dimension, self.detail), self.__dict__)


#: What a quantity of each dimension the library asks for is, in French.
_DIMENSIONS_FR: dict[str, str] = {
    "[]": "une proportion (sans dimension, comme «\u00a090 %\u00a0»)",
    "[length]": "une distance",
    "[mass]": "une masse",
    "[time]": "une durée",
    "1 / [time]": "une fréquence",
    "[currency]": "une somme d'argent",
    "[workday]": "un nombre de jours de travail",
    "[trip]": "un nombre de trajets",
    "[co2e]": "une quantité de CO2e",
    "[workday] / [time]": "un nombre de jours de travail par période",
    "[currency] / [workday]": "une somme par jour de travail",
    "[currency] * [time] / [workday]": "une somme par période et par jour de télétravail"
    " hebdomadaire",
    "[currency] / [length]": "une somme par distance",
    "[length] / [time]": "une vitesse",
    "[mass] * [co2e]": "une masse de CO2e",
    "[mass] * [co2e] / [length]": "une masse de CO2e par distance",
    "[mass] * [co2e] / [workday]": "une masse de CO2e par jour de travail",
}
# linear on a long run of spaces: a match starts at its operator or where no space comes
# before it, never inside a run of spaces, and spaces do not give back what they took
_FACTOR = re.compile(r"(?:(\*|/)|(?<!\s))\s*+\[(\w+)\](?:\s*+\*\*\s*+(-?\d+))?")


def _factors(dimension: str) -> frozenset[tuple[str, int]]:
    """A dimensionality as its factors and powers, however it is written or ordered
    (``[mass] * [co2e] / [length]`` is pint's ``[co2e] * [mass] / [length]``)."""
    powers: dict[str, int] = {}
    for operator, name, power in _FACTOR.findall(dimension):
        sign = -1 if operator == "/" else 1
        powers[name] = powers.get(name, 0) + sign * int(power or 1)
    return frozenset((name, power) for name, power in powers.items() if power)


_NAMED_FR = {_factors(dimension): words for dimension, words in _DIMENSIONS_FR.items()}


def dimension_words(dimension: str) -> Phrase:
    """What a quantity of ``dimension`` is, as a noun: ``a quantity of dimension
    [length]`` in English, ``une distance`` in French (a dimension without French words
    is named by its code)."""
    french = _NAMED_FR.get(_factors(dimension))
    if french is None:
        french = f"une quantité de dimension {dimension}"
    return Phrase(f"a quantity of dimension {dimension}", french)


def quantity_of(dimension: str) -> Phrase:
    """What a :class:`UnitError` expected: a quantity, of ``dimension`` unless it is
    ``"any dimension"``."""
    if dimension == "any dimension":
        return Phrase("a quantity", "une quantité")
    return dimension_words(dimension)


class DatedValueError(ValidationError):
    """A dated parameter is malformed (unsorted, duplicate or mixed-unit values)."""

    code: ClassVar[str] = "dated_value"


class NoValueInForceError(TeletravailError, LookupError):
    """A dated parameter has no value in force on the date asked for."""

    code: ClassVar[str] = "no_value_in_force"

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {
            "name": self.name,
            "on": str(self.on),
            "known": str(self.known),
        }

    def __init__(self, name: str, on: Any, known: str) -> None:
        self.name = name
        self.on = on
        self.known = known
        super().__init__(f"{name}: no value in force on {on} (values cover {known})")

    def text(self, lang: Lang = "en") -> str:
        if check_lang(lang) == "en":
            return str(self)
        return (
            f"{self.name}{NBSP}: aucune valeur en vigueur le {self.on}"
            f" (les valeurs couvrent {text_of(self.known, 'fr')})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.on, self.known), self.__dict__)


class NotAvailableError(TeletravailError, LookupError):
    """Something asked of a value that it does not hold: the dated days of an assessment
    read back from its document, say. ``what`` names it; the message says why."""

    code: ClassVar[str] = "not_available"

    def __init__(self, what: str, why: Phrase) -> None:
        self.what = what
        self.why = why
        super().__init__(why)

    def __str__(self) -> str:
        return self.why.text("en")

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {"field": self.what}

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.what, self.why), self.__dict__)


class ReferenceDateError(ValidationError):
    """An input is inconsistent with the reference date of an evaluation."""

    code: ClassVar[str] = "reference_date"


class PatternError(ValidationError):
    """A pattern that cannot be planned: more days than the agent works, a half day
    where the quota counts whole days only, a day the agent does not work."""

    code: ClassVar[str] = "impossible_pattern"


class QuotaExceededError(ValidationError):
    """A pattern was planned against a quota that does not allow it.

    ``decision`` is the :class:`~teletravail.scheduling.checks.QuotaDecision` that says
    which limit is in the way.
    """

    code: ClassVar[str] = "quota_exceeded"

    def __init__(self, decision: QuotaDecision) -> None:
        self.decision = decision
        super().__init__(
            "pattern",
            Phrase(quantity(decision.asked, "en"), french_quantity(decision.asked)),
            Phrase(
                "at most {maximum} on {on} ({failures})",
                "au plus {french} le {on} ({failures})",
                maximum=quantity(decision.maximum, "en"),
                french=french_quantity(decision.maximum),
                on=Phrase(date(decision.on, "en"), date(decision.on, "fr")),
                failures=Phrase(", ", ", ").join(decision.rule_names),
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """With the quota's ``decision`` (which limit is in the way, and why)."""
        return super().to_dict() | {"decision": self.decision.to_dict()}

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.decision,), self.__dict__)


class NotPayableError(ValidationError):
    """A component asked for at a place where it is not payable."""

    code: ClassVar[str] = "not_payable"


class ProcedureError(ValidationError):
    """An event of an authorisation's life breaks a rule of the procedure.

    ``field`` names the event's field at fault (``events[2].effective``), ``rule`` is the
    stable name of the rule broken (``"notice"``, ``"refusal_reasons"``…) and ``source``
    the :class:`~teletravail.sources.Source` of the rule, where a text sets it.
    """

    code: ClassVar[str] = "procedure_rule"

    def __init__(
        self,
        field: str,
        value: Any,
        expected: str,
        rule: str = "",
        source: Source | None = None,
    ) -> None:
        self.rule = rule
        self.source = source
        super().__init__(field, value, expected)

    def to_dict(self) -> dict[str, Any]:
        """With the ``rule`` broken and its ``source`` (as a source's dict), where known."""
        data = super().to_dict() | {"rule": self.rule}
        if self.source is not None:
            data["source"] = self.source.to_dict()
        return data

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            type(self),
            (self.field, self.value, self.expected, self.rule, self.source),
            self.__dict__,
        )


class TransitionError(ProcedureError):
    """An event the authorisation's state on its date does not allow (a renewal of a
    refused request, an appeal of a grant)."""

    code: ClassVar[str] = "forbidden_transition"


class EventOrderError(ProcedureError):
    """An event dated before the one it follows, or before the request."""

    code: ClassVar[str] = "event_order"


class MissingMentionError(ValidationError):
    """A mandatory mention of a written act is missing: from its data (``value`` is what
    was given), or from its rendering (``where`` names the template that leaves it
    out). ``field`` is the mention's field; ``expected`` says what the mention is and
    which text makes it mandatory (see :mod:`teletravail.acts.mentions`)."""

    code: ClassVar[str] = "missing_mention"

    def __init__(self, field: str, value: Any, expected: str, where: str = "") -> None:
        self.where = where
        super().__init__(field, value, expected)


class RowError:
    """One bad row of a batch input: its number, the field and what is wrong.

    Rows are numbered from 0 in the order they were given (for a CSV file, the first
    data row after the header is row 0). ``code`` is the stable code of the error's kind
    (that of the :class:`ValidationError` it wraps).
    """

    __slots__ = ("code", "error", "field", "message", "row", "value")

    def __init__(
        self, row: int, field: str, value: Any, message: str, code: str = "invalid_value"
    ) -> None:
        self.row = row
        self.field = field
        self.value = value
        self.message = message
        self.code = code

    @classmethod
    def from_error(cls, row: int, error: ValidationError) -> RowError:
        """Wrap a validation error raised while reading ``row`` (its message in both
        languages, its code)."""
        message = Phrase(str(error), error.text("fr"))
        return cls(row, error.field, error.value, message, error.code)

    def text(self, lang: Lang = "en") -> str:
        """What is wrong with the row, in ``lang`` (the row number aside)."""
        return text_of(self.message, check_lang(lang))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description of the bad row: its number, the error's ``code``, the
        ``field``, the ``value`` as written and the message in English and French."""
        return {
            "row": self.row,
            "code": self.code,
            "field": self.field,
            "value": show(self.value),
            "message": self.text("en"),
            "message_fr": self.text("fr"),
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return (RowError, (self.row, self.field, self.value, self.message, self.code))

    def __repr__(self) -> str:
        return f"RowError(row={self.row}, field={self.field!r}, message={self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RowError):
            return NotImplemented
        return (self.row, self.field, self.message) == (other.row, other.field, other.message)

    def __hash__(self) -> int:
        return hash((self.row, self.field, self.message))


class WorkforceError(TeletravailError, ValueError):
    """One or more rows of a workforce input are invalid.

    ``errors`` lists every bad row (not only the first), each with its row number,
    field and message.
    """

    code: ClassVar[str] = "bad_rows"

    def to_dict(self) -> dict[str, Any]:
        """With every bad row (``errors``: row, field, value, message)."""
        return super().to_dict() | {"errors": [e.to_dict() for e in self.errors]}

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = tuple(errors)
        shown = "; ".join(f"row {e.row}: {e.message}" for e in self.errors[:5])
        more = f" (and {len(self.errors) - 5} more)" if len(self.errors) > 5 else ""
        super().__init__(f"{len(self.errors)} invalid row(s): {shown}{more}")

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang``: how many rows are invalid, and the first five."""
        if check_lang(lang) == "en":
            return str(self)
        count = len(self.errors)
        rows = f"{count} ligne{'s' if count > 1 else ''} invalide{'s' if count > 1 else ''}"
        shown = f"{NNBSP}; ".join(f"ligne {e.row}{NBSP}: {e.text('fr')}" for e in self.errors[:5])
        more = f" (et {french_count(count - 5, 'autre', 'autres')})" if count > 5 else ""
        return f"{rows}{NBSP}: {shown}{more}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.errors,), self.__dict__)


class RegisterError(ValidationError):
    """A register file that cannot be read at all: an encoding not known, a mapping to a
    column it lacks, two columns for one field, merged header cells. It names the file
    (``source``), and ``field`` the column (``columns.<name>``) or what is wrong
    (``encoding``, ``header``); ``rows`` is the file's data rows, none of them read, so
    that a run says how many rows failed.

    .. versionadded:: 0.1.0 (issue 18)"""

    code: ClassVar[str] = "bad_register"

    def __init__(self, source: str, field: str, value: Any, expected: str, rows: int) -> None:
        self.source = source
        self.rows = rows
        super().__init__(field, value, expected)
        self.args = (f"{source}: {self.args[0]} ({_rows_en(rows)} not read)",)

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang``, the file first and the rows not read last."""
        if check_lang(lang) == "en":
            return str(self)
        rows = number(self.rows, "fr") + (" ligne" if self.rows < 2 else " lignes")
        unread = "non lue" if self.rows < 2 else "non lues"
        found = _expected_found(self.field, self.value, self.expected)
        return f"{self.source}{NBSP}: {found} ({rows} {unread})"

    def to_dict(self) -> dict[str, Any]:
        """With the file (``source``) and its data rows not read (``rows``)."""
        return super().to_dict() | {"source": self.source, "rows": self.rows}

    def __reduce__(self) -> tuple[Any, ...]:
        state = (self.source, self.field, self.value, self.expected, self.rows)
        return (type(self), state, self.__dict__)


def _rows_en(count: int) -> str:
    return number(count, "en") + (" row" if count == 1 else " rows")


class Problem:
    """One problem of a document: the key path, the value found and what was expected.

    ``path`` is written the way the document is read: ``quota.maximum``,
    ``eligibility.all_of[2].minimum``; the empty path is the document itself.
    """

    __slots__ = ("expected", "path", "value")

    def __init__(self, path: str, value: Any, expected: str) -> None:
        self.path = path
        self.value = value
        self.expected = expected

    def __str__(self) -> str:
        where = self.path or "(document)"
        found = "nothing" if self.value is None else show(self.value)
        return f"{where}: expected {self.expected}, got {found}"

    def text(self, lang: Lang = "en") -> str:
        """The problem in ``lang``: ``quota.maximum : attendu …, trouvé « 2 km »``."""
        if check_lang(lang) == "en":
            return str(self)
        return _expected_found(self.path or "(document)", self.value, self.expected)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description of the problem (in English)."""
        return {"path": self.path, "value": show(self.value), "expected": str(self.expected)}

    def __reduce__(self) -> tuple[Any, ...]:
        return (Problem, (self.path, self.value, self.expected))

    def __repr__(self) -> str:
        return f"Problem(path={self.path!r}, expected={self.expected!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.path, self.expected) == (other.path, other.expected)

    def __hash__(self) -> int:
        return hash((self.path, self.expected))


#: How many problems a ConfigError's message shows (its ``problems`` hold them all).
_MOST_SHOWN = 50


class ConfigError(ValidationError):
    """A policy document has problems; ``problems`` lists every one of them.

    It is a :class:`ValidationError` whose ``field`` is the first problem's path, so
    code catching validation errors catches it too. ``origin`` names the document (a
    file name, or ``<string>``).
    """

    code: ClassVar[str] = "bad_document"

    def to_dict(self) -> dict[str, Any]:
        """With the document's ``origin`` and every problem (path, value, expected)."""
        return super().to_dict() | {
            "origin": self.origin,
            "problems": [p.to_dict() for p in self.problems],
        }

    def __init__(self, problems: Sequence[Problem], origin: str = "<document>") -> None:
        if not problems:
            raise ValueError("a ConfigError needs at least one problem")
        self.problems = tuple(problems)
        self.origin = origin
        first = self.problems[0]
        super().__init__(first.path, first.value, first.expected)
        count = len(self.problems)
        lines = [f"{origin}: {problems_counted(count)}"]
        lines.extend(f"  {problem}" for problem in self.problems[:_MOST_SHOWN])
        if count > _MOST_SHOWN:  # every problem is in .problems; the message stays short
            lines.append(f"  ... and {count - _MOST_SHOWN} more")
        self.args = ("\n".join(lines),)

    def __str__(self) -> str:
        return str(self.args[0])

    def text(self, lang: Lang = "en") -> str:
        """Every problem (the first fifty) under the document's name, in ``lang``."""
        if check_lang(lang) == "en":
            return str(self)
        count = len(self.problems)
        lines = [f"{self.origin}{NBSP}: {problems_counted(count).text('fr')}"]
        lines.extend(f"  {problem.text('fr')}" for problem in self.problems[:_MOST_SHOWN])
        if count > _MOST_SHOWN:
            lines.append(f"  … et {french_count(count - _MOST_SHOWN, 'autre', 'autres')}")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems, self.origin), self.__dict__)


# -- the web service's refusals (teletravail.server): errors of the one hierarchy, so that
# -- every problem document is written from a to_dict()


class MalformedJSONError(ValidationError):
    """A request body that is not JSON text: ``expected`` says where it stops reading."""

    code: ClassVar[str] = "malformed_json"


class BodyTooLargeError(ValidationError):
    """A request body larger than the web service reads."""

    code: ClassVar[str] = "body_too_large"


class BatchTooLargeError(ValidationError):
    """A batch of more agents than the web service assesses in one request."""

    code: ClassVar[str] = "batch_too_large"


class NotServedError(ValidationError):
    """Something the web service does not serve: a path, a schema, a file of its docs."""

    code: ClassVar[str] = "not_found"


class UnknownPolicyError(NotServedError):
    """A policy the web service does not serve: ``expected`` lists those it does."""

    code: ClassVar[str] = "unknown_policy"


class UnknownScenarioError(ValidationError):
    """A reproduction scenario the library does not ship: ``expected`` lists those it does."""

    code: ClassVar[str] = "unknown_scenario"


class UnknownParameterError(NotServedError):
    """A national parameter the library does not know: ``expected`` lists those it does."""

    code: ClassVar[str] = "unknown_parameter"


class MethodNotAllowedError(ValidationError):
    """A method a path of the web service does not answer: ``expected`` lists those it
    does."""

    code: ClassVar[str] = "method_not_allowed"


class InternalError(TeletravailError):
    """A failure nothing foresaw: its ``id`` (:meth:`numbered`) is what the caller is
    told, the service's log holding the traceback under it."""

    code: ClassVar[str] = "internal_error"

    @classmethod
    def numbered(cls, id: str) -> InternalError:
        """The error of the failure logged under ``id``."""
        error = cls(
            Phrase(
                "the service failed unexpectedly; its log holds the details under {id}",
                "le service a échoué de façon inattendue" + NNBSP + "; son journal en garde le"
                " détail sous {id}",
                id=id,
            )
        )
        error.id = id
        return error

    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """With the failure's ``id``."""
        return super().to_dict() | {"id": self.id}


def problems_counted(count: int) -> Phrase:
    """``3 problems``, ``3 problèmes``: the headline of a document's problems."""
    return counted(count, ("problem", "problems"), ("problème", "problèmes"))


def unknown_language_error(lang: object) -> ValidationError:
    """The error of a language other than ``en`` and ``fr``: a :class:`ValidationError`
    on ``lang`` that lists them. Every check of a language raises it (see
    :data:`teletravail.messages.unknown_language`, set to this below)."""
    return ValidationError("lang", lang, Phrase("one of: en, fr", "une valeur parmi en, fr"))


# the messages sit below the errors and cannot import them: hand them the error to raise
messages.unknown_language = unknown_language_error
unit_words.unknown_language = unknown_language_error
