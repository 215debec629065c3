"""The policies served: the presets and a folder's documents, read once; a request
names one, and an unknown name lists the known ones with the closest."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import web_stack

web_stack()

from teletravail import config, presets  # noqa: E402
from teletravail.errors import ConfigError, UnknownPolicyError  # noqa: E402
from teletravail.server import PolicyStore  # noqa: E402


def test_the_presets_and_the_folder(tmp_path: Path) -> None:
    (tmp_path / "ours.toml").write_text(presets.text("cantal-2012"), encoding="utf-8")
    (tmp_path / ".hidden.toml").write_text("not read", encoding="utf-8")
    (tmp_path / "readme.md").write_text("not read", encoding="utf-8")
    store = PolicyStore.load(tmp_path)
    assert store.names() == tuple(sorted((*presets.names(), "ours")))
    ours = store.get("ours")
    assert ours.origin == "folder" and store.get("lot-2013").origin == "preset"
    assert ours.policy == presets.load("cantal-2012")
    assert ours.document == config.to_document(ours.policy)
    summary = ours.summary()
    assert summary["name"] == "ours" and summary["period"] == {"start": "2012-01-01", "end": None}
    with pytest.raises(TypeError):
        store.policies["other"] = ours  # type: ignore[index]


def test_a_folder_with_problems_stops_the_start_with_every_problem(tmp_path: Path) -> None:
    (tmp_path / "lot-2013.toml").write_text(presets.text("lot-2013"), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"name": "x"}', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        PolicyStore.load(tmp_path)
    paths = [problem.path for problem in caught.value.problems]
    assert "lot-2013.toml" in paths
    assert any(path.startswith("broken.json: ") for path in paths)
    assert "lot-2013" in caught.value.text("fr")


def test_an_unknown_policy_lists_the_known_ones_and_the_closest() -> None:
    store = PolicyStore.load()
    with pytest.raises(UnknownPolicyError) as caught:
        store.get("Lot-2031")
    error = caught.value
    assert error.code == "unknown_policy" and error.field == "policy"
    assert "(did you mean 'lot-2013'?)" in str(error)
    assert "vouliez-vous dire «\u00a0lot-2013\u00a0»" in error.text("fr")
    assert ", ".join(presets.names()) in str(error.expected)
