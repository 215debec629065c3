"""The service's settings: safe defaults, and a wrong setting named."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import web_stack

web_stack()

from teletravail.cli import serve as command  # noqa: E402
from teletravail.errors import ValidationError  # noqa: E402
from teletravail.server import Settings  # noqa: E402


def test_the_defaults_listen_on_this_machine_only_without_cors() -> None:
    settings = Settings()
    assert settings.host == "127.0.0.1"
    assert settings.cors_origins == ()
    assert settings.policies is None
    # the command's defaults are the settings' own
    assert (
        settings.max_body,
        settings.max_batch,
    ) == (command.DEFAULT_MAX_BODY, command.DEFAULT_MAX_BATCH)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("port", 70_000),
        ("port", "8000"),
        ("port", True),
        ("max_body", 0),
        ("max_batch", -1),
        ("host", " "),
        ("cors_origins", "https://a.example"),
        ("cors_origins", [""]),
        ("policies", "/no/such/folder"),
    ],
)
def test_a_wrong_setting_is_named(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(**{field: value})  # type: ignore[arg-type]
    assert caught.value.field == field
    assert caught.value.text("fr") != str(caught.value)


def test_a_folder_and_origins(tmp_path: Path) -> None:
    settings = Settings(policies=tmp_path, cors_origins=[" https://rh.example.org "])
    assert settings.policies == tmp_path
    assert settings.cors_origins == ("https://rh.example.org",)
