"""What a person is told of their privacy requests, in their language (TEXTS, English and
Kiswahili, core.i18n). Each function returns the `title`, `body` and `link` of a notify() call;
a decision's note is the staff member's own words, as written."""

from django.conf import settings

from insurehub.core import i18n, web_links

TEXTS: dict[str, dict[str, str]] = {
    "privacy.export_completed.title": {
        "en": "Your data export is ready to download.",
        "sw": "Nakala ya taarifa zako iko tayari kupakuliwa.",
    },
    "privacy.export_completed.body": {
        "en": "Download it from your profile within {hours} hours.",
        "sw": "Ipakue kutoka kwenye wasifu wako ndani ya saa {hours}.",
    },
    "privacy.erasure_rejected.title": {
        "en": "Your request to erase your data was declined.",
        "sw": "Ombi lako la kufuta taarifa zako halikukubaliwa.",
    },
}


def export_completed(subject) -> dict:
    language = i18n.language_of(subject)
    return {
        "title": i18n.say(TEXTS, "privacy.export_completed.title", language),
        "body": i18n.say(TEXTS, "privacy.export_completed.body", language, hours=settings.PRIVACY_EXPORT_LINK_HOURS),
        "link": web_links.PROFILE,
    }


def erasure_rejected(subject, *, note: str) -> dict:
    return {
        "title": i18n.say(TEXTS, "privacy.erasure_rejected.title", i18n.language_of(subject)),
        "body": note[:500],
        "link": web_links.PROFILE,
    }
