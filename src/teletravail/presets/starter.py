"""Starter documents: a commented policy document a territory edits, in French or English.

:func:`starter_document` writes a TOML policy document in which every key is explained by
a comment above it, in the chosen language: from a shipped preset (its values as the
preset writes them, its sources' ids kept), or from nothing (a minimal valid document
with every main section, the values to replace marked ``← to replace`` or ``← à
remplacer``, the optional sections commented out). :func:`commented` does the same for
any document's data, so that a document written by a program can be read by a person.

The English comments are the descriptions of the document format itself (the
:class:`~teletravail.documents.Key` and :class:`~teletravail.documents.Table` objects of
:mod:`teletravail.config.format`); their French is kept with the format, in one place
(:data:`KEYS_FR`, :data:`TABLES_FR`, from :mod:`teletravail.config.french`),
and a test checks that every key of the format has its French (:func:`missing_french`).
Every written document reads back as the data it was written from.

The module sits with the presets, above the document format, because it writes from
either: a preset's document (:func:`teletravail.presets.text`) or the format's own
description.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import tomllib
from collections.abc import Mapping, Sequence
from typing import Any, Final

from teletravail import __version__
from teletravail.config.document import FORMAT, FORMAT_VERSION
from teletravail.config.format.dated import DatedKind
from teletravail.config.format.eligibility import RULE, RuleKind
from teletravail.config.format.impact import FactorsKind
from teletravail.config.format.policy import document_table
from teletravail.config.format.sources import SourceKind, SourceList
from teletravail.config.french import KEYS_FR, TABLES_FR
from teletravail.documents import Key, Kind, ListOf, Ref, Table, Tagged
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase, choices
from teletravail.presets.shipped import text as preset_text

__all__ = [
    "KEYS_FR",
    "LANGS",
    "RULE_FORMS",
    "TABLES_FR",
    "blank_document",
    "commented",
    "missing_french",
    "starter_document",
]

#: The languages a starter is written in.
LANGS: Final = ("en", "fr")

#: The forms of a rule, which are no key of a table: what each means, in both languages.
RULE_FORMS: Final[Mapping[str, Mapping[Lang, str]]] = {
    "all_of": {
        "en": "every rule of the list must pass",
        "fr": "toutes les règles de la liste doivent être remplies",
    },
    "any_of": {
        "en": "at least one rule of the list must pass",
        "fr": "au moins une règle de la liste doit être remplie",
    },
    "not": {"en": "the rule must not pass", "fr": "la règle ne doit pas être remplie"},
    "rule": {
        "en": "the rule, except where its exception (unless) passes",
        "fr": "la règle, sauf là où son exception (unless) est remplie",
    },
    "unless": {"en": "the exception to the rule", "fr": "l'exception à la règle"},
}

#: The commute modes of the emission factors, in words.
_MODES: Final[Mapping[str, Mapping[Lang, str]]] = {
    "car_thermal": {"en": "a car with a combustion engine", "fr": "d'une voiture thermique"},
    "car_electric": {"en": "an electric car", "fr": "d'une voiture électrique"},
    "motorbike": {"en": "a motorbike", "fr": "d'un deux-roues motorisé"},
    "bus": {"en": "a bus", "fr": "d'un bus"},
    "train_regional": {"en": "a regional train", "fr": "d'un train régional (TER)"},
    "tram": {"en": "a tram", "fr": "d'un tramway"},
    "bike": {"en": "a bike", "fr": "d'un vélo"},
    "walking": {"en": "walking", "fr": "de la marche"},
}

_TEXT: Final[Mapping[str, Mapping[Lang, str]]] = {
    "factor": {"en": "the emission factor of {mode}", "fr": "le facteur d'émission {mode}"},
    "replace": {"en": "← to replace", "fr": "← à remplacer"},
    "from": {
        "en": "A telework policy document, written from the preset {preset!r} of "
        "teletravail {version}, to adapt.",
        "fr": "Un dispositif de télétravail, écrit à partir du préréglage «\u00a0{preset}"
        "\u00a0» de teletravail {version}, à adapter.",
    },
    "blank": {
        "en": "A telework policy document to fill in, written by teletravail {version}. "
        'Values marked "← to replace" are examples: replace them with yours.',
        "fr": "Un dispositif de télétravail à compléter, écrit par teletravail {version}. "
        "Les valeurs marquées «\u00a0← à remplacer\u00a0» sont des exemples\u00a0: "
        "remplacez-les par les vôtres.",
    },
    "keys": {
        "en": "A comment above each key says what it means.",
        "fr": "Un commentaire au-dessus de chaque clé dit ce qu'elle signifie.",
    },
    "uncomment": {
        "en": "The optional sections are commented out: remove the first '#' of each of "
        "their lines to use them.",
        "fr": "Les sections facultatives sont en commentaire\u00a0: retirez le premier "
        "«\u00a0#\u00a0» de chacune de leurs lignes pour les utiliser.",
    },
    "units": {
        "en": 'Quantities are written with their unit, in English or French: "2 '
        'workday/week", "2.88 EUR/workday", "2 jours/semaine", "2,88 €/jour".',
        "fr": "Les quantités s'écrivent avec leur unité, en français ou en anglais\u00a0: "
        '"2 jours/semaine", "2,88 €/jour", "253,44 €", "2 workday/week".',
    },
    "check": {
        "en": "Check it with: teletravail check FILE.toml (and --on DATE for its "
        "conformity); every key: teletravail schema --reference.",
        "fr": "Vérifiez-le avec\u00a0: teletravail check FICHIER.toml (et --on DATE pour sa "
        "conformité)\u00a0; toutes les clés\u00a0: teletravail schema --reference.",
    },
    "optional": {
        "en": "Optional: uncomment to use.",
        "fr": "Facultatif\u00a0: retirez le commentaire pour l'utiliser.",
    },
}


def _check_lang(lang: object) -> Lang:
    if lang not in LANGS:
        raise ValidationError("lang", lang, choices(LANGS))
    return lang


# -- the blank document ---------------------------------------------------------------------


def blank_document(lang: Lang = "en") -> tuple[dict[str, Any], dict[str, Any]]:
    """The data of the starter written from nothing, in ``lang``'s words: the document
    (minimal, valid, every main section) and the optional sections written commented out
    (calendar, authorisation terms, populations, impact; a selection campaign, which
    populations rule out, is left to the presets that have one)."""
    fr = _check_lang(lang) == "fr"
    source = "deliberation"
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "name": "Notre dispositif de télétravail" if fr else "Our telework scheme",
        "territory": "Notre collectivité" if fr else "Our council",
        "description": (
            "Une ligne qui résume le dispositif.\nCe qu'est le dispositif, pour qui, "
            "depuis quand\u00a0; là où une règle est supposée, le dire."
            if fr
            else "One line that sums the scheme up.\nWhat the scheme is, for whom, since "
            "when; where a rule is assumed, say so."
        ),
        "period": {"start": "2026-01-01"},
        "places": ["domicile", "télécentre"] if fr else ["home", "telecentre"],
        "sources": [
            {
                "id": source,
                "title": "Délibération du conseil du 15 décembre 2025",
                "reference": "art. 1 à 8" if fr else "art. 1 to 8",
            }
        ],
        "leave": {"days": "25 jours" if fr else "25 workday"},
        "asks": "refuse",
        "eligibility": {
            "all_of": [
                {
                    "criterion": "seniority.minimum",
                    "minimum": "6 mois" if fr else "6 months",
                    "source": source,
                },
                {"criterion": "volunteer", "source": source},
                {"criterion": "post.teleworkable", "source": source},
            ]
        },
        "quota": {
            "maximum": "2 jours/semaine" if fr else "2 workday/week",
            "on_site_minimum": "3 jours/semaine" if fr else "3 workday/week",
            "granularity": "jour" if fr else "day",
            "source": source,
        },
        "allowance": [
            {
                # the national forfait named, not copied: its dated rates and caps are
                # the library's (a territorial body's cap differs from the State's)
                "kind": "per_day",
                "name": "forfait télétravail",
                "national": "forfait-teletravail",
                "branch": "territoriale" if fr else "territorial",
                "places": ["domicile"] if fr else ["home"],
                "source": source,
            }
        ],
    }
    optional: dict[str, Any] = {
        "calendar": {"subdivision": "57", "worked_holidays": ["2026-05-25"]},
        "authorisation": {
            "duration": "1 an" if fr else "1 year",
            "renewal": "tacite" if fr else "tacit",
            "max_renewals": 2,
            "adaptation": "3 mois" if fr else "3 months",
            "notice_agent": "2 mois" if fr else "2 months",
            "notice_employer": "2 mois" if fr else "2 months",
            "notice_adaptation": "1 mois" if fr else "1 month",
            "source": source,
        },
        "populations": [
            {
                "name": "temps partiel" if fr else "part time",
                "members": {"part_time": True},
                "quota": {
                    "maximum": "1 jour/semaine" if fr else "1 workday/week",
                    "on_site_minimum": "2 jours/semaine" if fr else "2 workday/week",
                    "source": source,
                },
            },
        ],
        "impact": {"speed": "50 km/h", "rebound": {"kind": "ademe_trips"}},
    }
    return document, optional


#: The values of the blank document a territory replaces, by key path.
_TO_REPLACE: Final = frozenset(
    {
        "name",
        "territory",
        "description",
        "period.start",
        "places",
        "sources.0.title",
        "sources.0.reference",
        "eligibility.all_of.0.minimum",
        "quota.maximum",
        "quota.on_site_minimum",
    }
)


# -- writing --------------------------------------------------------------------------------


def starter_document(preset: str | None = None, *, lang: Lang = "en") -> str:
    """A commented starter policy document, as TOML text, in ``lang`` (``"en"`` or
    ``"fr"``): from the shipped ``preset`` (see :func:`teletravail.presets.names`), or,
    without one, a minimal document with every main section to fill in.

    The document reads back as the preset's policy, or as a valid policy of its own.
    """
    language = _check_lang(lang)
    writer = _Writer(language)
    if preset is not None:
        data = tomllib.loads(preset_text(preset))
        writer.header("from", "keys", "units", "check", preset=preset)
        writer.document(data)
        return writer.text()
    document, optional = blank_document(language)
    writer.header("blank", "keys", "uncomment", "units", "check")
    writer.marked = _TO_REPLACE
    writer.document(document, optional=optional)
    return writer.text()


def commented(document: Mapping[str, Any], lang: Lang = "en") -> str:
    """``document`` (the data of a policy document, as :func:`teletravail.config
    .to_document` or a TOML parser gives it) as TOML text with a comment above each key,
    in ``lang``. The text parses back to the same data."""
    writer = _Writer(_check_lang(lang))
    writer.document(document)
    return writer.text()


def missing_french() -> list[str]:
    """The tables and keys of the document format without a French description here,
    as ``table`` or ``table.key`` (empty when every one is translated)."""
    missing: list[str] = []
    for table in _tables(document_table()):
        if table.name not in TABLES_FR:
            missing.append(table.name)
        missing.extend(
            f"{table.name}.{key.name}"
            for key in table.keys
            if (table.name, key.name) not in KEYS_FR
        )
    return missing


def _tables(root: Kind) -> list[Table]:
    """Every table reachable from ``root``, once each, in the order first met."""
    found: dict[int, Table] = {}
    seen: set[int] = set()

    def visit(kind: Kind) -> None:
        if id(kind) in seen:
            return
        seen.add(id(kind))
        for child in _children(kind):
            visit(child)
        if isinstance(kind, Table):
            found.setdefault(id(kind), kind)

    visit(root)
    return sorted(found.values(), key=lambda t: t.name)


def _children(kind: Kind) -> list[Kind]:
    """The kinds directly inside ``kind``."""
    if isinstance(kind, Table):
        return [key.kind for key in kind.keys]
    if isinstance(kind, ListOf):
        return [kind.item]
    if isinstance(kind, Tagged):
        return [table for _, table in kind.variants.values()]
    if isinstance(kind, Ref):
        return [kind.target()]
    if isinstance(kind, RuleKind):
        return [kind.criteria]
    if isinstance(kind, SourceList):
        return [kind.item]
    if isinstance(kind, SourceKind):
        return [kind.table]
    if isinstance(kind, DatedKind):
        return [kind.entry, kind.whole]
    if isinstance(kind, FactorsKind):
        return list(kind.kinds.values())
    return []


Doc = Mapping[Lang, str] | None  # a description in each language, or none
Path = tuple[str | int, ...]  # keys, and the places of entries in arrays


class _Writer:
    """Writes a document's data as commented TOML: each table's keys, then its tables
    and arrays of tables (as TOML asks), a comment above each key said once."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.lines: list[str] = []
        self.said: set[str] = set()
        self.marked: frozenset[str] = frozenset()

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"

    def comment(self, doc: Doc, *, again: bool = False) -> None:
        """The description in the writer's language, as comment lines, said once (unless
        ``again``)."""
        if not doc:
            return
        text = doc[self.lang]
        if text in self.said and not again:
            return
        self.said.add(text)
        self.lines.extend("# " + line for line in _wrap(text))

    def header(self, *names: str, **values: str) -> None:
        """The document's opening comment: the sentences ``names`` of :data:`_TEXT`."""
        for name in names:
            words = _TEXT[name][self.lang].format(version=__version__, **values)
            self.comment({self.lang: words}, again=True)
        self.lines.append("")

    def document(self, data: Mapping[str, Any], optional: Mapping[str, Any] | None = None) -> None:
        """The document's keys, then its ``optional`` sections written commented out."""
        root = document_table()
        self.table_body(root, data, ())
        for name, value in (optional or {}).items():
            key = root.by_name[name]
            part = _Writer(self.lang)
            part.said = self.said
            part.block(key.kind, name, value, (), self.key_doc(root, key))
            self.lines.append("")
            self.comment(_TEXT["optional"], again=True)
            self.lines.extend(f"# {line}" for line in part.lines if line)

    # -- tables ----------------------------------------------------------------------------

    def key_doc(self, table: Table, key: Key) -> dict[Lang, str]:
        return {"en": key.doc, "fr": KEYS_FR.get((table.name, key.name), key.doc)}

    def table_doc(self, table: Table) -> dict[Lang, str]:
        return {"en": table.doc, "fr": TABLES_FR.get(table.name, table.doc)}

    def fields(
        self, table: Table, data: Mapping[str, Any], tag: str | None = None
    ) -> list[tuple[str, Kind | None, Doc]]:
        """The keys of ``data`` in the table's order, each with its kind and meaning;
        a key the table does not know comes last, without either."""
        found: list[tuple[str, Kind | None, Doc]] = []
        if tag is not None and tag in data:
            found.append((tag, None, self.table_doc(table)))
        for key in table.keys:
            if key.name in data:
                found.append((key.name, key.kind, self.key_doc(table, key)))
        known = {name for name, _, _ in found}
        found.extend((name, None, None) for name in data if name not in known)
        return found

    def table_body(
        self, table: Table, data: Mapping[str, Any], path: Path, tag: str | None = None
    ) -> None:
        self.body(self.fields(table, data, tag), data, path)

    def body(self, fields: Sequence[tuple[str, Kind | None, Doc]], data: Any, path: Path) -> None:
        """Plain keys first, then tables and arrays of tables (TOML's order)."""
        blocks = []
        for name, kind, doc in fields:
            value = data[name]
            if _is_block(value):
                blocks.append((name, kind, doc))
                continue
            self.comment(doc)
            line = f"{_key(name)} = {_value(value)}"
            if ".".join(str(part) for part in (*path, name)) in self.marked:
                line += f"  # {_TEXT['replace'][self.lang]}"
            self.lines.append(line)
        for name, kind, doc in blocks:
            self.block(kind, name, data[name], path, doc)

    def block(self, kind: Kind | None, name: str, value: Any, path: Path, doc: Doc) -> None:
        """A table (``[path.name]``) or an array of tables (``[[path.name]]``)."""
        here = (*path, name)
        if isinstance(value, Mapping):
            self.lines.append("")
            self.comment(doc)
            self.lines.append(f"[{_dotted(here)}]")
            self.inside(kind, value, here)
            return
        item = _item(kind)
        for index, entry in enumerate(value):
            self.lines.append("")
            self.comment(doc)
            self.lines.append(f"[[{_dotted(here)}]]")
            self.inside(item, entry, (*here, index))

    def inside(self, kind: Kind | None, data: Mapping[str, Any], path: Path) -> None:
        """The keys of one table of ``kind``."""
        kind = _resolve(kind)
        if isinstance(kind, Table):
            self.table_body(kind, data, path)
        elif isinstance(kind, Tagged):
            variant = kind.variants.get(str(data.get(kind.tag)))
            if variant is None:
                self.body([(name, None, None) for name in data], data, path)
            else:
                self.table_body(variant[1], data, path, tag=kind.tag)
        elif isinstance(kind, RuleKind):
            self.rule(kind, data, path)
        elif isinstance(kind, FactorsKind):
            fields = [(mode, kind.kinds.get(mode), self.mode_doc(mode)) for mode in data]
            self.body(fields, data, path)
        else:
            self.body([(name, None, None) for name in data], data, path)

    def rule(self, kind: RuleKind, data: Mapping[str, Any], path: Path) -> None:
        if "criterion" in data:
            self.inside(kind.criteria, data, path)
            return
        fields = [(name, RULE, RULE_FORMS.get(name)) for name in data]
        self.body(fields, data, path)

    def mode_doc(self, mode: str) -> dict[Lang, str]:
        words = _MODES.get(mode, {"en": mode, "fr": f"de {mode}"})
        return {
            "en": _TEXT["factor"]["en"].format(mode=words["en"]),
            "fr": _TEXT["factor"]["fr"].format(mode=words["fr"]),
        }


