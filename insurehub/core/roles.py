"""Roles and departments: the vocabulary of DESIGN.md section 3."""

from django.db import models


class Role(models.TextChoices):
    CUSTOMER = "customer", "Customer"
    AGENT = "agent", "Agent"
    ASSESSOR = "assessor", "Assessor"
    SUPERVISOR = "supervisor", "Supervisor"
    ADMIN = "admin", "Admin"


STAFF_ROLES = frozenset({Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR, Role.ADMIN})


class Department(models.TextChoices):
    MOTOR = "motor", "Motor"
    HEALTH = "health", "Health"
    LIFE = "life", "Life"
    PROPERTY = "property", "Home and property"
    TRAVEL = "travel", "Travel"
    BUSINESS = "business", "Business"
    AGRICULTURE = "agriculture", "Agriculture"
    MARINE = "marine", "Marine"
    PERSONAL_ACCIDENT = "personal_accident", "Personal accident"
    LIABILITY = "liability", "Liability"
