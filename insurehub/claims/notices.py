"""What people are told about a claim, in words: a sentence with the status's meaning (never
its code), what happens next, and the page to open. Each function returns the `title`, `body`
and `link` of a notify() call. What the customer is told is in their language (TEXTS, English
and Kiswahili, core.i18n); what staff are told is in English."""

from insurehub.claims.models import Claim, ClaimStatus, DocumentKindAsked
from insurehub.core import i18n, web_links

# The customer's texts: a claim is "dai" (plural "madai"), as in the web app's Kiswahili.
TEXTS: dict[str, dict[str, str]] = {
    # The sentence for each status their claim can move into, and what happens next.
    "status.submitted": {"en": "We have received your claim {number}.", "sw": "Tumepokea dai lako {number}."},
    "status.under_review": {
        "en": "Your claim {number} is now under review.",
        "sw": "Dai lako {number} sasa linakaguliwa.",
    },
    "status.assessment": {
        "en": "Your claim {number} is now being assessed.",
        "sw": "Uharibifu wa dai lako {number} sasa unatathminiwa.",
    },
    "status.approved": {"en": "Your claim {number} has been approved.", "sw": "Dai lako {number} limeidhinishwa."},
    "status.rejected": {"en": "Your claim {number} has been declined.", "sw": "Dai lako {number} halikukubaliwa."},
    "status.settlement": {
        "en": "Your claim {number} is being settled.",
        "sw": "Malipo ya dai lako {number} yanaandaliwa.",
    },
    "status.settled": {"en": "Your claim {number} has been settled.", "sw": "Dai lako {number} limelipwa."},
    "status.closed": {"en": "Your claim {number} is now closed.", "sw": "Dai lako {number} sasa limefungwa."},
    "status.withdrawn": {"en": "Your claim {number} has been withdrawn.", "sw": "Dai lako {number} limeondolewa."},
    "status.reopened": {
        "en": "Your claim {number} has been reopened.",
        "sw": "Dai lako {number} limefunguliwa tena.",
    },
    "next.submitted": {
        "en": "We will review it and tell you what happens next.",
        "sw": "Tutalikagua na kukujulisha kitakachofuata.",
    },
    "next.under_review": {
        "en": "A claims handler is checking the details and may contact you for more information.",
        "sw": "Mshughulikiaji wa madai anakagua maelezo na huenda akawasiliana nawe ili kupata maelezo zaidi.",
    },
    "next.assessment": {
        "en": "An assessor will look at the damage and estimate the repair; they may contact you to arrange a visit.",
        "sw": "Mtathmini ataangalia uharibifu na kukadiria gharama ya matengenezo; huenda akawasiliana nawe "
        "ili kupanga ziara.",
    },
    "next.approved": {"en": "We will now arrange the settlement.", "sw": "Sasa tutaandaa malipo yako."},
    "next.rejected": {
        "en": "If you disagree, reply to us from the claim's page.",
        "sw": "Ikiwa hukubaliani na uamuzi huu, tujibu kutoka ukurasa wa dai.",
    },
    "next.settlement": {"en": "We are arranging the payment.", "sw": "Tunaandaa malipo."},
    "next.settled": {"en": "The payment has been made.", "sw": "Malipo yamefanywa."},
    "next.closed": {"en": "Nothing more is needed from you.", "sw": "Hatuhitaji kitu kingine kutoka kwako."},
    "next.withdrawn": {"en": "We will take no further action on it.", "sw": "Hatutachukua hatua nyingine juu yake."},
    "next.reopened": {"en": "It is under review again.", "sw": "Linakaguliwa tena."},
    "approved_amount": {"en": "The approved amount is {amount}.", "sw": "Kiasi kilichoidhinishwa ni {amount}."},
    "reason": {"en": "Reason: {reason}", "sw": "Sababu: {reason}"},
    # Staff wrote to the customer (their own subject, if any, is the title).
    "message.title": {"en": "New message about your claim {number}", "sw": "Ujumbe mpya kuhusu dai lako {number}"},
    "settlement_offered.title": {
        "en": "A settlement offer for your claim {number}",
        "sw": "Ofa ya malipo ya dai lako {number}",
    },
    "settlement_offered.body": {
        "en": "We offer {amount}. Open the claim to accept or decline it.",
        "sw": "Tunakupa {amount}. Fungua dai ili uikubali au uikatae.",
    },
    "document_requested.title": {
        "en": "Please upload your {document} for claim {number}",
        "sw": "Tafadhali pakia {document} kwa ajili ya dai {number}",
    },
    "document_requested.body": {"en": "Open the claim to upload it.", "sw": "Fungua dai ili uipakie."},
    # The documents staff may ask for (the web app's claims.documents.kind.* words).
    "document.id": {"en": "Identity document", "sw": "Kitambulisho cha taifa au pasipoti"},
    "document.driving_licence": {"en": "Driving licence", "sw": "Leseni ya udereva"},
    "document.vehicle_registration": {
        "en": "Vehicle registration certificate (V5C / logbook)",
        "sw": "Kadi ya usajili wa gari (logbook)",
    },
    "document.police_report": {"en": "Police report", "sw": "Ripoti ya polisi (abstract)"},
    "document.repair_invoice": {"en": "Repair invoice", "sw": "Ankara ya matengenezo"},
    "document.estimate": {"en": "Estimate", "sw": "Makadirio ya matengenezo"},
    "document.medical_report": {"en": "Medical report", "sw": "Ripoti ya daktari"},
    "document.photo": {"en": "Photo", "sw": "Picha"},
    "document.other": {"en": "Other", "sw": "Hati nyingine"},
}


