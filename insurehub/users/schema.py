"""OpenAPI description of our JWT authentication (bearer token)."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme


class InsureHubJWTScheme(SimpleJWTScheme):
    target_class = "insurehub.users.authentication.JWTAuthentication"
    name = "jwtAuth"
