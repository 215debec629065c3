"""The JSON Schema and the Markdown reference of policy documents.

Both follow the format's description (:func:`~teletravail.config.format.policy.document_table`):
:func:`json_schema` for editors and forms, :func:`reference` for ``docs/configuration.md``
(a test keeps that page equal to it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from teletravail.config.document import FORMAT_VERSION, MAX_DEPTH
from teletravail.config.format.dated import DatedKind
from teletravail.config.format.eligibility import rule_kind
from teletravail.config.format.policy import document_table
from teletravail.config.format.sources import SourceKind, SourceList
from teletravail.documents import Key, Kind, ListOf, Ref, Table, Tagged

__all__ = ["json_schema", "reference"]


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of policy documents, for editors and UIs."""
    table = document_table()
    body = table.schema()
    defs: dict[str, Any] = {"rule": rule_kind().schema()}
    # a population's quota, places and allowance are the policy's kinds: written once
    population = body["properties"]["populations"]["items"]["properties"]
    for name in ("quota", "places", "allowance"):
        shared = dict(body["properties"][name])
        shared.pop("description", None)
        defs[name] = shared
        for properties in (body["properties"], population):
            properties[name] = {
                "$ref": f"#/$defs/{name}",
                "description": properties[name]["description"],
            }
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:teletravail:policy:{FORMAT_VERSION}",
        "title": "teletravail policy document",
        **body,
        "$defs": defs,
    }
    return schema


def reference() -> str:
    """The reference of the document format, in Markdown: every table and key, its
    kind, whether it is required and what it means (``docs/configuration.md``)."""
    table = document_table()
    sections: list[str] = []
    seen: set[int] = set()

    titles: set[str] = set()

    def section(title: str, doc: str, keys: Sequence[Key], extra: str = "") -> None:
        titles.add(title)
        lines = [f"### {title}", "", doc, ""]
        if extra:
            lines += [extra, ""]
        if keys:
            lines += ["| key | value | required | meaning |", "|---|---|---|---|"]
            for key in keys:
                required = "yes" if key.required else ""
                lines.append(f"| `{key.name}` | {key.kind.describe()} | {required} | {key.doc} |")
            lines.append("")
        sections.append("\n".join(lines))

    def visit(kind: Kind, title: str | None = None, extra: str = "") -> None:
        if id(kind) in seen:
            return
        seen.add(id(kind))
        if isinstance(kind, Table):
            section(title or kind.name, kind.doc, kind.keys, extra)
            for key in kind.keys:
                visit(key.kind)
        elif isinstance(kind, ListOf):
            visit(kind.item)
        elif isinstance(kind, Tagged):
            for name, (_, variant) in kind.variants.items():
                visit(variant, f'{kind.tag} = "{name}"', f'Written `{kind.tag} = "{name}"`.')
        elif isinstance(kind, SourceList):
            visit(kind.item)
        elif isinstance(kind, SourceKind):
            if "source" not in titles:
                visit(kind.table, "source")
        elif isinstance(kind, Ref):
            rule = rule_kind()
            forms = (
                "A rule is a criterion table (below), or a table with exactly one of: "
                "`all_of = [rules]` (every rule passes), `any_of = [rules]` (one rule "
                "passes), `not = rule`, or `rule = rule` with `unless = rule` (the rule, "
                f"except where the exception passes). Rules nest at most {MAX_DEPTH} deep."
            )
            section("rule", forms, ())
            visit(rule.criteria)
        elif isinstance(kind, DatedKind) and "dated values" not in titles:
            doc = (
                "A dated value is written as one quantity (in force always), a list of "
                "dated value tables, or a dated parameter table naming the parameter."
            )
            visit(kind.entry, "dated values", doc)
            visit(kind.whole, "dated parameter")

    visit(table)
    return "\n".join(sections)
