"""DRF's rate throttles, identifying anonymous callers by core.client_address (DRF's own rule
believes any X-Forwarded-For unless NUM_PROXIES is set, and knows nothing of TRUSTED_PROXIES)."""

from rest_framework import throttling

from insurehub.core.client_address import client_ip


class _ClientAddressIdent:
    def get_ident(self, request):
        return client_ip(request) or ""


class AnonRateThrottle(_ClientAddressIdent, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(_ClientAddressIdent, throttling.UserRateThrottle):
    pass


class ScopedRateThrottle(_ClientAddressIdent, throttling.ScopedRateThrottle):
    pass
