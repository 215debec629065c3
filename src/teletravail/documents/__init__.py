"""Documents: how a value is read from JSON-ready data, written back and described.

A value that lives as data (a policy document, a source, a dated parameter, a
télécentre, a decision written as JSON) is described once by a :class:`Kind`: most often
a :class:`Table` of :class:`Key` objects, each key with its kind. The same description
reads the data (collecting every problem with its key path), writes the value back, and
gives the JSON Schema and the Markdown reference of the format. The domain modules
describe their own values beside their classes and read them with :func:`read`
(``Source.from_dict``, ``DatedParameter.from_dict``...); the policy document format
(:mod:`teletravail.config`) is made of the same descriptions.

The modules of the package:

- :mod:`.context`: what reading one document carries along (its problems, its named
  sources) and how a misspelt name is answered.
- :mod:`.kinds`: the plain kinds of values (text, true or false, numbers, dates,
  quantities, names among a list, values a converter reads).
- :mod:`.tables`: the kinds made of others (lists, tables of keys, tagged tables,
  references).
- :mod:`.measures`: figures in documents, one shape for every quantity
  (``{"value": 28.0, "unit": "km"}``) and one for money (``{"value": "264.96", "unit":
  "EUR"}``).
- :mod:`.reading`: reading and writing one value through its description, outside a
  policy document (:func:`read`, :func:`write`).
"""

from .context import BAD as BAD
from .context import Context as Context
from .context import join_path as join_path
from .context import listed as listed
from .context import suggest as suggest
from .kinds import UTF8_TEXT as UTF8_TEXT
from .kinds import Amount as Amount
from .kinds import CapAmount as CapAmount
from .kinds import Choice as Choice
from .kinds import Converted as Converted
from .kinds import Day as Day
from .kinds import Flag as Flag
from .kinds import Kind as Kind
from .kinds import Number as Number
from .kinds import Text as Text
from .kinds import encodable as encodable
from .kinds import plain_number as plain_number
from .measures import CURRENCY as CURRENCY
from .measures import Measure as Measure
from .measures import Money as Money
from .measures import cents_text as cents_text
from .measures import money_data as money_data
from .measures import quantity_data as quantity_data
from .measures import unit_text as unit_text
from .reading import read as read
from .reading import write as write
from .tables import Key as Key
from .tables import ListOf as ListOf
from .tables import MapOf as MapOf
from .tables import Nullable as Nullable
from .tables import Ref as Ref
from .tables import Table as Table
from .tables import Tagged as Tagged
from .tables import heading_keys as heading_keys
from .tables import non_defaults as non_defaults
from .tables import unchanged as unchanged

__all__ = [
    "BAD",
    "CURRENCY",
    "UTF8_TEXT",
    "Amount",
    "CapAmount",
    "Choice",
    "Context",
    "Converted",
    "Day",
    "Flag",
    "Key",
    "Kind",
    "ListOf",
    "MapOf",
    "Measure",
    "Money",
    "Nullable",
    "Number",
    "Ref",
    "Table",
    "Tagged",
    "Text",
    "cents_text",
    "encodable",
    "heading_keys",
    "join_path",
    "listed",
    "money_data",
    "non_defaults",
    "plain_number",
    "quantity_data",
    "read",
    "suggest",
    "unchanged",
    "unit_text",
    "write",
]
