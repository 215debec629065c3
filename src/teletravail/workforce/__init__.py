"""Agents (one employee) and workforces (many employees, as columns).

An :class:`Agent` is a frozen value checked at construction. A :class:`Workforce` holds
the same fields as numpy columns: quantities are whole arrays inside one pint quantity
in a fixed unit (``percent``, ``km``, ``min``), roles are category codes, tags a boolean
matrix, dates ``datetime64[D]``. Rules compute on those columns; one agent is assessed
as a workforce of one.

Rows that fail validation are never dropped silently: with ``errors="raise"`` (the
default) a :class:`~teletravail.errors.WorkforceError` lists every bad row with its
number and field; with ``errors="report"`` the good rows make the workforce and the bad
ones are listed in :attr:`Workforce.rejected`.

The modules of the package, from the lowest layer up:

* ``cells``: one cell as a register writes it (an empty cell, a plain number, a yes or
  a no, a quantity);
* ``fields``: contract types, categories, establishments and activities, and the
  readers of the words a register writes for them (French words included);
* ``document``: an agent as a JSON document (the description ``Agent.to_dict`` and
  ``Agent.from_dict`` read and write through, and its JSON Schema);
* ``agent``: :class:`Agent`, :class:`Derogation`, :class:`CommuteMode`,
  :class:`DerogationKind`, the units of the quantity columns and the converters of an
  agent's fields;
* ``columns``: the column types :class:`Categories` and :class:`Coded`, and what is
  done with columns (rows kept, taken, selected);
* ``checks``: the checks of one whole column, as :meth:`Workforce.from_columns` gets it;
* ``building``: a workforce built from whole columns or from agents (the one-agent
  path included);
* ``plan``: which input column is which field, in which unit (:class:`ColumnPlan`);
* ``parsing``: raw cells parsed column by column, each distinct cell once;
* ``document_columns``: agent documents read in bulk among the records, key by key
  and unit by unit, each refused one explained by ``Agent.from_dict``, and a workforce
  written back as documents;
* ``reading``: records (agent documents among them), CSV text and pandas frames into a
  workforce (the one CSV reader, with its progress hook, :data:`ProgressHook`);
* ``writing``: a workforce as records, as a DataFrame, and the text forms of values;
* ``table``: the :class:`Workforce` class itself;
* ``io``: a workforce read from a CSV or a Parquet file, the format told by the suffix
  (:func:`teletravail.workforce.io.read_workforce`).
"""

from . import io as io
from .agent import COMMUTE_TIME_UNIT as COMMUTE_TIME_UNIT
from .agent import DISTANCE_UNIT as DISTANCE_UNIT
from .agent import REQUESTED_TELEWORK_UNIT as REQUESTED_TELEWORK_UNIT
from .agent import WORKING_TIME_UNIT as WORKING_TIME_UNIT
from .agent import Agent, CommuteMode, Derogation, DerogationKind, agent_schema, derogation_kind
from .building import Errors
from .columns import Categories, Coded
from .document import AGENT_FORMAT, AGENT_FORMAT_VERSION
from .fields import (
    ACTIVITY_SHARE_TOLERANCE,
    ACTIVITY_SHARE_UNIT,
    AMBIGUOUS_CONTRACT_WORD,
    CONTRACT_TYPE_WORDS,
    Activity,
    Category,
    ContractType,
    category,
    contract_type,
)
from .plan import ColumnPlan
from .plan import Columns as Columns
from .reading import EXTRA_CELLS, MISSING_CELL, MOST_ROW_CHARACTERS, ProgressHook
from .reading import UnreadableRow as UnreadableRow
from .reading import csv_records as csv_records
from .reading import read_text as read_text
from .table import Workforce
from .writing import PANDAS_QUANTITIES

__all__ = [
    "ACTIVITY_SHARE_TOLERANCE",
    "ACTIVITY_SHARE_UNIT",
    "AGENT_FORMAT",
    "AGENT_FORMAT_VERSION",
    "AMBIGUOUS_CONTRACT_WORD",
    "CONTRACT_TYPE_WORDS",
    "EXTRA_CELLS",
    "MISSING_CELL",
    "MOST_ROW_CHARACTERS",
    "PANDAS_QUANTITIES",
    "Activity",
    "Agent",
    "Categories",
    "Category",
    "Coded",
    "ColumnPlan",
    "CommuteMode",
    "ContractType",
    "Derogation",
    "DerogationKind",
    "Errors",
    "ProgressHook",
    "Workforce",
    "agent_schema",
    "category",
    "contract_type",
    "derogation_kind",
]
