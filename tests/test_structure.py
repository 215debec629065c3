"""The parts talk through public interfaces: no module of the package imports, reads or
calls a private name (a leading underscore) of another module.

Read from the source files' syntax trees, nothing imported: ``from x import _y``,
``x._y`` where ``x`` is another module of the package, and ``obj._y`` where ``_y`` is a
private method or attribute defined by a class of another module (and by none of the
module's own), ``self`` and ``cls`` aside.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "teletravail"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _target(module: str, node: ast.ImportFrom) -> str:
    """The module an ``import from`` names, relative imports resolved."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if MODULES[module].name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _defined(tree: ast.Module) -> set[str]:
    """The private names a module's classes define: methods, and attributes assigned
    on ``self`` or declared in the class body."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    names.add(item.name)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    names.add(item.target.id)
                elif isinstance(item, ast.Assign):
                    names.update(t.id for t in item.targets if isinstance(t, ast.Name))
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            and isinstance(node.ctx, ast.Store)
        ):
            names.add(node.attr)
    return {name for name in names if _private(name)}


DEFINED = {name: _defined(tree) for name, tree in TREES.items()}


def _uses(module: str) -> list[str]:
    """Every use by ``module`` of a private name of another module."""
    tree = TREES[module]
    found: list[str] = []
    aliases: dict[str, str] = {}  # a local name -> the package module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = _target(module, node)
            if not target.startswith(PACKAGE):
                continue
            for alias in node.names:
                full = f"{target}.{alias.name}"
                if full in MODULES:
                    aliases[alias.asname or alias.name] = full
                elif _private(alias.name) and target != module:
                    found.append(f"imports {full}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES and alias.asname:
                    aliases[alias.asname] = alias.name
    mine = DEFINED[module]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not _private(node.attr):
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in aliases and aliases[owner.id] != module:
            found.append(f"reads {aliases[owner.id]}.{node.attr}")
        elif isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
            continue
        elif node.attr not in mine:
            others = sorted(m for m, names in DEFINED.items() if m != module and node.attr in names)
            if others:
                found.append(f"uses {node.attr} of {others[0]}")
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_uses_another_modules_private_names(module: str) -> None:
    """Each module reaches the others through their public names only."""
    assert _uses(module) == []


def test_the_check_finds_a_private_use(tmp_path: Path) -> None:
    """The check itself sees an import of a private name, a read of one and a call of
    another module's private method."""
    source = (
        "from teletravail.workforce import _kept\n"
        "import teletravail.units as u\n"
        "def f(quota):\n"
        "    u._unit\n"
        "    return quota._one()\n"
    )
    TREES["teletravail.__probe__"] = ast.parse(source)
    MODULES["teletravail.__probe__"] = tmp_path / "probe.py"
    DEFINED["teletravail.__probe__"] = set()
    try:
        found = _uses("teletravail.__probe__")
    finally:
        for table in (TREES, MODULES, DEFINED):
            del table["teletravail.__probe__"]
    assert found == [
        "imports teletravail.workforce._kept",
        "reads teletravail.units._unit",
        "uses _one of teletravail.scheduling.quota",
    ]
