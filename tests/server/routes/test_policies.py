"""The policies served, over HTTP: the list, and each one's document."""

from __future__ import annotations

from typing import Any

from ..conftest import OURS, web_stack

web_stack()

from teletravail import config, presets  # noqa: E402

from ..checks import ok, problem  # noqa: E402


def test_the_list_holds_the_presets_and_the_folder_s_document(client: Any) -> None:
    listed = ok(client.get("/v1/policies"))["policies"]
    names = [entry["name"] for entry in listed]
    assert names == sorted((*presets.names(), OURS))
    ours = next(entry for entry in listed if entry["name"] == OURS)
    assert (ours["origin"], ours["title"], ours["territory"]) == (
        "folder",
        "Ours",
        "Conseil général du Lot",
    )
    lot = next(entry for entry in listed if entry["name"] == "lot-2013")
    assert lot["origin"] == "preset" and lot["period"] == {"start": "2013-01-01", "end": None}


def test_a_policy_s_document_reads_back_as_the_policy(client: Any) -> None:
    for name in presets.names():
        document = ok(client.get(f"/v1/policies/{name}"), "teletravail.policy")
        assert config.from_document(document) == presets.load(name)


def test_an_unknown_policy_lists_the_known_ones(client: Any) -> None:
    found = problem(client.get("/v1/policies/lot-2031"), 404, "unknown_policy")
    assert found["field"] == "policy" and found["value"] == "'lot-2031'"
    assert ", ".join(sorted((*presets.names(), OURS))) in found["expected"]
    assert "did you mean 'lot-2013'" in found["detail"]
    french = problem(
        client.get("/v1/policies/lot-2031", headers={"Accept-Language": "fr-FR,fr;q=0.9"}),
        404,
        "unknown_policy",
    )
    assert french["title"] == "Politique inconnue"
    assert "vouliez-vous dire «\u00a0lot-2013\u00a0»" in french["detail"]
