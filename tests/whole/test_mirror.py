"""The tests mirror the source: a test module sits in the folder of the package it tests,
named after the module it tests (``tests/workforce/test_fields.py`` tests
``teletravail.workforce.fields``), or after the package when it tests several of its
modules (``tests/scheduling/test_scheduling.py``). The core modules sit at the top of the
package, so their tests sit at the top of ``tests/`` (``tests/test_units.py``). A module
that becomes a package keeps its test file where it was (``tests/test_units.py`` would
still stand for a ``teletravail/units/`` package) until its tests get a folder of their
own.

The agreed exceptions: ``tests/whole/`` holds the tests whose subject spans the packages
(the one model, the structure of the source, the benchmark scripts, hostile input, the
short cuts of the column path, French across the layers), and :data:`NAMED_OTHERWISE`
the files of a package's folder named after what they test rather than after a module.
The shared helpers (``strategies``, ``oracles``, ``conftest``) stay at the top of
``tests/``, reached by relative imports.
"""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
PACKAGE = TESTS.parent / "src" / "teletravail"

#: The folder of tests whose subject spans the packages; no package of that name exists.
WHOLE = "whole"

#: Files in a package's folder that test several of its modules under one subject.
NAMED_OTHERWISE = {
    "scheduling/test_telecentre.py": (
        "télécentres: the centres and networks, the desk requests and their booking, "
        "and the 2012 network, across several modules of scheduling"
    ),
}


def modules_of(package: Path) -> set[str]:
    """The names a test module may take in the folder mirroring ``package``: its modules
    (underscores around the name aside: ``_columns``, ``__main__``) and its packages."""
    names = {path.stem.strip("_") for path in package.glob("*.py") if path.stem != "__init__"}
    names |= {path.name for path in package.iterdir() if (path / "__init__.py").is_file()}
    return names


def modules_of_tests() -> list[Path]:
    return sorted(path for path in TESTS.rglob("test_*.py") if "__pycache__" not in path.parts)


def misplaced(path: Path) -> str | None:
    """Why the test module at ``path`` does not mirror the source, or ``None``."""
    relative = path.relative_to(TESTS)
    folder = relative.parent.parts
    if folder[:1] == (WHOLE,) or relative.as_posix() in NAMED_OTHERWISE:
        return None
    package = PACKAGE.joinpath(*folder)
    if not (package / "__init__.py").is_file():
        dotted = ".".join(("teletravail", *folder))
        return f"{relative}: no package {dotted} in src for its folder"
    name = relative.stem.removeprefix("test_")
    if folder and name == folder[-1]:
        return None
    if name not in modules_of(package):
        return f"{relative}: no module {name} in {package.relative_to(PACKAGE.parent)}"
    if (TESTS.joinpath(*folder, name) / "__init__.py").is_file():
        return f"{relative}: the tests of {name} have their folder, {Path(*folder, name)}"
    return None


def test_every_test_module_sits_in_the_folder_of_what_it_tests() -> None:
    found = modules_of_tests()
    assert Path(__file__).resolve() in found and TESTS / "test_units.py" in found
    assert [problem for path in found if (problem := misplaced(path))] == []


def test_the_rule_refuses_a_test_out_of_place() -> None:
    assert misplaced(TESTS / "scheduling" / "test_quota.py") is None
    assert misplaced(TESTS / "test_main.py") is None
    assert misplaced(TESTS / "test_columns.py") is None
    assert misplaced(TESTS / "test_quota.py") == "test_quota.py: no module quota in teletravail"
    assert misplaced(TESTS / "test_scheduling.py") == (
        "test_scheduling.py: the tests of scheduling have their folder, scheduling"
    )
    assert misplaced(TESTS / "core" / "test_units.py") == (
        "core/test_units.py: no package teletravail.core in src for its folder"
    )
    assert misplaced(TESTS / "eligibility" / "test_quota.py") == (
        "eligibility/test_quota.py: no module quota in teletravail/eligibility"
    )


def test_the_exceptions_are_still_there() -> None:
    for relative in NAMED_OTHERWISE:
        assert (TESTS / relative).is_file(), relative
    assert (TESTS / WHOLE / "__init__.py").is_file()
    assert not (PACKAGE / WHOLE).exists()


def test_every_folder_of_tests_is_a_package() -> None:
    # two test modules of one name in two folders (tests/cli/test_reading.py beside
    # tests/workforce/test_reading.py) import apart only as modules of packages
    folders = {path.parent for path in modules_of_tests()}
    assert [f for f in sorted(folders) if not (f / "__init__.py").is_file()] == []
