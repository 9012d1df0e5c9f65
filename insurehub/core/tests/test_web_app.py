"""The web application served at /: its index.html for every client route (deep links survive a
reload) with a strict CSP and a fresh nonce, its hashed assets through WhiteNoise, nothing of the
API, admin, ops or files shadowed, and a page that says how to build it when web/dist is missing."""

import re

import pytest
from django.test import Client

from insurehub.core.testing import assert_problem

INDEX = """<!doctype html>
<html lang="en"><head>
<meta name="csp-nonce" content="__CSP_NONCE__" />
<script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script>
</head><body><div id="root"></div></body></html>
"""


@pytest.fixture
def dist(settings, tmp_path):
    """A built web app (what `vite build` writes), served as the settings would serve web/dist."""
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX)
    (root / "assets" / "index-Ab12Cd34.js").write_text("console.log('app');\n")
    (root / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    settings.WEB_DIST_DIR = root
    settings.WHITENOISE_ROOT = str(root)
    return root


def nonce_of(response) -> str:
    match = re.search(r"'nonce-([A-Za-z0-9_-]+)'", response["Content-Security-Policy"])
    assert match, response["Content-Security-Policy"]
    return match.group(1)


class TestClientRoutes:
    @pytest.mark.parametrize(
        "path",
        [
            "/",
            "/login",
            "/claims",
            "/claims/",
            "/claims/5c6fd239-ed65-48a9-af5c-b6b82c5d1ea6",
            "/assessments/x/y",
            "/alerts?status=open",
        ],
    )
    def test_every_client_route_is_the_apps_page(self, dist, path):
        response = Client().get(path)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/html; charset=utf-8"
        body = response.content.decode()
        assert '<div id="root"></div>' in body
        assert "__CSP_NONCE__" not in body
        assert f'content="{nonce_of(response)}"' in body  # the page carries the nonce its CSP allows

    def test_the_page_allows_only_this_origin(self, dist):
        policy = Client().get("/claims")["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self'"  # no inline script, no other origin
        assert directives["style-src"].startswith("'self' 'nonce-")
        assert directives["connect-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert directives["frame-src"] == "'self' blob:"  # PDF previews from the app's own downloads
        assert directives["object-src"] == "'none'"
        assert "http" not in policy and "unsafe" not in policy

    def test_the_page_may_ask_for_the_position_on_this_origin_only(self, dist):
        # "Use my location" in the claim wizard; the API keeps geolocation=() like every other feature
        assert Client().get("/claims/new")["Permissions-Policy"] == (
            "camera=(), microphone=(), geolocation=(self), payment=()"
        )
        assert "geolocation=()" in Client().get("/api/claims/")["Permissions-Policy"]

    def test_each_answer_has_its_own_nonce_and_is_never_cached(self, dist):
        first, second = Client().get("/"), Client().get("/")
        assert nonce_of(first) != nonce_of(second)
        assert "no-store" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]

    def test_the_page_sets_the_csrf_cookie_the_session_endpoints_need(self, dist):
        response = Client().get("/claims/")
        assert response.cookies["csrftoken"].value

    def test_a_post_to_a_client_route_is_refused(self, dist):
        assert Client().post("/claims", {}).status_code == 405


class TestWhatTheAppNeverShadows:
    def test_unknown_api_paths_stay_problem_json_404s(self, dist):
        assert_problem(Client().get("/api/no-such-thing/"), 404)

    def test_api_paths_without_the_slash_still_reach_the_api(self, dist):
        assert_problem(Client().get("/api/claims"), 401)

    def test_ops_endpoints_and_admin(self, dist):
        client = Client()
        assert client.get("/healthz")["Content-Type"].startswith("application/json")
        admin = client.get("/admin/")
        assert admin.status_code == 302 and "/admin/login/" in admin["Location"]
        assert client.get("/admin").status_code in (301, 302)  # the admin's own slash handling

    @pytest.mark.parametrize("path", ["/favicon.ico", "/assets/missing-Zz99Yy88.js", "/ws/events/", "/static/none.css"])
    def test_missing_files_and_other_prefixes_are_not_the_apps_html(self, dist, path):
        response = Client().get(path)
        assert response.status_code == 404
        assert not response["Content-Type"].startswith("text/html")


class TestAssets:
    def test_hashed_assets_are_served_and_cached_for_a_year(self, dist):
        response = Client().get("/assets/index-Ab12Cd34.js")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"console.log('app');\n"
        assert "immutable" in response["Cache-Control"] and "max-age=315360000" in response["Cache-Control"]

    def test_files_at_the_root_of_the_build_are_served_without_the_year_long_cache(self, dist):
        response = Client().get("/favicon.svg")
        assert response.status_code == 200
        assert "immutable" not in response.get("Cache-Control", "")


class TestNotBuilt:
    def test_root_says_how_to_build_the_app(self, settings, tmp_path):
        settings.WEB_DIST_DIR = tmp_path / "missing"
        response = Client().get("/")
        assert response.status_code == 503
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert "make web" in response.content.decode()
        assert Client().get("/claims/").status_code == 503
