"""The web application's Content-Security-Policy: this origin only, unless a real card provider is
configured, whose hosted field then needs its script, frames and API origins, and only those."""

from insurehub.core.web_app import app_policy


def directives(policy: str) -> dict[str, set[str]]:
    parts = (directive.strip().split() for directive in policy.split(";") if directive.strip())
    return {name: set(values) for name, *values in parts}


def test_with_the_sandbox_nothing_leaves_the_origin(settings):
    settings.CARD_PROVIDER = "sandbox"
    policy = app_policy("n0nce")
    assert "http" not in policy
    assert directives(policy)["script-src"] == {"'self'"}


def test_with_stripe_only_its_origins_are_added_where_its_hosted_field_needs_them(settings):
    settings.CARD_PROVIDER = "stripe"
    policy = directives(app_policy("n0nce"))
    assert policy["script-src"] == {"'self'", "https://js.stripe.com"}
    assert policy["frame-src"] == {"'self'", "blob:", "https://js.stripe.com", "https://hooks.stripe.com"}
    assert policy["connect-src"] == {"'self'", "https://api.stripe.com"}
    for directive in ("default-src", "style-src", "img-src", "font-src", "object-src", "form-action"):
        assert not any("stripe" in value for value in policy[directive]), directive
    assert policy["style-src"] == {"'self'", "'nonce-n0nce'"}


def test_the_app_page_answers_with_the_policy_of_the_configured_provider(client, settings):
    settings.CARD_PROVIDER = "stripe"
    stripe = client.get("/policies/any/pay")["Content-Security-Policy"]
    settings.CARD_PROVIDER = "sandbox"
    sandbox = client.get("/policies/any/pay")["Content-Security-Policy"]
    assert "https://js.stripe.com" in stripe and "http" not in sandbox
