"""The sources of a policy document: a text a rule or value comes from.

A source is written as a table (its title, and for an article its publication and date),
as the ``id`` of an entry of the document's ``sources`` (:class:`SourceList`), which
the rest of the document cites by that id (:class:`SourceKind`, :data:`SOURCE`), or as
the id of a text of the library's catalogue (:mod:`teletravail.sources`), which the
document cites without declaring it. A table written ``cites = "<id>"`` is that text of
the catalogue qualified by its own keys (the ``article`` and its wording, a
``reference``, ``url`` or ``note``, ``unconfirmed``...); the title, publication and date
are the catalogue's. An id of the document's own sources that is
also an id of the catalogue is refused: it would name two texts.

A source's own table (its title, publication, date, article... and note) is the
library's description of a :class:`~teletravail.sources.Source`
(:data:`~teletravail.sources.SOURCE_TABLE`), which ``Source.from_dict`` reads too.

Writing a policy back cites the catalogue the same way: a source that is a text of the
catalogue is written as its id, one that qualifies it as a ``cites`` table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from teletravail import sources
from teletravail.documents import (
    BAD,
    Context,
    Key,
    Kind,
    ListOf,
    Table,
    Text,
    join_path,
    listed,
    suggest,
)
from teletravail.messages import EMPTY, Phrase
from teletravail.sources import SOURCE_KEYS, SOURCE_TABLE, TEXT_KEYS, Source

__all__ = ["SOURCE", "STATED_TITLE", "CatalogueId", "SourceKind", "SourceList"]

#: The title of the source of a value the document gives without one (``sources.STATED``).
STATED_TITLE: Final = "stated in the policy document"

#: The keys that qualify a text of the catalogue cited with ``cites``.
_QUALIFIERS: Final = tuple(key for key in SOURCE_KEYS if key not in TEXT_KEYS)


class CatalogueId(Kind):
    """The id of a text of the library's catalogue of sources, read as that text."""

    label = Phrase(
        "the id of a text of the library's catalogue of sources",
        "l'identifiant d'un texte du catalogue de sources de la bibliothèque",
    )

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        known = sources.catalogue()
        if isinstance(value, str) and value in known:
            return known[value]
        hint = suggest(value, tuple(known), ctx) if isinstance(value, str) else EMPTY
        wanted = Phrase(
            "{label}: {listed}{hint}",
            "{label}\u00a0: {listed}{hint}",
            label=self.label,
            listed=listed(tuple(known)),
            hint=hint,
        )
        return ctx.fail(path, value, wanted)

    def write(self, ctx: Context, value: Any) -> Any:
        return sources.derived_from(value)

    def schema(self) -> dict[str, Any]:
        return {"enum": list(sources.catalogue())}

    def describe(self) -> str:
        return "the id of a text of the [catalogue of sources](#the-catalogue-of-sources)"


CATALOGUE_ID: Final = CatalogueId()


