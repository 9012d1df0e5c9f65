"""The words of an e-mail and an SMS built from a notification: its sentence (the title), what
follows (the body) and the page to open, as an absolute link under PUBLIC_BASE_URL."""

from insurehub.core import web_links
from insurehub.users.models import User

SMS_LIMIT = 480  # SMSLog.body; longer texts go out as several SMS parts anyway


def settings_page(recipient: User) -> str:
    """Where the recipient changes what they are told: the customers' profile, the staff's
    notifications page."""
    return web_links.PROFILE if not recipient.is_staff_role else web_links.NOTIFICATIONS


def email_body(*, recipient: User, title: str, body: str = "", link: str = "") -> str:
    paragraphs = [f"Hello {recipient.name or 'there'},", title]
    if body:
        paragraphs.append(body)
    if link:
        paragraphs.append(f"Open it in InsureHub: {web_links.public_url(link)}")
    paragraphs.append(
        "InsureHub\n"
        f"You receive this e-mail because of your notification settings: "
        f"{web_links.public_url(settings_page(recipient))}"
    )
    return "\n\n".join(paragraphs) + "\n"


def sms_text(*, title: str, body: str = "", link: str = "") -> str:
    url = web_links.public_url(link) if link else ""
    room = SMS_LIMIT - (len(url) + 1 if url else 0)
    text = f"{title} {body}".strip() if body else title
    if len(text) > room:
        text = text[: room - 1].rstrip() + "…"
    return f"{text} {url}" if url else text
