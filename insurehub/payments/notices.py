"""What a customer is told of their payments and of what we pay them, in their language (TEXTS,
English and Kiswahili, core.i18n). Each function returns the `title`, `body` and `link` of a
notify() call. A provider's failure reason is its own words (English): only English notices quote it."""

from insurehub.core import i18n, web_links
from insurehub.payments.models import Method, Transaction

TEXTS: dict[str, dict[str, str]] = {
    "payment.succeeded.title": {
        "en": "We have received your payment of {amount}.",
        "sw": "Tumepokea malipo yako ya {amount}.",
    },
    "payment.succeeded.body": {"en": "Payment reference {reference}.", "sw": "Kumbukumbu ya malipo: {reference}."},
    "payment.succeeded.body_receipt": {
        "en": "Payment reference {reference}, {receipt_label} {receipt}.",
        "sw": "Kumbukumbu ya malipo: {reference}, {receipt_label} {receipt}.",
    },
    "payment.failed.title": {
        "en": "Your payment of {amount} did not go through.",
        "sw": "Malipo yako ya {amount} hayakufaulu.",
    },
    "payment.failed.body": {
        "en": "Payment reference {reference}. You can try again.",
        "sw": "Kumbukumbu ya malipo: {reference}. Unaweza kujaribu tena.",
    },
    "payout.succeeded.title": {
        "en": "We have paid you {amount} by {method}.",
        "sw": "Tumekulipa {amount} kwa {method}.",
    },
    "payout.succeeded.body": {"en": "Payment reference {reference}.", "sw": "Kumbukumbu ya malipo: {reference}."},
    "payout.succeeded.body_receipt": {
        "en": "Payment reference {reference}, receipt {receipt}.",
        "sw": "Kumbukumbu ya malipo: {reference}, risiti {receipt}.",
    },
    "payout.failed.title": {
        "en": "Our payment of {amount} to you did not go through.",
        "sw": "Malipo yetu ya {amount} kwako hayakufaulu.",
    },
    "payout.failed.body": {
        "en": "Payment reference {reference}. We will be in touch to pay you another way.",
        "sw": "Kumbukumbu ya malipo: {reference}. Tutawasiliana nawe ili tukulipe kwa njia nyingine.",
    },
    # The receipt a payment's provider gave, and the ways we pay.
    "receipt.mpesa": {"en": "M-Pesa receipt", "sw": "risiti ya M-Pesa"},
    "receipt.card": {"en": "card charge", "sw": "malipo ya kadi"},
    "receipt.bank_transfer": {"en": "bank reference", "sw": "kumbukumbu ya benki"},
    "method.mpesa": {"en": "M-Pesa", "sw": "M-Pesa"},
    "method.bank_transfer": {"en": "bank transfer", "sw": "uhamisho wa benki"},
    "method.cheque": {"en": "cheque", "sw": "hundi"},
    "method.card": {"en": "card", "sw": "kadi"},
}


def _with_reason(reason: str, text: str, language: str) -> str:
    return f"{reason.rstrip('.')}. {text}" if reason and language == i18n.ENGLISH else text


def payment_succeeded(txn: Transaction) -> dict:
    language = i18n.language_of(txn.customer)
    values = {"reference": txn.reference, "receipt": txn.receipt_number}
    if txn.receipt_number and f"receipt.{txn.method}" in TEXTS:
        label = i18n.say(TEXTS, f"receipt.{txn.method}", language)
        body = i18n.say(TEXTS, "payment.succeeded.body_receipt", language, receipt_label=label, **values)
    else:
        body = i18n.say(TEXTS, "payment.succeeded.body", language, reference=txn.reference)
    amount = i18n.money(txn.amount, txn.currency, language)
    return {
        "title": i18n.say(TEXTS, "payment.succeeded.title", language, amount=amount),
        "body": body,
        "link": web_links.policy_page(txn.policy_id) if txn.policy_id else "",
    }


def payment_failed(txn: Transaction) -> dict:
    language = i18n.language_of(txn.customer)
    amount = i18n.money(txn.amount, txn.currency, language)
    body = i18n.say(TEXTS, "payment.failed.body", language, reference=txn.reference)
    return {
        "title": i18n.say(TEXTS, "payment.failed.title", language, amount=amount),
        "body": _with_reason(txn.failure_reason, body, language),
        "link": web_links.policy_payment_page(txn.policy_id) if txn.policy_id else "",
    }


def payout_succeeded(payout: Transaction, *, receipt: str) -> dict:
    language = i18n.language_of(payout.customer)
    amount = i18n.money(payout.amount, payout.currency, language)
    method = i18n.say(TEXTS, f"method.{payout.method or Method.MPESA}", language)
    key = "payout.succeeded.body_receipt" if receipt else "payout.succeeded.body"
    return {
        "title": i18n.say(TEXTS, "payout.succeeded.title", language, amount=amount, method=method),
        "body": i18n.say(TEXTS, key, language, reference=payout.reference, receipt=payout.receipt_number),
        "link": web_links.policy_page(payout.policy_id) if payout.policy_id else "",
    }


def payout_failed(payout: Transaction) -> dict:
    language = i18n.language_of(payout.customer)
    amount = i18n.money(payout.amount, payout.currency, language)
    body = i18n.say(TEXTS, "payout.failed.body", language, reference=payout.reference)
    return {
        "title": i18n.say(TEXTS, "payout.failed.title", language, amount=amount),
        "body": _with_reason(payout.failure_reason, body, language),
        "link": web_links.policy_page(payout.policy_id) if payout.policy_id else "",
    }
