"""``teletravail serve``: started as a process, it serves until stopped; without the
``server`` extra it says which extra to install."""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teletravail import presets
from teletravail.cli import EXIT_PROBLEMS, main

SRC = Path(__file__).resolve().parents[2] / "src"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_runs_as_a_process_until_stopped(tmp_path: Path) -> None:
    for name in ("fastapi", "uvicorn", "swagger_ui"):
        pytest.importorskip(name, reason="the 'server' extra")
    httpx = pytest.importorskip("httpx", reason="the 'test' extra")
    (tmp_path / "ours.toml").write_text(presets.text("cantal-2012"), encoding="utf-8")
    port = _free_port()
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "teletravail",
            "serve",
            "--port",
            str(port),
            "--policies",
            str(tmp_path),
            "--max-batch",
            "3",
        ],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"{base}/v1/health", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, "the service did not start"
                time.sleep(0.1)
        assert health.status_code == 200 and health.json()["policies"] == 7
        names = [p["name"] for p in httpx.get(f"{base}/v1/policies").json()["policies"]]
        assert "ours" in names
        agents = [{"id": f"A{i}", "hire_date": "2010-01-01"} for i in range(4)]
        over = httpx.post(
            f"{base}/v1/policies/ours/assessments", json={"agents": agents, "on": "2013-01-01"}
        )
        assert over.status_code == 422 and over.json()["code"] == "batch_too_large"
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert f"127.0.0.1:{port}" in err


def test_without_the_extra_the_command_names_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    found = importlib.util.find_spec

    def missing(name: str, *args: object) -> object:
        return None if name == "fastapi" else found(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", missing)
    assert main(["serve", "--lang", "fr"]) == EXIT_PROBLEMS
    said = capsys.readouterr().err
    assert said == (
        "teletravail\u00a0: erreur\u00a0: le service web a besoin de l'extra «\u00a0server\u00a0»"
        " (fastapi manquant)\u00a0: python -m pip install 'teletravail[server]'\n"
    )


def test_a_wrong_setting_is_an_error_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("fastapi", reason="the 'server' extra")
    assert main(["serve", "--port", "70000"]) == EXIT_PROBLEMS
    assert "port: expected a port number from 0 to 65535" in capsys.readouterr().err
