"""The web service under load: single-agent assessments per second with their p50 and
p99 latencies, and one 10,000-agent batch in one request.

Run it by hand from the repository root (the ``server`` extra and httpx installed)::

    python benchmarks/server.py
    python benchmarks/server.py --requests 5000 --clients 2 --batch 10000
    python benchmarks/server.py --workers 2    # uvicorn's command, two processes

The service is a real ``teletravail serve`` process (uvicorn, one worker) on 127.0.0.1
and a free port, or with ``--workers N`` uvicorn's own command serving
``teletravail.server.serving:worker_app`` (the default settings) from N processes;
the clients are other processes, each with one keep-alive connection (the standard
library's ``http.client``), sending the same agent document to
``POST /v1/policies/lot-2013/assessment`` one request after another. The rate is all
the clients' requests over the wall time of the run; the latencies are each request's,
client side (sending, the service's work, reading the answer). Then the batch:
``--batch`` agents of the seeded population of the Lot as agent documents, in one
``POST /v1/policies/lot-2013/assessments`` (httpx), timed client side over ``--repeat``
requests (the median), its rows checked against the rows document of the same agent
documents read and assessed in Python.

Targets (issue 17): at least 1,000 single-agent assessments a second, and the
10,000-agent batch under 200 ms, on the project's 2-core machine. The exit status is 0
when every answer was right (whether or not the targets are met), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from _timing import format_seconds, verdict

ROOT = Path(__file__).resolve().parents[1]
AGENT = {
    "id": "LOT-042",
    "hire_date": "2011-03-01",
    "working_time": {"value": 90, "unit": "%"},
    "role": "instructeur",
    "commute_distance": {"value": 28, "unit": "km"},
    "requested_telework": {"value": 1.5, "unit": "workday/week"},
}
BODY = {"agent": AGENT, "on": "2013-01-01"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_service(port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """``teletravail serve`` on ``port`` (with ``workers`` > 1, uvicorn's own command
    with that many worker processes, each building the application of the default
    settings), once it answers."""
    import httpx

    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if workers == 1:
        command = [sys.executable, "-m", "teletravail", "serve", "--port", str(port)]
    else:
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "teletravail.server.serving:worker_app",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ]
    process = subprocess.Popen(
        command,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=2)
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the service did not start")


def client(base: str, count: int) -> tuple[list[float], bytes]:
    """``count`` single-agent requests on one keep-alive connection: each latency, and
    the first answer. The client is the standard library's ``http.client``, the lightest
    there is: on two cores shared with the service, every microsecond a client spends
    is one the service does not get."""
    import http.client

    content = json.dumps(BODY).encode()
    headers = {"Content-Type": "application/json"}
    path = "/v1/policies/lot-2013/assessment"
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    latencies = []
    try:
        connection.request("POST", path, body=content, headers=headers)
        answer = connection.getresponse()
        first = answer.read()
        if answer.status != 200:
            raise AssertionError(first)
        for _ in range(count):
            start = time.perf_counter()
            connection.request("POST", path, body=content, headers=headers)
            answer = connection.getresponse()
            text = answer.read()
            latencies.append(time.perf_counter() - start)
            if answer.status != 200:
                raise AssertionError(text)
    finally:
        connection.close()
    return latencies, first


def singles(base: str, requests: int, clients: int) -> tuple[float, list[float], bytes]:
    """The rate of single-agent assessments of ``clients`` processes together."""
    share = requests // clients
    with ProcessPoolExecutor(max_workers=clients) as pool:
        pool.submit(time.sleep, 0).result()
        list(pool.map(client, [base] * clients, [20] * clients))  # warm both sides
        start = time.perf_counter()
        found = list(pool.map(client, [base] * clients, [share] * clients))
        elapsed = time.perf_counter() - start
    latencies = [latency for part, _ in found for latency in part]
    return len(latencies) / elapsed, latencies, found[0][1]


def batch(base: str, size: int, repeat: int) -> tuple[float, dict[str, Any], list[Any]]:
    """The median time of a ``size``-agent batch request, its answer and its agents."""
    import httpx

    from teletravail.synthetic import lot_2013_population

    agents = lot_2013_population(size).to_documents()
    content = json.dumps({"agents": agents, "on": "2013-01-01"}).encode()
    headers = {"Content-Type": "application/json"}
    times = []
    with httpx.Client(base_url=base, timeout=120) as session:
        answer = session.post("/v1/policies/lot-2013/assessments", content=content, headers=headers)
        answer.raise_for_status()
        for _ in range(repeat):
            start = time.perf_counter()
            response = session.post(
                "/v1/policies/lot-2013/assessments", content=content, headers=headers
            )
            times.append(time.perf_counter() - start)
            response.raise_for_status()
    return statistics.median(times), answer.json(), agents


def check(single: bytes, rows: dict[str, Any], agents: list[Any]) -> None:
    """The answers are the Python API's."""
    from teletravail import Agent, Workforce, presets

    policy = presets.load("lot-2013")
    expected = policy.assess(Agent.from_dict(AGENT), "2013-01-01").to_dict()
    assert json.loads(single) == json.loads(json.dumps(expected)), "single assessment"
    workforce = Workforce.from_records(agents, errors="report")
    expected_rows = policy.assess(workforce, "2013-01-01", errors="report").to_dict()
    assert rows == json.loads(json.dumps(expected_rows)), "batch rows"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=4000, help="single-agent requests")
    parser.add_argument("--clients", type=int, default=2, help="client processes")
    parser.add_argument("--batch", type=int, default=10_000, help="agents in the batch")
    parser.add_argument("--repeat", type=int, default=5, help="batch requests (median)")
    parser.add_argument("--workers", type=int, default=1, help="the service's processes")
    args = parser.parse_args(argv)
    if min(args.requests, args.clients, args.batch, args.repeat, args.workers) < 1:
        parser.error("every count must be positive")
    port = free_port()
    service = start_service(port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        rate, latencies, single = singles(base, args.requests, args.clients)
        took, rows, agents = batch(base, args.batch, args.repeat)
    finally:
        service.terminate()
        service.wait(timeout=30)
    try:
        check(single, rows, agents)
    except AssertionError as error:
        print(f"MISMATCH: {error}", file=sys.stderr)
        return 1
    cut = statistics.quantiles(latencies, n=100)
    print(
        f"single-agent assessments: {len(latencies)} requests, client processes:"
        f" {args.clients}, service workers: {args.workers}"
    )
    print(f"  rate {rate:8.0f} /s   (target >= 1,000: {verdict(rate >= 1_000)})")
    print(f"  p50  {format_seconds(cut[49])}   p99 {format_seconds(cut[98])}")
    print(f"batch of {args.batch} agents: {format_seconds(took)} (median of {args.repeat})")
    print(f"  (target < 200 ms for 10,000: {verdict(args.batch != 10_000 or took < 0.2)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
