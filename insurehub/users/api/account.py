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
    )
    def post(self, request):
        """Ask for a password-reset link.

        Sends a link to the web application's `/reset-password?token=...` page if an active account uses
        the address; a new link replaces the earlier ones. The answer is the same 202, with the same
        body and no sooner than a fixed minimum time, whether or not an account exists, so it cannot be
        used to find out who has an account.

        Access: anyone, without signing in.

        Errors: 400 `validation_error` (a malformed address); 429 `too_many_requests` (with
        `retry_after` seconds; limited per address and per IP, for any address), `throttled`.
        """
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
    )
    def post(self, request):
        """Choose a new password with a reset link's token.

        Sets the new password and signs the account out everywhere (every refresh token is blacklisted
        and earlier access tokens are refused); the token then no longer works. Answers how many
        sessions were revoked.

        Access: anyone holding a reset link's token, without signing in.

        Errors: 400 `invalid_token` (unknown, forged, expired or already used: the same in every case);
        400 `validation_error` (a password the rules refuse, with the reasons under `password`; the
        token stays usable); 429 `throttled`.
        """
        data = s.PasswordResetConfirmInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        revoked = services.password_reset_confirm(**data.validated_data)
        return Response({"detail": "Password changed; sign in with the new one.", "sessions_revoked": revoked})


class EmailVerificationApi(AuthThrottleMixin, APIView):
    @extend_schema(
        request=None,
        responses={202: s.DetailOutputSerializer},
        tags=["auth"],
    )
    def post(self, request):
        """Send me a link to verify my e-mail address.

        Sends the signed-in user a link to the web application's `/verify-email?token=...` page; earlier
        links stop working. Registration sends the first one.

        Access: any signed-in user, for their own address.

        Errors: 409 `email_already_verified`; 429 `too_many_requests` (a few per hour), `throttled`.
        """
        services.email_verification_send(user=request.user)
        return Response({"detail": "We sent a verification link to your address."}, status=status.HTTP_202_ACCEPTED)


class EmailVerificationConfirmApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=s.TokenInputSerializer,
        responses={200: s.EmailConfirmedOutputSerializer},
        tags=["auth"],
    )
    def post(self, request):
        """Confirm an e-mail address with a link's token.

        Confirms the address the link was sent to: marks the account's address verified or, for a link
        sent by a change of e-mail, makes the new address the account's (verified) and tells the old
        address. The token works once. Answers the account's `email` and `email_verified`.

        Access: anyone holding the link's token, without signing in: opening the link proves the
        address.

        Errors: 400 `invalid_token` (unknown, forged, expired or used, or a verification link for an
        address the account no longer has); 409 `email_taken` (another account took the new address
        meanwhile); 429 `throttled`.
        """
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
    )
    def post(self, request):
        """Text me a code to verify my phone number.

        Sends a 6-digit code by SMS to the signed-in user's phone number; it expires after a few minutes
        (`PHONE_CODE_MINUTES`) and earlier codes stop working.

        Access: any signed-in user, for their own number.

        Errors: 400 `phone_missing` (no number on the account); 409 `phone_already_verified`; 429
        `too_many_requests` (a few codes per hour, per account and per number), `throttled`.
        """
        services.phone_verification_send(user=request.user)
        return Response({"detail": "We texted a code to your phone."}, status=status.HTTP_202_ACCEPTED)


class PhoneVerificationConfirmApi(AuthThrottleMixin, APIView):
    @extend_schema(
        request=s.PhoneCodeInputSerializer,
        responses={200: s.DetailOutputSerializer},
        tags=["auth"],
    )
    def post(self, request):
        """Verify my phone number with the texted code.

        Marks the signed-in user's number verified.

        Access: any signed-in user, for their own number.

        Errors: 400 `validation_error`; 400 `invalid_code` (a wrong code, with `attempts_left`; after a
        few wrong codes even the right one no longer works and a new one must be asked for; also an
        expired or used code, or one sent to a number the account no longer has); 429 `throttled`.
        """
        data = s.PhoneCodeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.phone_verification_confirm(user=request.user, code=data.validated_data["code"])
        return Response({"detail": "Your phone number is verified."})


class EmailChangeApi(AuthThrottleMixin, APIView):
    @extend_schema(
        request=s.EmailChangeInputSerializer,
        responses={202: s.DetailOutputSerializer},
        tags=["auth"],
    )
    def post(self, request):
        """Change my e-mail address.

        Sends a link to the new address; the account's address changes only when that link is confirmed
        (`POST /api/auth/verify-email/confirm/`). The current address is told of the request. The answer
        is the same whether or not another account uses the new address (that address is told instead,
        and nothing changes).

        Access: any signed-in user, with their password.

        Errors: 400 `validation_error`, `wrong_password` (it counts towards the sign-in lockout),
        `same_email`; 429 `too_many_requests`, `throttled`.
        """
        data = s.EmailChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.email_change_request(user=request.user, **data.validated_data)
        return Response({"detail": EMAIL_CHANGE_REQUESTED}, status=status.HTTP_202_ACCEPTED)


class AccountUnlockConfirmApi(AuthThrottleMixin, APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=s.TokenInputSerializer, responses={200: s.DetailOutputSerializer}, tags=["auth"])
    def post(self, request):
        """Unlock an account with the link e-mailed when it was locked.

        An account is locked as a whole only when wrong passwords for it come from many addresses (a
        distributed attack); its owner is then sent a link to the web application's
        `/unlock-account?token=...` page. Opening it ends every lock on the account, and counting starts
        afresh. The token works once and expires soon; the password does not change.

        Access: anyone holding the link's token, without signing in: opening the link proves the
        address.

        Errors: 400 `invalid_token` (unknown, forged, expired or used: the same in every case); 429
        `throttled`.
        """
        data = s.TokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.account_unlock_confirm(token=data.validated_data["token"])
        return Response({"detail": "Your account is unlocked: sign in again."})