#: Stands for a space inside quotes while a comment is wrapped: a quoted example such as
#: "2 jours/semaine" is never cut in two.
_KEPT = "\x00"


def _wrap(text: str) -> list[str]:
    """``text`` in lines of at most 86 characters, never breaking inside quotes."""
    held = re.sub(r'"[^"]*"', lambda found: found.group(0).replace(" ", _KEPT), text)
    lines = textwrap.wrap(held, 86, break_on_hyphens=False, break_long_words=False)
    return [line.replace(_KEPT, " ") for line in lines]


def _resolve(kind: Kind | None) -> Kind | None:
    """The kind that describes a table's keys: through references, sources and dated
    values written as a table."""
    if isinstance(kind, Ref):
        return _resolve(kind.target())
    if isinstance(kind, SourceKind):
        return kind.table
    if isinstance(kind, DatedKind):
        return kind.whole
    return kind


def _item(kind: Kind | None) -> Kind | None:
    """The kind of each table of an array of tables of ``kind``."""
    if isinstance(kind, ListOf):
        return kind.item
    if isinstance(kind, SourceList):
        return kind.item.table
    if isinstance(kind, DatedKind):
        return kind.entry
    if isinstance(kind, Ref):  # all_of, any_of: a list of rules
        return kind
    return None


def _is_block(value: Any) -> bool:
    """Whether ``value`` is written as a table or an array of tables."""
    if isinstance(value, Mapping):
        return True
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(item, Mapping) for item in value)
    )


_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(name: str) -> str:
    return name if _BARE.match(name) else _string(name)


def _dotted(path: Path) -> str:
    """A table's header: its keys (an array's entry is its last one, in TOML)."""
    return ".".join(_key(part) for part in path if isinstance(part, str))


def _string(text: str) -> str:
    """A TOML basic string on one line."""
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif (char < " " and char != "\t") or char == "\x7f":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _multiline(text: str) -> str:
    """A TOML multi-line basic string: its lines as lines."""
    out = ['"""\n']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\n")
        elif (char < " " and char != "\t") or char == "\x7f":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"""')
    return "".join(out)


def _value(value: Any) -> str:
    """A value written inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return _multiline(value) if "\n" in value else _string(value)
    if isinstance(value, dt.date):  # a datetime too: TOML writes both the same way
        return value.isoformat()
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(str(k))} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise ValidationError(
        "document",
        value,
        Phrase(
            "text, numbers, true or false, lists and tables",
            "du texte, des nombres, true ou false, des listes et des tables",
        ),
    )
