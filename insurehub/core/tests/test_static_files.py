"""The application serves its static files (WhiteNoise) and the API docs' assets (drf-spectacular-
sidecar), so the admin and /api/docs/, /api/redoc/ render with no other origin and DEBUG off."""

import gzip
import re
import warnings
from html.parser import HTMLParser

import pytest
from asgiref.sync import async_to_sync
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import AsyncClient, Client


class _References(HTMLParser):
    """Every address a page makes the browser load, and the bodies of its inline scripts."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href", "spec-url"):
            if attrs.get(name):
                self.urls.append(attrs[name])
        self._in_script = tag == "script" and not attrs.get("src")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def _references(response) -> _References:
    parser = _References()
    parser.feed(response.content.decode())
    return parser


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_admin_css_is_served_by_the_application_with_debug_off(settings):
    assert settings.DEBUG is False
    response = Client().get("/static/admin/css/base.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    with open(finders.find("admin/css/base.css"), "rb") as source:
        assert _body(response) == source.read()


@pytest.mark.parametrize(
    ("page", "assets"),
    [
        ("/api/docs/", {"swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"}),
        ("/api/redoc/", {"redoc.standalone.js"}),
    ],
)
def test_docs_load_everything_from_this_server(page, assets):
    client = Client()
    response = client.get(page)
    assert response.status_code == 200
    refs = _references(response)
    assert refs.inline_scripts == []  # the CSP allows no inline script
    assert {url.rsplit("/", 1)[-1] for url in refs.urls} >= assets
    for url in refs.urls:
        assert url.startswith("/") and not url.startswith("//"), url  # this origin only
        asset = client.get(url)
        assert asset.status_code == 200, url
        body = _body(asset)
        if url.endswith(".js") or "?script" in url:
            assert "javascript" in asset["Content-Type"]
            assert len(body) > 1000 if url.endswith(".js") else b"SwaggerUIBundle(" in body
        elif url.endswith(".css"):
            assert asset["Content-Type"].startswith("text/css")
    assert "http" not in response["Content-Security-Policy"]


def test_swagger_ui_start_up_script_names_no_other_origin():
    script = Client().get("/api/docs/?script=")
    assert script.status_code == 200
    body = script.content.decode()
    assert '"/api/schema/"' in body
    assert not re.search(r"https?://", body)
    assert '"validatorUrl": null' in body  # no badge fetched from validator.swagger.io


def test_static_files_stream_under_asgi_without_django_warning():
    """Under ASGI (uvicorn) Django warned on every file WhiteNoise served; the body is now async."""

    async def fetch() -> tuple[int, bytes]:
        response = await AsyncClient().get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "StreamingHttpResponse must consume synchronous iterators"
            return response.status_code, b"".join([chunk async for chunk in response])

    status, body = async_to_sync(fetch)()
    assert status == 200
    with open(finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"), "rb") as source:
        assert body == source.read()


@pytest.mark.slow
@pytest.mark.django_db
def test_production_serves_collected_files_hashed_compressed_and_cached_for_ever(settings, tmp_path):
    """Production's storage: what `collectstatic` wrote (as the Dockerfile runs it), no finders."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)

    client = Client()  # a new handler: its WhiteNoise reads STATIC_ROOT now
    for page, asset in (("/api/docs/", "swagger-ui-bundle"), ("/admin/login/", "base")):
        response = client.get(page)
        assert response.status_code == 200, page
        urls = [url for url in _references(response).urls if url.rsplit("/", 1)[-1].startswith(asset + ".")]
        assert urls, f"{page} links no {asset} file"
        url = urls[0]
        assert re.search(rf"/{asset}\.[0-9a-f]{{12}}\.(js|css)$", url), url  # hashed name
        served = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert served.status_code == 200
        assert served["Content-Encoding"] == "gzip"
        assert "immutable" in served["Cache-Control"]
        collected = settings.STATIC_ROOT / url.removeprefix("/static/")
        assert gzip.decompress(_body(served)) == collected.read_bytes()
