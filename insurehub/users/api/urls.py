from django.urls import path

from insurehub.users.api import account, session_cookie, views

auth_urlpatterns = [
    path("register/", views.RegisterApi.as_view(), name="auth-register"),
    path("login/", views.LoginApi.as_view(), name="auth-login"),
    path("refresh/", views.RefreshApi.as_view(), name="auth-refresh"),
    path("logout/", views.LogoutApi.as_view(), name="auth-logout"),
    # The web app's session: refresh token in an httpOnly cookie, CSRF-checked (session_cookie.py).
    path("session/", session_cookie.SessionLoginApi.as_view(), name="auth-session"),
    path("session/csrf/", session_cookie.SessionCsrfApi.as_view(), name="auth-session-csrf"),
    path("session/refresh/", session_cookie.SessionRefreshApi.as_view(), name="auth-session-refresh"),
    path("session/logout/", session_cookie.SessionLogoutApi.as_view(), name="auth-session-logout"),
    path("password/change/", views.PasswordChangeApi.as_view(), name="auth-password-change"),
    # Recovery and verification (account.py).
    path("password-reset/", account.PasswordResetApi.as_view(), name="auth-password-reset"),
    path("password-reset/confirm/", account.PasswordResetConfirmApi.as_view(), name="auth-password-reset-confirm"),
    path("verify-email/", account.EmailVerificationApi.as_view(), name="auth-verify-email"),
    path("verify-email/confirm/", account.EmailVerificationConfirmApi.as_view(), name="auth-verify-email-confirm"),
    path("verify-phone/", account.PhoneVerificationApi.as_view(), name="auth-verify-phone"),
    path("verify-phone/confirm/", account.PhoneVerificationConfirmApi.as_view(), name="auth-verify-phone-confirm"),
    path("email/change/", account.EmailChangeApi.as_view(), name="auth-email-change"),
    path("unlock/confirm/", account.AccountUnlockConfirmApi.as_view(), name="auth-unlock-confirm"),
    path("me/", views.MeApi.as_view(), name="auth-me"),
    path(
        "me/notification-preferences/",
        views.NotificationPreferencesApi.as_view(),
        name="auth-notification-preferences",
    ),
]

users_urlpatterns = [
    path("", views.UserListCreateApi.as_view(), name="user-list"),
    path("<uuid:user_id>/", views.UserDetailApi.as_view(), name="user-detail"),
]
