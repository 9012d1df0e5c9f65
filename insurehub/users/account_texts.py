"""The words of the account messages (users.account_messages) in the reader's language, English
or Kiswahili (core.i18n; the web app's words: "nenosiri", "barua pepe", "ingia"). Keys are
"<template>.subject" and "<template>.body"; an SMS has a body only."""

from insurehub.core import i18n

TEXTS: dict[str, dict[str, str]] = {
    "auth.registration_attempt.subject": {
        "en": "Someone tried to open an InsureHub account with your address",
        "sw": "Mtu alijaribu kufungua akaunti ya InsureHub kwa anwani yako",
    },
    "auth.registration_attempt.body": {
        "en": "Someone, perhaps you, tried to create an InsureHub account with {email}. This address "
        "already has an account, so nothing was created and nothing changed.\n\n"
        "If it was you and you have forgotten your password, open this link within {within} "
        "to choose a new one (it works once):\n{link}\n\nIf it was not you, ignore this message.",
        "sw": "Mtu, pengine wewe, alijaribu kufungua akaunti ya InsureHub kwa {email}. Anwani hii tayari "
        "ina akaunti, kwa hivyo hakuna kilichofunguliwa wala kubadilishwa.\n\n"
        "Ikiwa ni wewe na umesahau nenosiri lako, fungua kiungo hiki ndani ya {within} ili uchague "
        "jipya (kinafanya kazi mara moja tu):\n{link}\n\nIkiwa si wewe, puuza ujumbe huu.",
    },
    "auth.password_reset.subject": {
        "en": "Reset your InsureHub password",
        "sw": "Weka nenosiri jipya la InsureHub",
    },
    "auth.password_reset.body": {
        "en": "Someone, hopefully you, asked to reset the password of the InsureHub account {email}.\n\n"
        "Open this link within {within} to choose a new password (it works once):\n{link}\n\n"
        "If it was not you, ignore this message: your password stays as it is.",
        "sw": "Mtu, tunatumaini ni wewe, aliomba kuweka nenosiri jipya la akaunti ya InsureHub {email}.\n\n"
        "Fungua kiungo hiki ndani ya {within} ili uchague nenosiri jipya (kinafanya kazi mara moja tu):\n"
        "{link}\n\nIkiwa si wewe, puuza ujumbe huu: nenosiri lako litabaki lilivyo.",
    },
    "auth.password_reset_done.subject": {
        "en": "Your InsureHub password was changed",
        "sw": "Nenosiri lako la InsureHub limebadilishwa",
    },
    "auth.password_reset_done.body": {
        "en": "The password of your InsureHub account was just reset with a link sent to this address, "
        "and every device was signed out.\n\nIf it was not you, reset it again at once and tell us.",
        "sw": "Nenosiri la akaunti yako ya InsureHub limebadilishwa sasa hivi kwa kiungo kilichotumwa kwa "
        "anwani hii, na vifaa vyote vimetolewa kwenye akaunti.\n\nIkiwa si wewe, libadilishe tena mara "
        "moja na utujulishe.",
    },
    "auth.account_locked.subject": {
        "en": "Your InsureHub account was locked",
        "sw": "Akaunti yako ya InsureHub imefungwa kwa muda",
    },
    "auth.account_locked.body": {
        "en": "Someone tried many wrong passwords for your InsureHub account from many places, so signing "
        "in is paused for {paused}.\n\nTo sign in now, open this link within {within} (it works once):\n"
        "{link}\n\nYour password was not changed. If you use it elsewhere, change it there too.",
        "sw": "Mtu alijaribu manenosiri mengi yasiyo sahihi kwa akaunti yako ya InsureHub kutoka maeneo "
        "mengi, kwa hivyo kuingia kumesitishwa kwa {paused}.\n\nIli uingie sasa, fungua kiungo hiki ndani "
        "ya {within} (kinafanya kazi mara moja tu):\n{link}\n\nNenosiri lako halijabadilishwa. Ikiwa "
        "unalitumia mahali pengine, libadilishe huko pia.",
    },
    "auth.verify_email.subject": {
        "en": "Confirm your e-mail address for InsureHub",
        "sw": "Thibitisha anwani yako ya barua pepe ya InsureHub",
    },
    "auth.verify_email.body": {
        "en": "Please confirm that {email} is your address: open this link within {within}:\n{link}\n\n"
        "If you did not create an InsureHub account, ignore this message.",
        "sw": "Tafadhali thibitisha kwamba {email} ni anwani yako: fungua kiungo hiki ndani ya {within}:\n"
        "{link}\n\nIkiwa hukufungua akaunti ya InsureHub, puuza ujumbe huu.",
    },
    "auth.email_changed.subject": {
        "en": "Your InsureHub e-mail address was changed",
        "sw": "Anwani ya barua pepe ya akaunti yako ya InsureHub imebadilishwa",
    },
    "auth.email_changed.body": {
        "en": "The e-mail address of your InsureHub account is now {new_email}; this address "
        "({old_email}) no longer signs in.\n\nIf it was not you, reply to this message at once.",
        "sw": "Anwani ya barua pepe ya akaunti yako ya InsureHub sasa ni {new_email}; anwani hii "
        "({old_email}) haitumiki tena kuingia.\n\nIkiwa si wewe, jibu ujumbe huu mara moja.",
    },
    "auth.verify_phone.body": {
        "en": "Your InsureHub verification code is {code}. It expires in {minutes} minutes. Never share it.",
        "sw": "Msimbo wako wa uthibitisho wa InsureHub ni {code}. Utaisha baada ya dakika {minutes}. "
        "Usimpe mtu yeyote.",
    },
    "auth.email_change_address_in_use.subject": {
        "en": "Someone tried to use this address for InsureHub",
        "sw": "Mtu alijaribu kutumia anwani hii kwa InsureHub",
    },
    "auth.email_change_address_in_use.body": {
        "en": "Someone asked to move an InsureHub account to this address, but this address already "
        "has an account of its own, so nothing was changed.\n\nIf it was you, sign in with this "
        "address instead (or reset its password).",
        "sw": "Mtu aliomba kuhamishia akaunti ya InsureHub kwenye anwani hii, lakini anwani hii tayari ina "
        "akaunti yake, kwa hivyo hakuna kilichobadilishwa.\n\nIkiwa ni wewe, ingia kwa anwani hii badala "
        "yake (au weka nenosiri lake jipya).",
    },
    "auth.email_change.subject": {
        "en": "Confirm your new e-mail address for InsureHub",
        "sw": "Thibitisha anwani yako mpya ya barua pepe ya InsureHub",
    },
    "auth.email_change.body": {
        "en": "To make {new_email} the address of your InsureHub account, open this link within "
        "{within}:\n{link}\n\nUntil then your account keeps its current address. "
        "If you did not ask for this, ignore this message.",
        "sw": "Ili {new_email} iwe anwani ya akaunti yako ya InsureHub, fungua kiungo hiki ndani ya "
        "{within}:\n{link}\n\nHadi wakati huo akaunti yako itabaki na anwani yake ya sasa. Ikiwa "
        "hukuomba hili, puuza ujumbe huu.",
    },
    "auth.email_change_requested.subject": {
        "en": "A change of your InsureHub e-mail address was asked for",
        "sw": "Umeombwa kubadilisha anwani ya barua pepe ya InsureHub",
    },
    "auth.email_change_requested.body": {
        "en": "Someone signed in to your InsureHub account asked to change its e-mail address to "
        "{new_email}. It changes only when the link we sent to that address is opened.\n\n"
        "If it was not you, change your password now.",
        "sw": "Mtu aliyeingia kwenye akaunti yako ya InsureHub aliomba kubadilisha anwani yake ya barua "
        "pepe kuwa {new_email}. Itabadilika tu kiungo tulichotuma kwa anwani hiyo kitakapofunguliwa.\n\n"
        "Ikiwa si wewe, badilisha nenosiri lako sasa.",
    },
    # How long a link works: "30 minutes", "2 hours".
    "minutes": {"en": "{n} minutes", "sw": "dakika {n}"},
    "hours": {"en": "{n} hours", "sw": "saa {n}"},
}


def duration(minutes: int, language: str) -> str:
    if minutes < 120:
        return i18n.say(TEXTS, "minutes", language, n=minutes)
    return i18n.say(TEXTS, "hours", language, n=minutes // 60)


def subject(template: str, language: str) -> str:
    return i18n.say(TEXTS, f"{template}.subject", language)


def body(template: str, language: str, **values) -> str:
    return i18n.say(TEXTS, f"{template}.body", language, **values)