def _say(claim: Claim, key: str, **values) -> str:
    return i18n.say(TEXTS, key, i18n.language_of(claim.customer), **values)


def status_changed(claim: Claim, *, previous: str, reason: str = "") -> dict:
    """For the customer, when their claim moved from `previous` to its current status."""
    language = i18n.language_of(claim.customer)
    reopened = previous in (ClaimStatus.CLOSED, ClaimStatus.REJECTED) and claim.status == ClaimStatus.UNDER_REVIEW
    step = "reopened" if reopened else str(claim.status)
    if f"status.{step}" in TEXTS:
        title = _say(claim, f"status.{step}", number=claim.claim_number)
    else:  # a status a claim is never moved into (a draft): its English name
        title = f"Your claim {claim.claim_number} is now {claim.get_status_display().lower()}."
    body = [_say(claim, f"next.{step}") if f"next.{step}" in TEXTS else ""]
    if not reopened and claim.status == ClaimStatus.APPROVED and claim.approved_amount is not None:
        amount = i18n.money(claim.approved_amount, claim.currency, language)
        body.insert(0, _say(claim, "approved_amount", amount=amount))
    if not reopened and claim.status == ClaimStatus.REJECTED and reason.strip():
        body.insert(0, _say(claim, "reason", reason=reason.strip()))
    return {
        "title": title,
        "body": " ".join(part for part in body if part),
        "link": web_links.claim_page(claim.pk),
    }


def assigned(claim: Claim, *, role: str) -> dict:
    """For the agent or assessor a claim was assigned to."""
    return {
        "title": f"Claim {claim.claim_number} has been assigned to you as {role}.",
        "body": claim.description[:200],
        "link": web_links.claim_page(claim.pk),
    }


def message_sent(claim: Claim, *, subject: str, body: str) -> dict:
    """For the customer, when staff write to them about their claim (their words, as written)."""
    return {
        "title": subject or _say(claim, "message.title", number=claim.claim_number),
        "body": body[:500],
        "link": web_links.claim_page(claim.pk),
    }


def settlement_offered(claim: Claim, *, amount, currency: str) -> dict:
    """For the customer, when a settlement of their claim is approved: an offer to answer."""
    money = i18n.money(amount, currency, i18n.language_of(claim.customer))
    return {
        "title": _say(claim, "settlement_offered.title", number=claim.claim_number),
        "body": _say(claim, "settlement_offered.body", amount=money),
        "link": web_links.claim_page(claim.pk),
    }


def settlement_answered(claim: Claim, *, decision: str, reason: str, on_behalf: bool) -> dict:
    """For the claim's agent, when the customer accepted or declined the offer (or staff recorded it)."""
    who = "recorded for the customer" if on_behalf else "by the customer"
    body = "The settlement can now be paid." if decision == "accepted" else f"Reason: {reason.strip() or '-'}"
    return {
        "title": f"Settlement offer on {claim.claim_number} {decision} ({who})",
        "body": body,
        "link": web_links.claim_page(claim.pk),
    }


def document_requested(claim: Claim, *, kind: str, note: str) -> dict:
    """For the customer, when staff ask them for a document of `kind` (a DocumentKindAsked)."""
    key = f"document.{kind}" if f"document.{kind}" in TEXTS else f"document.{DocumentKindAsked.OTHER}"
    return {
        "title": _say(claim, "document_requested.title", document=_say(claim, key).lower(), number=claim.claim_number),
        "body": note[:500] or _say(claim, "document_requested.body"),
        "link": web_links.claim_page(claim.pk),
    }
