"""Load test: agents working the claims dashboard and customers checking their policies.

Run headless against a running server (see `make loadtest`):
    locust -f bench/locust/locustfile.py --headless -u 60 -r 10 -t 60s --host http://127.0.0.1:8000

Users are the demo accounts of `seed_demo` (password insurehub-demo). Each virtual agent logs in
once, then loops: dashboard KPIs, the claims list (first and a deep page), a claim's detail and
timeline, now and then a transition; customers look at their policies, claims and notifications
and upload a small document. Locust prints p50/p95/p99 and failures per endpoint at the end.
"""

import io
import os
import random

from locust import HttpUser, between, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "insurehub-demo")
AGENTS = os.environ.get("LOAD_AGENTS", "agent@insurehub.test,supervisor@insurehub.test").split(",")
CUSTOMERS = os.environ.get("LOAD_CUSTOMERS", "customer@insurehub.test,customer2@insurehub.test").split(",")
# A tiny valid PNG (1x1), so uploads pass the content check.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class _Authenticated(HttpUser):
    abstract = True
    accounts: list[str] = []

    def on_start(self):
        email = random.choice(self.accounts).strip()
        response = self.client.post("/api/auth/login/", json={"email": email, "password": PASSWORD}, name="login")
        token = response.json().get("access", "") if response.ok else ""
        self.client.headers["Authorization"] = f"Bearer {token}"


class Agent(_Authenticated):
    weight = 3
    wait_time = between(0.5, 2)
    accounts = AGENTS
    claim_ids: list[str] = []

    @task(4)
    def dashboard(self):
        self.client.get("/api/dashboard/kpi/", name="dashboard kpi")
        self.client.get("/api/dashboard/claims/", name="dashboard claims")

    @task(4)
    def claims_list(self):
        response = self.client.get("/api/claims/?page_size=50", name="claims list")
        if response.ok:
            self.claim_ids = [c["id"] for c in response.json().get("results", [])]
            next_url = response.json().get("next")
            if next_url:
                self.client.get(next_url, name="claims list (next page)")

    @task(3)
    def claim_detail(self):
        if self.claim_ids:
            claim_id = random.choice(self.claim_ids)
            self.client.get(f"/api/claims/{claim_id}/", name="claim detail")
            self.client.get(f"/api/claims/{claim_id}/timeline/", name="claim timeline")

    @task(1)
    def transition(self):
        if self.claim_ids:
            claim_id = random.choice(self.claim_ids)
            with self.client.post(
                f"/api/claims/{claim_id}/transition/",
                json={"to": "under_review", "reason": "load test"},
                name="claim transition",
                catch_response=True,
            ) as response:
                if response.status_code in (200, 409):  # 409: not allowed from its state, a valid answer
                    response.success()


class Customer(_Authenticated):
    weight = 1
    wait_time = between(1, 4)
    accounts = CUSTOMERS

    @task(3)
    def my_things(self):
        self.client.get("/api/policies/", name="my policies")
        self.client.get("/api/claims/", name="my claims")
        self.client.get("/api/notifications/", name="my notifications")

    @task(1)
    def upload(self):
        self.client.post(
            "/api/documents/upload/",
            files={"file": ("photo.png", io.BytesIO(PNG), "image/png")},
            data={"kind": "photo"},
            name="document upload",
        )
