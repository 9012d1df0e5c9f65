"""The words of an e-mail and an SMS built from a notification: its sentence (the title), what
follows (the body) and the page to open, as an absolute link under PUBLIC_BASE_URL."""

from insurehub.core import i18n, web_links
from insurehub.users.models import User

SMS_LIMIT = 480  # SMSLog.body; longer texts go out as several SMS parts anyway


def settings_page(recipient: User) -> str:
    """Where the recipient changes what they are told: the customers' profile, the staff's
    notifications page."""
    return web_links.PROFILE if not recipient.is_staff_role else web_links.NOTIFICATIONS


# The e-mail's frame around a notice, in the recipient's language (core.i18n).
TEXTS: dict[str, dict[str, str]] = {
    "email.greeting": {"en": "Hello {name},", "sw": "Habari {name},"},
    "email.greeting_unnamed": {"en": "Hello there,", "sw": "Habari,"},
    "email.open": {"en": "Open it in InsureHub: {url}", "sw": "Ifungue kwenye InsureHub: {url}"},
    "email.why": {
        "en": "You receive this e-mail because of your notification settings: {url}",
        "sw": "Unapokea barua pepe hii kwa sababu ya mipangilio yako ya arifa: {url}",
    },
}


def email_body(*, recipient: User, title: str, body: str = "", link: str = "") -> str:
    language = i18n.language_of(recipient)
    greeting = (
        i18n.say(TEXTS, "email.greeting", language, name=recipient.name)
        if recipient.name
        else i18n.say(TEXTS, "email.greeting_unnamed", language)
    )
    paragraphs = [greeting, title]
    if body:
        paragraphs.append(body)
    if link:
        paragraphs.append(i18n.say(TEXTS, "email.open", language, url=web_links.public_url(link)))
    paragraphs.append(
        "InsureHub\n" + i18n.say(TEXTS, "email.why", language, url=web_links.public_url(settings_page(recipient)))
    )
    return "\n\n".join(paragraphs) + "\n"


def sms_text(*, title: str, body: str = "", link: str = "") -> str:
    url = web_links.public_url(link) if link else ""
    room = SMS_LIMIT - (len(url) + 1 if url else 0)
    text = f"{title} {body}".strip() if body else title
    if len(text) > room:
        text = text[: room - 1].rstrip() + "…"
    return f"{text} {url}" if url else text
