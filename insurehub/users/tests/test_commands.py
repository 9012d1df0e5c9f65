import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from insurehub.audit.selectors import audit_chain_verify
from insurehub.core.roles import Role
from insurehub.users.demo import DEMO_PASSWORD, DEMO_USERS
from insurehub.users.models import User

pytestmark = pytest.mark.django_db


def test_create_user_command(capsys):
    call_command(
        "create_user",
        "--email=Ops@Example.test",
        "--password=plum-orbit-cascade-917",
        "--role=assessor",
        "--department=motor",
        "--certification-level=4",
        "--name=Olu",
    )
    user = User.objects.get(email="ops@example.test")
    assert (user.role, user.department, user.certification_level, user.name) == (Role.ASSESSOR, "motor", 4, "Olu")
    assert "Created assessor" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["--email=a@example.test", "--password=short", "--role=customer"],
        ["--email=a@example.test", "--password=plum-orbit-cascade-917", "--role=agent"],  # no department
    ],
)
def test_create_user_command_refuses_bad_input(args):
    with pytest.raises(CommandError):
        call_command("create_user", *args)
    assert not User.objects.exists()


def test_seed_demo_is_idempotent_and_logins_work(api_client):
    call_command("seed_demo")
    call_command("seed_demo")
    assert User.objects.filter(email__endswith="@insurehub.test").count() == len(DEMO_USERS)
    assessor = User.objects.get(email="assessor@insurehub.test")
    assert (assessor.role, assessor.department, assessor.certification_level) == (Role.ASSESSOR, "motor", 3)
    for spec in DEMO_USERS:
        response = api_client.post("/api/auth/login/", {"email": spec["email"], "password": DEMO_PASSWORD})
        assert response.status_code == 200, (spec["email"], response.content)
        assert response.json()["user"]["role"] == spec["role"]
    assert audit_chain_verify()[1] is None
