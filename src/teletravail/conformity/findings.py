"""What a conformity check finds: :class:`Finding` values and the :class:`ConformityReport`
that holds them, with their text (in English and French) and their JSON form.

A finding is data: a stable code, a severity, the part of the policy concerned (its
path), what was observed, the limit and the legal text it comes from; its sentence is
written from those data by :mod:`teletravail.conformity.text`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final, Literal

import attrs
import pint

from teletravail._checks import named
from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.display import card, grid, resolve
from teletravail.documents import (
    Choice,
    Day,
    Flag,
    Key,
    ListOf,
    Nullable,
    Number,
    Table,
    Text,
    heading_keys,
    unchanged,
)
from teletravail.errors import ValidationError
from teletravail.explain import SCHEMA_VERSION, Value, encode_value
from teletravail.explain.values import VALUE
from teletravail.formats import date
from teletravail.messages import Lang, Phrase, choices
from teletravail.sources import SOURCE_TABLE, Source

from .text import CODES, COLON, check_lang, cite, counted, sentence, word

__all__ = ["ConformityReport", "Finding", "Severity"]

Severity = Literal["error", "warning", "note"]
_SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")


def _severity(instance: Any, attribute: Any, value: Any) -> None:
    if value not in _SEVERITIES:
        raise ValidationError("severity", value, choices(_SEVERITIES))


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            attribute.name, value, Phrase("a non-empty string", "un texte non vide")
        )


def _code(instance: Any, attribute: Any, value: Any) -> None:
    if value not in CODES:
        raise ValidationError("code", value, choices(CODES))


def _optional_text(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _source(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Source):
        raise ValidationError(
            "source",
            value,
            Phrase(
                "a Source naming the legal text", "un objet Source qui nomme le texte juridique"
            ),
        )


def _value(instance: Any, attribute: Any, value: Any) -> None:
    if value is None or isinstance(value, str | dt.date | Duration | pint.Quantity):
        return
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return
    raise ValidationError(
        attribute.name,
        value,
        Phrase(
            "a quantity, a word, a date, a duration or None",
            "une quantité, un mot, une date, une durée ou None",
        ),
    )


@attrs.frozen(kw_only=True)
class Finding:
    """One point where a policy departs from the framework, or is worth a remark.

    ``code`` is stable, one of the codes in ``docs/conformity.md``
    (``quota_above_3_days``); ``severity`` is ``"error"`` (the policy does not
    conform), ``"warning"`` (it cannot be checked, or rests on grounds outside the
    framework) or ``"note"``; ``path`` names the part of the policy
    (``quota.maximum``, ``allowance[1].rate``, ``places``); ``subject`` names what the
    finding is about when the path alone does not (a derogation kind, a place, a
    component's name); ``observed`` and ``limit`` are quantities, durations, dates or
    words; ``source`` is the legal text.
    """

    code: str = attrs.field(validator=_code)
    severity: Severity = attrs.field(validator=_severity)
    path: str = attrs.field(validator=_text)
    observed: Value = attrs.field(validator=_value)
    limit: Value = attrs.field(validator=_value)
    source: Source = attrs.field(validator=_source)
    subject: str | None = attrs.field(default=None, validator=_optional_text)

    def message(self, lang: Lang = "en") -> str:
        """The finding as a sentence in English or French, from its data (no code: the
        values in words, dates as ``1er janvier 2013``)."""
        check_lang(lang)
        return sentence(
            self.code, lang, subject=self.subject, observed=self.observed, limit=self.limit
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, with the message in both languages."""
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "subject": None if self.subject is None else str(self.subject),
            "observed": _encode(self.observed),
            "limit": _encode(self.limit),
            "source": self.source.to_dict(),
            "message": {"en": self.message("en"), "fr": self.message("fr")},
        }


def _encode(value: Value) -> Any:
    if isinstance(value, str):
        return str(value)  # a member of a string enum as its plain value
    if isinstance(value, tuple):
        return [str(item) for item in value]
    return encode_value(value)


def _findings(value: Any) -> tuple[Finding, ...]:
    if isinstance(value, str | Finding) or not isinstance(value, Iterable):
        raise ValidationError(
            "findings", value, Phrase("a sequence of Finding", "une suite d'objets Finding")
        )
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, Finding):
            raise ValidationError(
                f"findings[{index}]", item, Phrase("a Finding", "un objet Finding")
            )
    return items


