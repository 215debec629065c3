"""The sources of a policy document: a text a rule or value comes from.

A source is written as a table (its title, and for an article its publication and date),
or as the ``id`` of an entry of the document's ``sources`` (:class:`SourceList`), which
the rest of the document cites by that id (:class:`SourceKind`, :data:`SOURCE`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from teletravail.config.context import BAD, Context, join_path, listed, suggest
from teletravail.config.kinds import Day, Key, Kind, ListOf, Table, Text
from teletravail.dated import SEED_REPLACED, SOURCE_KEYS, Source
from teletravail.messages import Phrase

__all__ = ["SOURCE", "STATED_TITLE", "SourceKind", "SourceList"]

#: The title of the source of a value the document gives without one (``dated.STATED``).
STATED_TITLE: Final = "stated in the policy document"


class SourceKind(Kind):
    label = Phrase(
        "a source (a table with a title, or the id of one of the document's sources)",
        "une source (une table avec un titre, ou l'identifiant d'une des sources du document)",
    )

    def __init__(self, *, with_id: bool = False) -> None:
        self.with_id = with_id
        keys = [
            Key("title", Text(), "the text cited: a law, a deliberation, an article", True),
            Key(
                "publication",
                Text(),
                "for an article, the newspaper, magazine or website that published it",
            ),
            Key("date", Day(), "for an article, the day it was published"),
            Key("reference", Text(), "the article, identifier or part of the text"),
            Key("url", Text(), "where to read it"),
            Key("note", Text(empty=True), "a qualification, e.g. 'unconfirmed'"),
        ]
        if with_id:
            keys.insert(0, Key("id", Text(), "a name other parts of the document cite it by"))
        self.table = Table(
            "source", "A text a rule or value comes from.", keys, self._build, _dump_source
        )

    def _build(self, data: dict[str, Any]) -> Any:
        data.pop("id", None)
        return Source(**data)

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if isinstance(value, Mapping) and "seed" in value:  # the former key, said plainly
            ctx.fail(join_path(path, "seed"), value["seed"], SEED_REPLACED)
            value = {key: item for key, item in value.items() if key != "seed"}
        if isinstance(value, str) and not self.with_id:
            if value in ctx.sources:
                return ctx.sources[value]
            known = tuple(ctx.sources)
            hint = suggest(value, known, ctx)
            ids = listed(known) if known else Phrase("none declared", "aucune n'est déclarée")
            wanted = Phrase(
                "the id of one of the document's sources: {listed}{hint}",
                "l'identifiant d'une des sources du document\u00a0: {listed}{hint}",
                listed=ids,
                hint=hint,
            )
            return ctx.fail(path, value, wanted)
        source = self.table.read(ctx, value, path)
        if self.with_id and source is not BAD and isinstance(value, Mapping) and "id" in value:
            if value["id"] in ctx.sources:
                unused = Phrase(
                    "an id not used by another source",
                    "un identifiant qu'aucune autre source n'emploie",
                )
                return ctx.fail(join_path(path, "id"), value["id"], unused)
            ctx.sources[value["id"]] = source
        return source

    def write(self, ctx: Context, value: Any) -> Any:
        ident = ctx.source_ids.get(value)
        if ident is not None:
            return {"id": ident, **self.table.write(ctx, value)} if self.with_id else ident
        return self.table.write(ctx, value)

    def schema(self) -> dict[str, Any]:
        table = self.table.schema()
        if self.with_id:
            return table
        return {"oneOf": [{"type": "string", "description": "the id of a source"}, table]}

    def describe(self) -> str:
        return "[source](#source) table" if self.with_id else "[source](#source) or its id"


def _dump_source(source: Any) -> dict[str, Any]:
    return {key: getattr(source, key) for key in SOURCE_KEYS}


SOURCE = SourceKind()


class SourceList(Kind):
    """The document's sources; each may carry an ``id`` the rest of the document cites."""

    def __init__(self) -> None:
        self.item = SourceKind(with_id=True)
        self.label = Phrase("a list of sources", "une liste de sources")

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        return ListOf(self.item).read(ctx, value, path)

    def write(self, ctx: Context, value: Any) -> Any:
        written = []
        for index, source in enumerate(value, start=1):
            entry = self.item.table.write(ctx, source)
            if source not in ctx.source_ids:
                ctx.source_ids[source] = f"source-{index}"
                entry = {"id": f"source-{index}", **entry}
            written.append(entry)
        return written

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.schema()}

    def describe(self) -> str:
        return "list of [source](#source) tables, each with an optional `id`"
