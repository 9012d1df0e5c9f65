"""What a customer is told of the assessment of their claim, in their language (TEXTS, English
and Kiswahili, core.i18n). Each function returns the `title`, `body` and `link` of a notify() call;
what staff are told stays in English where it is written."""

from insurehub.core import i18n, web_links

TEXTS: dict[str, dict[str, str]] = {
    "assessment.completed.title": {
        "en": "The assessment of your claim {number} is complete.",
        "sw": "Tathmini ya dai lako {number} imekamilika.",
    },
    "assessment.completed.body": {
        "en": "We will let you know our decision.",
        "sw": "Tutakujulisha uamuzi wetu.",
    },
}


def completed_for_customer(claim) -> dict:
    language = i18n.language_of(claim.customer)
    return {
        "title": i18n.say(TEXTS, "assessment.completed.title", language, number=claim.claim_number),
        "body": i18n.say(TEXTS, "assessment.completed.body", language),
        "link": web_links.claim_page(claim.pk),
    }
