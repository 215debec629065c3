"""Policies as documents: TOML and JSON in and out, every field checked.

A policy document is plain data a territory can write by hand: criteria by their stable
code with their parameters, quantities as strings with their unit (``"28 km"``,
``"2.88 EUR/workday"``), dated values as lists of tables, sources as tables or as the
``id`` of an entry of the document's ``sources``. :func:`loads` and :func:`load` read one
into a :class:`~teletravail.policy.Policy`; :func:`dumps` and :func:`to_document` write
one back, so that any policy made of document-able parts round-trips unchanged.

Reading never evaluates anything from the file: TOML and JSON are parsed by the standard
library, quantities by :func:`~teletravail.units.parse_quantity` (a number and a checked
unit, no expressions). Documents over :data:`MAX_BYTES` and rules nested deeper than
:data:`MAX_DEPTH` are refused. Every problem is collected, each with its key path and,
for a misspelt name, a suggestion; then one :class:`~teletravail.errors.ConfigError`
lists them all.

The format is described once, by tables of keys: the same description reads, writes,
exports the JSON Schema (:func:`json_schema`) and the reference of
``docs/configuration.md`` (:func:`reference`).

The modules of the package:

- :mod:`.document`: the format's name and version, the syntaxes (TOML, JSON) and the
  limits of a document.
- the kinds of values (text, numbers, dates, quantities, durations, choices, lists,
  tables of keys, tagged tables, references), each reading, writing and describing
  itself, and what reading one document carries along, are not the format's own: they
  are :mod:`teletravail.documents` (and :class:`~teletravail.dated.Span`), which the
  library's values use too; their names are re-exported here.
- :mod:`.format`: the format itself, area by area (sources, dated values, places,
  eligibility, quota, allowance, selection, impact, authorisation terms, populations,
  and the whole document: :func:`document_table`).
- :mod:`.reading`: parsing, the screening of what no document may hold, and reading a
  document into a policy (:func:`loads`, :func:`load`, :func:`from_document`).
- :mod:`.writing`: a policy written as a document (:func:`to_document`, :func:`dumps`,
  :func:`dump`).
- :mod:`.schema`: the JSON Schema and the Markdown reference.
- :mod:`.french`: the French of the format's descriptions, table by table and key by
  key, which the commented starter documents write
  (:mod:`teletravail.presets.starter`, above the presets it starts from).
"""

from teletravail.dated import Span as Span
from teletravail.documents import BAD as BAD
from teletravail.documents import Amount as Amount
from teletravail.documents import CapAmount as CapAmount
from teletravail.documents import Choice as Choice
from teletravail.documents import Day as Day
from teletravail.documents import Flag as Flag
from teletravail.documents import Key as Key
from teletravail.documents import Kind as Kind
from teletravail.documents import ListOf as ListOf
from teletravail.documents import Number as Number
from teletravail.documents import Ref as Ref
from teletravail.documents import Table as Table
from teletravail.documents import Tagged as Tagged
from teletravail.documents import Text as Text
from teletravail.errors import ConfigError as ConfigError

from .document import FORMAT, FORMAT_VERSION, MAX_BYTES, MAX_DEPTH
from .document import Syntax as Syntax
from .format.allowance import BranchKind as BranchKind
from .format.allowance import NationalName as NationalName
from .format.allowance import ReferableTable as ReferableTable
from .format.dated import ALWAYS as ALWAYS
from .format.dated import DatedKind as DatedKind
from .format.eligibility import RULE as RULE
from .format.eligibility import RuleKind as RuleKind
from .format.impact import FactorsKind as FactorsKind
from .format.places import PLACE_WORDS_FR as PLACE_WORDS_FR
from .format.policy import document_table
from .format.populations import PopulationList as PopulationList
from .format.quota import PER_WEEK as PER_WEEK
from .format.quota import PERIOD_WORDS as PERIOD_WORDS
from .format.sources import SOURCE as SOURCE
from .format.sources import STATED_TITLE as STATED_TITLE
from .format.sources import SourceKind as SourceKind
from .format.sources import SourceList as SourceList
from .reading import from_document, load, loads
from .schema import json_schema, reference
from .writing import dump, dumps, to_document

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_BYTES",
    "MAX_DEPTH",
    "document_table",
    "dump",
    "dumps",
    "from_document",
    "json_schema",
    "load",
    "loads",
    "reference",
    "to_document",
]
