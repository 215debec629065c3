"""The parts talk through public interfaces: no module of the package imports, reads or
calls a private name (a leading underscore) of another module; and the imports made at
run time form no cycle.

Read from the source files' syntax trees, nothing imported: ``from x import _y``,
``x._y`` where ``x`` is another module of the package, and ``obj._y`` where ``_y`` is a
private method or attribute defined by a class of another module (and by none of the
module's own), ``self`` and ``cls`` aside. The layers themselves are contracts in
pyproject.toml, checked by ``lint-imports``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "src"
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


# -- import cycles --------------------------------------------------------------------------


def _owner(name: str) -> str | None:
    """The module of the package that ``name`` (a module or a name in one) is in."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(module: str) -> set[str]:
    """The modules of the package that ``module`` imports when it runs: at its top and
    inside its functions, not under ``if TYPE_CHECKING:`` (annotations only)."""
    found: set[str] = set()
    pending: list[ast.AST] = [TREES[module]]
    while pending:
        node = pending.pop()
        if _type_checking(node):
            pending.extend(node.orelse)  # type: ignore[attr-defined]
            continue
        pending.extend(ast.iter_child_nodes(node))
        names: list[str] = []
        if isinstance(node, ast.ImportFrom):
            target = _target(module, node)
            names = [
                f"{target}.{a.name}" if f"{target}.{a.name}" in MODULES else target
                for a in node.names
            ]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            owner = _owner(name) if name.startswith(PACKAGE) else None
            if owner is not None and owner != module:
                found.add(owner)
    return found


def _cycle(edges: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph ``edges`` as the modules along it (the first repeated at
    the end), or [] when there is none."""
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for after in sorted(edges.get(node, ())):
            if state.get(after) == 1:
                return [*path[path.index(after) :], after]
            if after not in state and (found := walk(after)):
                return found
        state[node] = 2
        path.pop()
        return []

    for start in sorted(edges):
        if start not in state and (found := walk(start)):
            return found
    return []


def test_run_time_imports_form_no_cycle() -> None:
    """No module imports, through others, a module that imports it, counting the imports
    made inside functions (a package's ``__init__`` included)."""
    assert _cycle({module: _imported(module) for module in MODULES}) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    """The check itself follows imports made inside functions and leaves out those
    under TYPE_CHECKING."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from teletravail.policy import Policy\n"
        "def f():\n"
        "    from teletravail import presets\n"
        "    from teletravail.config import reading\n"
    )
    TREES["teletravail.__probe__"] = ast.parse(source)
    MODULES["teletravail.__probe__"] = Path("probe.py")
    try:
        found = _imported("teletravail.__probe__")
    finally:
        del TREES["teletravail.__probe__"], MODULES["teletravail.__probe__"]
    assert found == {"teletravail.presets", "teletravail.config.reading"}
