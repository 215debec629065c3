"""The policy document format, area by area: the tables and keys a document holds.

Each module describes one area with :class:`~teletravail.documents.Table`,
:class:`~teletravail.documents.Key` and :class:`~teletravail.documents.Kind`
objects; the same description reads, writes, and exports the JSON Schema and the
Markdown reference.

- :mod:`.sources`: a source (a table, the id of one of the document's ``sources``, or
  the id of a text of the library's catalogue, qualified with ``cites``) and the
  document's list of sources.
- :mod:`.dated`: dated values (one quantity, a list of dated entries, or a named
  parameter).
- :mod:`.places`: the places of telework and their French words.
- :mod:`.eligibility`: eligibility rules (criteria and their combinations).
- :mod:`.quota`: the quota (weekly caps, floating days, caps on days, derogations,
  part-time bands).
- :mod:`.allowance`: allowance components, their own values or a national parameter's.
- :mod:`.selection`: the selection campaign.
- :mod:`.impact`: the assumptions of the impact estimate.
- :mod:`.authorisation`: the terms of the individual authorisations.
- :mod:`.populations`: populations with rules of their own.
- :mod:`.policy`: the whole document (:func:`~.policy.document_table`), with its
  calendar, leave and period.
"""
