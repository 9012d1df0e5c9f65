"""End to end, as `make run` runs it: the development server (scripts/serve.sh, DJANGO_ENV=development,
no broker, no Redis) with the demo data serves the Daraja stand-in itself. A customer buys a motor policy
and pays by M-Pesa over HTTP: the stand-in takes the push, calls the server back, the payment succeeds and the policy
turns active. A push whose callback is lost (a number ending 9999) is settled by the status query that
the server's in-process scheduler runs."""

import asyncio
import json
import os
import signal
import socket
import subprocess  # nosec B404
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest
import websockets

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args: list[str], env: dict) -> None:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)  # noqa: S603  # nosec B603
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory):
    work = tmp_path_factory.mktemp("dev-server")
    port, standin_port = free_port(), free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work),
        "DJANGO_ENV": "development",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "DEMO_HISTORY_CLAIMS": "0",
        "LOG_LEVEL": "WARNING",
        "PORT": str(port),
        "MPESA_STANDIN_PORT": str(standin_port),
        "MPESA_STANDIN_ANSWER_SECONDS": "0.3",
        "MPESA_QUERY_AFTER_MINUTES": "0",
        "MPESA_QUERY_EVERY_SECONDS": "1",
        # No test reaches the internet: the providers are down (a closed port on this machine).
        **{
            f"{name}_BASE_URL": "http://127.0.0.1:9"
            for name in ("NOMINATIM", "VPIC", "OPEN_METEO_FORECAST", "OPEN_METEO_ARCHIVE")
        },
    }
    run([str(BIN / "python"), "manage.py", "migrate", "--noinput", "-v0"], env)
    run([str(BIN / "python"), "manage.py", "seed_demo"], env)
    log = (work / "server.log").open("w")
    server = subprocess.Popen(  # nosec B603 - the shipped server, as make run starts it
        ["/bin/bash", "scripts/serve.sh"],
        cwd=ROOT,
        env={**env, "INSUREHUB_PYTHON": str(BIN / "python")},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, (work / "server.log").read_text()[-3000:]
            time.sleep(0.1)
        yield {"base": base, "standin_port": standin_port, "server": server, "log": work / "server.log"}
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()


def customer(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30)
    login = client.post("/api/auth/login/", json={"email": "customer@insurehub.test", "password": "insurehub-demo"})
    assert login.status_code == 200, login.text
    client.headers["Authorization"] = f"Bearer {login.json()['access']}"
    return client


def new_pending_policy(client: httpx.Client, registration: str, vin: str) -> dict:
    policy_type = client.get("/api/policy-types/", params={"category": "motor"}).json()["results"][0]
    vehicle = client.post(
        "/api/vehicles/",
        json={
            "registration": registration,
            "vin": vin,
            "make": "Volkswagen",
            "model": "Golf",
            "year": 2020,
            "colour": "Blue",
            "estimated_value": "1800000.00",
        },
    )
    assert vehicle.status_code == 201, vehicle.text
    quote = client.post(
        "/api/policies/quote/",
        json={"policy_type": policy_type["id"], "vehicle": vehicle.json()["id"], "payment_plan": "annual"},
    )
    assert quote.status_code == 201, quote.text
    accepted = client.post(f"/api/policies/{quote.json()['id']}/accept/")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "pending_payment"
    return accepted.json()


def pay(client: httpx.Client, policy: dict, phone: str, *, timeout: float = 30) -> dict:
    push = client.post(
        "/api/payments/mpesa/stk-push/",
        json={"policy": policy["id"], "phone": phone},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert push.status_code == 202, push.text
    txn = push.json()["transaction"]
    assert txn["status"] == "pending"
    deadline = time.monotonic() + timeout
    while txn["status"] == "pending" and time.monotonic() < deadline:
        time.sleep(0.2)
        txn = client.get(f"/api/payments/transactions/{txn['id']}/").json()
    return txn


def test_development_server_serves_the_daraja_standin_on_127_0_0_1(dev_server):
    with socket.create_connection(("127.0.0.1", dev_server["standin_port"]), timeout=5):
        pass
    token = httpx.get(f"http://127.0.0.1:{dev_server['standin_port']}/oauth/v1/generate?grant_type=client_credentials")
    assert token.status_code == 400  # Daraja's answer to a request without the app's credentials


def test_a_customer_pays_by_mpesa_and_the_policy_turns_active(dev_server):
    client = customer(dev_server["base"])
    policy = new_pending_policy(client, "KDE 101A", "WVWZZZ1JZXW100101")
    txn = pay(client, policy, "0712 345 678")
    assert txn["status"] == "succeeded", txn
    # The callback credits it with its receipt; when the server's status query got there first, the
    # callback that follows brings the receipt a moment later.
    deadline = time.monotonic() + 10
    while not txn["receipt_number"] and time.monotonic() < deadline:
        time.sleep(0.2)
        txn = client.get(f"/api/payments/transactions/{txn['id']}/").json()
    assert txn["receipt_number"].startswith("NLJ"), txn
    assert client.get(f"/api/policies/{policy['id']}/").json()["status"] == "active"


def test_a_push_whose_callback_is_lost_is_settled_by_the_periodic_status_query(dev_server):
    client = customer(dev_server["base"])
    policy = new_pending_policy(client, "KDE 202B", "WVWZZZ1JZXW200202")
    txn = pay(client, policy, "0712349999", timeout=60)
    assert txn["status"] == "succeeded", txn
    assert client.get(f"/api/policies/{policy['id']}/").json()["status"] == "active"


def test_http_and_websockets_share_the_port_and_an_http_payment_reaches_the_customers_socket(dev_server):
    """The one process serves /ws/ next to HTTP: an event committed by an HTTP request thread (the push,
    then the stand-in's callback) reaches a socket of the same process over the in-memory layer."""
    client = customer(dev_server["base"])
    policy = new_pending_policy(client, "KDE 303C", "WVWZZZ1JZXW300303")
    token = client.headers["Authorization"].removeprefix("Bearer ")
    url = dev_server["base"].replace("http://", "ws://") + f"/ws/events/?token={token}"

    async def watch() -> list[dict]:
        async with websockets.connect(url) as ws:
            await ws.send(json.dumps({"action": "ping"}))
            assert json.loads(await asyncio.wait_for(ws.recv(), 10)) == {"type": "pong"}
            txn = await asyncio.to_thread(pay, client, policy, "0712 345 303")
            assert txn["status"] == "succeeded", txn
            seen: list[dict] = []
            while not any(event.get("type") == "payment.succeeded" for event in seen):
                seen.append(json.loads(await asyncio.wait_for(ws.recv(), 15)))
            return seen

    events = asyncio.run(watch())
    succeeded = next(event for event in events if event.get("type") == "payment.succeeded")
    assert succeeded["data"]["policy_id"] == policy["id"]


def staff(base: str, who: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30)
    login = client.post("/api/auth/login/", json={"email": f"{who}@insurehub.test", "password": "insurehub-demo"})
    assert login.status_code == 200, login.text
    client.headers["Authorization"] = f"Bearer {login.json()['access']}"
    return client


def key() -> dict:
    return {"Idempotency-Key": str(uuid.uuid4())}


def test_a_settlement_paid_by_mpesa_b2c_settles_the_claim_when_the_standins_result_arrives(dev_server):
    """Over HTTP, as `make run` serves it: the payout goes to the stand-in's B2C endpoint after the commit,
    the stand-in calls the server's result URL back, and only then is the claim settled."""
    agent, supervisor = staff(dev_server["base"], "agent"), staff(dev_server["base"], "supervisor")
    approved = agent.get("/api/claims/", params={"status": "approved", "department": "motor"}).json()["results"]
    claim = approved[0]
    url = f"/api/claims/{claim['id']}/"
    amount = "1000.00"
    reserve = agent.post(url + "reserves/", json={"cost_type": "own_damage", "amount": "100000.00", "reason": "quote"})
    assert reserve.status_code in (200, 201), reserve.text
    proposed = agent.post(
        url + "settlement/",
        json={"amount": amount, "payee": "The customer", "method": "mpesa", "cost_type": "own_damage"},
        headers=key(),
    )
    assert proposed.status_code == 201, proposed.text
    action = f"{url}settlement/{proposed.json()['id']}/"
    assert supervisor.post(action, json={"action": "approve"}, headers=key()).status_code == 200
    accepted = supervisor.post(action + "response/", json={"decision": "accept", "note": "By phone."}, headers=key())
    assert accepted.status_code == 200, accepted.text
    paid = supervisor.post(action, json={"action": "pay"}, headers=key())
    assert paid.status_code == 200, paid.text
    payout_id = paid.json()["paid_transaction"]
    deadline = time.monotonic() + 30
    payout = supervisor.get(f"/api/payments/transactions/{payout_id}/").json()
    while payout["status"] == "pending" and time.monotonic() < deadline:
        time.sleep(0.2)
        payout = supervisor.get(f"/api/payments/transactions/{payout_id}/").json()
    assert payout["status"] == "succeeded" and payout["method"] == "mpesa", payout
    assert payout["receipt_number"].startswith("UB")
    assert agent.get(url).json()["status"] == "settled"


def test_the_server_stops_cleanly_on_ctrl_c(dev_server):
    server = dev_server["server"]
    server.send_signal(signal.SIGINT)
    assert server.wait(timeout=30) == 0
    assert "Traceback" not in dev_server["log"].read_text()