class SourceKind(Kind):
    label = Phrase(
        "a source (a table with a title, or the id of one of the document's sources)",
        "une source (une table avec un titre, ou l'identifiant d'une des sources du document)",
    )

    def __init__(self, *, with_id: bool = False) -> None:
        self.with_id = with_id
        ident = Key("id", Text(), "a name other parts of the document cite it by")
        cites = Key(
            "cites",
            CATALOGUE_ID,
            "a text of the library's catalogue, which this source qualifies (its title,"
            " publication and date are the catalogue's)",
        )
        # the source's own keys, as the library's sources describe them
        title, *text = (SOURCE_TABLE.by_name[key] for key in TEXT_KEYS)
        qualifiers = [SOURCE_TABLE.by_name[key] for key in _QUALIFIERS]
        first = [ident] if with_id else []
        doc = SOURCE_TABLE.doc
        # read: a table of its own (title required), or a text of the catalogue qualified
        self.own = Table("source", doc, [*first, *SOURCE_TABLE.keys], _build, SOURCE_TABLE.dump)
        self.qualified = Table(
            "source",
            doc,
            [*first, attrs.evolve(cites, required=True), *qualifiers],
            _qualify,
            SOURCE_TABLE.dump,
        )
        # described (reference, schema, starter): one table with every key
        optional_title = attrs.evolve(
            title, required=False, doc=title.doc + " (required without `cites`)"
        )
        self.table = Table(
            "source",
            doc,
            [*first, cites, optional_title, *text, *qualifiers],
            _build,
            SOURCE_TABLE.dump,
            constraints={
                "if": {"required": ["cites"]},
                "then": {"not": {"anyOf": [{"required": [key]} for key in TEXT_KEYS]}},
                "else": {"required": ["title"]},
            },
        )

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        value = SOURCE_TABLE.without_seed(ctx, value, path)  # the former key, said plainly
        if isinstance(value, str) and not self.with_id:
            return self._cited(ctx, value, path)
        if isinstance(value, Mapping) and "cites" in value:
            source = self._qualified(ctx, value, path)
        else:
            source = self.own.read(ctx, value, path)
        if self.with_id and source is not BAD and isinstance(value, Mapping) and "id" in value:
            return self._declare(ctx, value["id"], source, join_path(path, "id"))
        return source

    def _cited(self, ctx: Context, value: str, path: str) -> Any:
        """The source an id names: one of the document's, or else the catalogue's."""
        if value in ctx.sources:
            return ctx.sources[value]
        known = sources.catalogue()
        if value in known:
            return known[value]
        own = tuple(ctx.sources)
        hint = suggest(value, (*own, *known), ctx)
        ids = listed(own) if own else Phrase("none declared", "aucune n'est déclarée")
        wanted = Phrase(
            "the id of one of the document's sources ({listed}) or of a text of the library's"
            " catalogue of sources{hint}",
            "l'identifiant d'une des sources du document ({listed}) ou d'un texte du"
            " catalogue de sources de la bibliothèque{hint}",
            listed=ids,
            hint=hint,
        )
        return ctx.fail(path, value, wanted)

    def _qualified(self, ctx: Context, value: Mapping[str, Any], path: str) -> Any:
        """A text of the catalogue (``cites``) with what qualifies it; the text's own keys
        (title, publication, date) are the catalogue's and may not be written."""
        failed = False
        for key in TEXT_KEYS:
            if key in value:
                failed = True
                ctx.fail(
                    join_path(path, key),
                    value[key],
                    Phrase(
                        "no {key} beside cites (the catalogue's text has its own)",
                        "aucune clé {key} à côté de cites (le texte du catalogue a la sienne)",
                        key=key,
                    ),
                )
        rest = {key: item for key, item in value.items() if key not in TEXT_KEYS}
        source = self.qualified.read(ctx, rest, path)
        return BAD if failed else source

    def _declare(self, ctx: Context, ident: Any, source: Any, path: str) -> Any:
        """Record a source of the document under its ``id``: an id already used, or one
        of the catalogue's, is refused."""
        if ident in sources.catalogue():
            ambiguous = Phrase(
                "an id that is not one of the library's catalogue of sources ({ident!r} is: cite"
                " it without declaring it, or with cites = {ident!r} to add a reference)",
                "un identifiant qui n'est pas celui d'un texte du catalogue de sources de la"
                " bibliothèque ({ident!r} en est un\u00a0: citez-le sans le déclarer, ou avec"
                " cites = {ident!r} pour y ajouter une référence)",
                ident=ident,
            )
            return ctx.fail(path, ident, ambiguous)
        if ident in ctx.sources:
            unused = Phrase(
                "an id not used by another source",
                "un identifiant qu'aucune autre source n'emploie",
            )
            return ctx.fail(path, ident, unused)
        ctx.sources[ident] = source
        return source

    def write(self, ctx: Context, value: Any) -> Any:
        ident = ctx.source_ids.get(value)
        if ident is not None:
            return {"id": ident, **self.written(ctx, value)} if self.with_id else ident
        if not self.with_id and value in sources.catalogue().values():
            return sources.derived_from(value)
        return self.written(ctx, value)

    def written(self, ctx: Context, value: Source) -> dict[str, Any]:
        """The source as a table: ``cites`` and what qualifies it when it is a text of the
        catalogue, else its own title, publication, date and the rest."""
        cited = _qualifiers(ctx, value)
        if cited is None:
            written: dict[str, Any] = self.own.write(ctx, value)
            return {key: item for key, item in written.items() if key != "id"}
        return cited

    def schema(self) -> dict[str, Any]:
        table = self.table.schema()
        if self.with_id:
            return table
        return {"oneOf": [{"type": "string", "description": "the id of a source"}, table]}

    def describe(self) -> str:
        return "[source](#source) table" if self.with_id else "[source](#source) or its id"


def _build(data: dict[str, Any]) -> Source:
    data.pop("id", None)
    source: Source = SOURCE_TABLE.build(data)
    return source


def _qualify(data: dict[str, Any]) -> Source:
    data.pop("id", None)
    text: Source = data.pop("cites")
    return attrs.evolve(text, **data)


def _qualifiers(ctx: Context, source: Source) -> dict[str, Any] | None:
    """``{"cites": id, ...}``: the text of the catalogue ``source`` qualifies and what it
    changes of it; None when the catalogue does not hold its text, or when it leaves out
    something the catalogue's entry says (a table cannot write a key away)."""
    ident = sources.derived_from(source)
    if ident is None:
        return None
    entry = sources.cited(ident)
    written: dict[str, Any] = {"cites": ident}
    own, cited = SOURCE_TABLE.dump(source), SOURCE_TABLE.dump(entry)
    for key in _QUALIFIERS:
        mine, theirs = own.get(key), cited.get(key)
        if mine == theirs:
            continue
        if mine is None:
            return None
        written[key] = SOURCE_TABLE.by_name[key].kind.write(ctx, mine)
    return written


SOURCE = SourceKind()


class SourceList(Kind):
    """The document's sources; each may carry an ``id`` the rest of the document cites, and
    a text of the catalogue needs none (the document cites it by the catalogue's id)."""

    def __init__(self) -> None:
        self.item = SourceKind(with_id=True)
        self.label = Phrase("a list of sources", "une liste de sources")

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        return ListOf(self.item).read(ctx, value, path)

    def write(self, ctx: Context, value: Any) -> Any:
        written = []
        for index, source in enumerate(value, start=1):
            entry = self.item.written(ctx, source)
            if source in sources.catalogue().values() or source in ctx.source_ids:
                written.append(entry)  # cited by the catalogue's id, or written already
                continue
            ctx.source_ids[source] = f"source-{index}"
            written.append({"id": f"source-{index}", **entry})
        return written

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.schema()}

    def describe(self) -> str:
        return "list of [source](#source) tables, each with an optional `id`"
