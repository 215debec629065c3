"""The policies shipped with the library, one TOML document each, and what starts from them.

Every preset is a policy document inside the package (``teletravail/presets/*.toml``),
read by :mod:`teletravail.config` like any territory's own file, and citing its sources
from the library's catalogue (:mod:`teletravail.sources`): the legal texts, and the
press articles by title, publication and date. Each scheme lives here once, as its
document: its eligibility rule, quota, allowance and selection are the parts of the
policy :func:`load` reads (``presets.load("lot-2013").eligibility``), and no Python
function builds them again.

>>> from teletravail import presets
>>> presets.names()
('cantal-2012', 'lot-2011', 'lot-2013', 'lozere-2015', 'private-sector', 'public-service')
>>> lot = presets.load("lot-2013")
>>> lot.territory
'Conseil général du Lot'
>>> lot.quota.source.publication, lot.quota.source.cite("fr").endswith("6 juillet 2012")
('La Gazette des communes', True)

The modules of the package:

- :mod:`.shipped`: the shipped presets, their names, documents and policies
  (:func:`names`, :func:`text`, :func:`load`) and a line on each (:func:`catalogue`,
  :class:`PresetInfo`).
- :mod:`.loading`: a policy from a preset's name or a document file
  (:func:`load_policy`, also ``teletravail.load_policy``).
- :mod:`.starter`: commented starter documents, in French or English, from a preset or
  from nothing (:func:`~teletravail.presets.starter.starter_document`).
"""

from .loading import load_policy
from .shipped import PresetInfo, catalogue, load, names, text

__all__ = ["PresetInfo", "catalogue", "load", "load_policy", "names", "text"]