@attrs.frozen(kw_only=True)
class ConformityReport:
    """What :func:`check_conformity` found for one policy on one date."""

    policy: str = attrs.field(validator=_text)
    on: dt.date = attrs.field(converter=named(to_date))  # type: ignore[misc]
    findings: tuple[Finding, ...] = attrs.field(converter=_findings)

    @property
    def conforms(self) -> bool:
        """True when no finding is an error (warnings and notes do not count)."""
        return not any(finding.severity == "error" for finding in self.findings)

    @property
    def codes(self) -> tuple[str, ...]:
        """The findings' codes, in order."""
        return tuple(finding.code for finding in self.findings)

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        if severity not in _SEVERITIES:
            raise ValidationError("severity", severity, choices(_SEVERITIES))
        return sum(1 for finding in self.findings if finding.severity == severity)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document with a schema version."""
        return {
            "schema": REPORT_SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "policy": self.policy,
            "on": self.on.isoformat(),
            "conforms": self.conforms,
            "counts": {severity: self.count(severity) for severity in _SEVERITIES},
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def render(self, lang: Lang = "en") -> str:
        """The report as lines of text in English or French: the verdict with the counts
        and the date in words, then each finding's sentence and its source as a reader
        cites it. The codes and paths stay in :meth:`to_dict`: the text names no code."""
        check_lang(lang)
        colon = COLON[lang]
        verdict = word("conforms" if self.conforms else "does_not_conform", lang)
        counts = ", ".join(counted(self.count(s), s, lang) for s in _SEVERITIES)
        on = date(self.on, lang)
        head = f"{word('policy', lang)} {self.policy} {word('on', lang)} {on}"
        out = [f"{head}{colon} {verdict} ({counts})"]
        for finding in self.findings:
            severity = word(finding.severity, lang)
            out.append(f"[{severity}] {finding.message(lang)}")
            out.append(f"  {word('source', lang)}{colon} {cite(finding.source, lang)}")
        return "\n".join(out)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        verdict = "conforms" if self.conforms else "does not conform"
        counts = ", ".join(f"{self.count(s)} {s}" for s in _SEVERITIES)
        return f"<ConformityReport of {self.policy!r} on {self.on}: {verdict} ({counts})>"

    def to_html(self, lang: Lang | None = None) -> str:
        """The report as a small HTML display: the verdict and its counts, then each
        finding's severity, sentence and source, in English or French (``None``: the
        language of :mod:`teletravail.display`): what a notebook shows."""
        lang = resolve(lang)
        verdict = word("conforms" if self.conforms else "does_not_conform", lang)
        counts = ", ".join(counted(self.count(s), s, lang) for s in _SEVERITIES)
        title = f"{word('policy', lang)} {self.policy}{COLON[lang]} {verdict}"
        subtitle = f"{word('on', lang)} {date(self.on, lang)} ({counts})"
        table = grid(
            [word("severity", lang), word("finding", lang), word("source", lang)],
            [
                (word(f.severity, lang), f.message(lang), cite(f.source, lang))
                for f in self.findings
            ],
        )
        return card(title, [], subtitle=subtitle, parts=[table] if self.findings else [])

    def _repr_html_(self) -> str:
        return self.to_html()


#: The name of a conformity report's document.
REPORT_SCHEMA: Final = "teletravail.conformity_report"


_FINDING: Final = Table(
    "finding",
    "One thing the check found, with the text it rests on.",
    [
        Key("code", Text(), "the stable code of the finding", True),
        Key("severity", Choice(list(_SEVERITIES)), "error, warning or note", True),
        Key("path", Text(empty=True), "where in the policy (its document's key path)", True),
        Key("subject", Nullable(Text(empty=True)), "what it is about (null: the policy)", True),
        Key("observed", VALUE, "what the policy says", True),
        Key("limit", VALUE, "what the text allows", True),
        Key("source", SOURCE_TABLE, "the text", True),
        Key(
            "message",
            Table(
                "message",
                "The finding in a sentence.",
                [Key("en", Text(), "in English", True), Key("fr", Text(), "in French", True)],
                unchanged,
                unchanged,
            ),
            "the finding in English and French",
            True,
        ),
    ],
    unchanged,
    unchanged,
    french="constat",
)
_COUNT: Final = Number(0, 1e9, whole=True)

#: The description of a conformity report's document (:meth:`ConformityReport.to_dict`),
#: for its JSON Schema.
REPORT: Final = Table(
    "conformity_report",
    "What the conformity check found for one policy on one date.",
    [
        *heading_keys(REPORT_SCHEMA, SCHEMA_VERSION),
        Key("policy", Text(), "the name of the policy", True),
        Key("on", Day(), "the date checked", True),
        Key("conforms", Flag(), "no finding is an error", True),
        Key(
            "counts",
            Table(
                "counts",
                "The findings by severity.",
                [Key(s, _COUNT, f"the {s}s", True) for s in _SEVERITIES],
                unchanged,
                unchanged,
            ),
            "the findings by severity",
            True,
        ),
        Key("findings", ListOf(_FINDING), "every finding", True),
    ],
    unchanged,
    unchanged,
    french="rapport de conformité",
)
