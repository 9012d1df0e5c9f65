"""An account recovering and verifying itself: password reset by e-mail link, e-mail and
phone verification, change of e-mail. Parse, call one service, answer."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.users import services
from insurehub.users.api import serializers as s
from insurehub.users.api.views import AuthThrottleMixin

RESET_REQUESTED = (
    "If an account uses this address, we sent it a link to choose a new password. The link works once and expires soon."
)
EMAIL_CHANGE_REQUESTED = (
    "We sent a link to the new address. Your address changes when that link is opened; until then it stays as it is."
)


class PasswordResetApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=s.PasswordResetInputSerializer,
        responses={202: s.DetailOutputSerializer},
        tags=["auth"],
        summary="Ask for a password-reset link",
        description=(
            "Sends a link to the web application's `/reset-password?token=...` page if an active account uses the "
            "address. The answer is the same 202, with the same body and no sooner than a fixed minimum time, "
            "whether or not an account exists, so it cannot be used to find out who has an account. Limited per "
            "address and per IP (429 `too_many_requests` with `retry_after` seconds, for any address). A new link "
            "replaces the earlier ones. No authentication."
        ),
    )
    def post(self, request):
        data = s.PasswordResetInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.password_reset_request(email=data.validated_data["email"])
        return Response({"detail": RESET_REQUESTED}, status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=s.PasswordResetConfirmInputSerializer,
        responses={200: s.PasswordResetDoneOutputSerializer},
        tags=["auth"],
        summary="Choose a new password with a reset link's token",
        description=(
            "Sets the new password and signs the account out everywhere (every refresh token is blacklisted and "
            "earlier access tokens are refused); the token then no longer works. A token that is unknown, forged, "
            "expired or already used answers 400 `invalid_token`, the same in every case. A password that fails the "
            "password rules answers 400 `validation_error` with the reasons under `password`, and the token stays "
            "usable. No authentication."
        ),
    )
    def post(self, request):
        data = s.PasswordResetConfirmInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        revoked = services.password_reset_confirm(**data.validated_data)
        return Response({"detail": "Password changed; sign in with the new one.", "sessions_revoked": revoked})


class EmailVerificationApi(AuthThrottleMixin, APIView):
    @extend_schema(
        request=None,
        responses={202: s.DetailOutputSerializer},
        tags=["auth"],
        summary="Send me a link to verify my e-mail address",
        description=(
            "Sends the signed-in user a link to the web application's `/verify-email?token=...` page; earlier links "
            "stop working. Registration sends the first one. 409 `email_already_verified` when it is verified; "
            "429 `too_many_requests` beyond a few per hour."
        ),
    )
    def post(self, request):
        services.email_verification_send(user=request.user)
        return Response({"detail": "We sent a verification link to your address."}, status=status.HTTP_202_ACCEPTED)


class EmailVerificationConfirmApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=s.TokenInputSerializer,
        responses={200: s.EmailConfirmedOutputSerializer},
        tags=["auth"],
        summary="Confirm an e-mail address with a link's token",
        description=(
            "Confirms the address the link was sent to: marks the account's address verified or, for a link sent "
            "by a change of e-mail, makes the new address the account's (verified) and tells the old address. "
            "The token works once. 400 `invalid_token` for an unknown, forged, expired or used token, or a "
            "verification link for an address the account no longer has; 409 `email_taken` if another account "
            "took the new address meanwhile. No authentication: opening the link proves the address."
        ),
    )
    def post(self, request):
        data = s.TokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.email_verification_confirm(token=data.validated_data["token"])
        return Response(
            {"detail": "Your e-mail address is confirmed.", "email": user.email, "email_verified": user.email_verified}
        )


class PhoneVerificationApi(AuthThrottleMixin, APIView):
    @extend_schema(
        request=None,
        responses={202: s.DetailOutputSerializer},
        tags=["auth"],
        summary="Text me a code to verify my phone number",
        description=(
            "Sends a 6-digit code by SMS to the signed-in user's phone number; it expires after a few minutes and "
            "earlier codes stop working. 400 `phone_missing` without a number, 409 `phone_already_verified`, "
            "429 `too_many_requests` beyond a few codes per hour (per account and per number)."
        ),
    )
    def post(self, request):
        services.phone_verification_send(user=request.user)
        return Response({"detail": "We texted a code to your phone."}, status=status.HTTP_202_ACCEPTED)


class PhoneVerificationConfirmApi(AuthThrottleMixin, APIView):
    @extend_schema(
        request=s.PhoneCodeInputSerializer,
        responses={200: s.DetailOutputSerializer},
        tags=["auth"],
        summary="Verify my phone number with the texted code",
        description=(
            "Marks the signed-in user's number verified. A wrong code answers 400 `invalid_code` with "
            "`attempts_left`; after a few wrong codes the code no longer works, even the right one, and a new one "
            "must be asked for. An expired or used code, or one sent to a number the account no longer has, "
            "answers 400 `invalid_code` too."
        ),
    )
    def post(self, request):
        data = s.PhoneCodeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.phone_verification_confirm(user=request.user, code=data.validated_data["code"])
        return Response({"detail": "Your phone number is verified."})


class EmailChangeApi(AuthThrottleMixin, APIView):
    @extend_schema(
        request=s.EmailChangeInputSerializer,
        responses={202: s.DetailOutputSerializer},
        tags=["auth"],
        summary="Change my e-mail address",
        description=(
            "Sends a link to the new address; the account's address changes only when that link is confirmed "
            "(`POST /api/auth/verify-email/confirm/`). The current address is told of the request. The answer is "
            "the same whether or not another account uses the new address (that address is told instead, and "
            "nothing changes). 400 `wrong_password` when the password is wrong (it counts towards the sign-in "
            "lockout), 400 `same_email`, 429 `too_many_requests`."
        ),
    )
    def post(self, request):
        data = s.EmailChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.email_change_request(user=request.user, **data.validated_data)
        return Response({"detail": EMAIL_CHANGE_REQUESTED}, status=status.HTTP_202_ACCEPTED)
