"""Demo users of DESIGN.md section 9 (all with the password `insurehub-demo`)."""

from insurehub.core.roles import Department, Role
from insurehub.users.models import User

# Security review: published demo credential, seeded only by seed_demo.
DEMO_PASSWORD = "insurehub-demo"  # noqa: S105  # nosec B105

DEMO_USERS = [
    {"email": "admin@insurehub.test", "name": "Ada Admin", "role": Role.ADMIN},
    {
        "email": "supervisor@insurehub.test",
        "name": "Sam Supervisor",
        "role": Role.SUPERVISOR,
        "department": Department.MOTOR,
    },
    {"email": "agent@insurehub.test", "name": "Alex Agent", "role": Role.AGENT, "department": Department.MOTOR},
    {
        "email": "assessor@insurehub.test",
        "name": "Asha Assessor",
        "role": Role.ASSESSOR,
        "department": Department.MOTOR,
        "certification_level": 3,
    },
    {"email": "customer@insurehub.test", "name": "Carol Customer", "role": Role.CUSTOMER, "phone": "+254700000001"},
    {"email": "customer2@insurehub.test", "name": "Chris Customer", "role": Role.CUSTOMER, "phone": "+254700000002"},
]


def seed(context: dict) -> None:
    from insurehub.users.services import user_create

    users = {}
    for spec in DEMO_USERS:
        user = User.objects.filter(email=spec["email"]).first()
        if user is None:
            user = user_create(password=DEMO_PASSWORD, validate_password=False, **spec)
        users[spec["email"].split("@")[0]] = user
    context["users"] = users
