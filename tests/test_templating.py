"""Templates a user may replace: a folder first, then the shipped ones; the same typed
errors for the acts and the bilan."""

from __future__ import annotations

from pathlib import Path

import pytest

from teletravail import templating
from teletravail.errors import ValidationError

pytest.importorskip("jinja2", reason="the acts and report extras' template engine")


def test_a_folder_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    assert templating.template_folder(None) is None
    assert templating.template_folder(tmp_path) == tmp_path
    with pytest.raises(ValidationError) as raised:
        templating.template_folder(tmp_path / "missing")
    assert raised.value.field == "templates"


def test_a_users_template_comes_first_and_its_faults_are_named(tmp_path: Path) -> None:
    (tmp_path / "bilan.en.html").write_text("<p>{{ name }}</p>\n", encoding="utf-8")
    mine = templating.environment("teletravail.report", tmp_path, extra="report", field="r")
    assert templating.render(mine, "bilan.en.html", {"name": "<b>"}) == "<p>&lt;b&gt;</p>"
    with pytest.raises(ValidationError, match="names the data gives"):
        templating.render(mine, "bilan.en.html", {})
    (tmp_path / "bilan.fr.html").write_text("{% if %}", encoding="utf-8")
    with pytest.raises(ValidationError, match="line 1") as raised:
        templating.render(mine, "bilan.fr.html", {})
    assert raised.value.field == "templates" and "ligne 1" in raised.value.text("fr")


def test_the_shipped_templates_environment_is_built_once() -> None:
    one = templating.environment("teletravail.report", None, extra="report", field="r")
    two = templating.environment("teletravail.report", None, extra="report", field="r")
    assert one is two
    acts = templating.environment(
        "teletravail.acts", None, extra="acts", field="render", html_only=True
    )
    assert acts is not one
