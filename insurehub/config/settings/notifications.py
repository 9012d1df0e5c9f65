"""Notifications: e-mail (SMTP or the log), SMS, links back to the web application."""

from .reader import env

# SMTP when EMAIL_HOST is set; otherwise emails are written to the log (console backend).
EMAIL_HOST = env.str("EMAIL_HOST", None)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "InsureHub <no-reply@insurehub.test>")
EMAIL_MESSAGE_ID_DOMAIN = env.str("EMAIL_MESSAGE_ID_DOMAIN", "insurehub.test")
# Where people reach the web application: links in e-mails, SMS and notifications start with it.
# In development it follows PORT (what `make run PORT=...` serves on); set it in production.
PUBLIC_BASE_URL = (env.str("PUBLIC_BASE_URL", None) or f"http://127.0.0.1:{env.str('PORT', None) or 8000}").rstrip("/")
# "console" (the embedded default) or "africastalking".
SMS_PROVIDER = env.str("SMS_PROVIDER", "console")
AFRICASTALKING_BASE_URL = env.str("AFRICASTALKING_BASE_URL", "https://api.africastalking.com")
AFRICASTALKING_USERNAME = env.str("AFRICASTALKING_USERNAME", "sandbox")
AFRICASTALKING_API_KEY = env.str("AFRICASTALKING_API_KEY", "")
AFRICASTALKING_SENDER_ID = env.str("AFRICASTALKING_SENDER_ID", "")
NOTIFICATION_MAX_ATTEMPTS = env.int("NOTIFICATION_MAX_ATTEMPTS", 5)
