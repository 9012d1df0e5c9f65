"""Issue #18 item 3 (fields): no personal value is readable in the database without the keys.

Rows are written with known personal values through the services and models, then read RAW (a
database cursor, no model, no decryption): no column of those rows holds any of the values. The
sealed phone is still found by its blind index (API search, admin search), a key rotation re-seals
under the new key and stays readable, and the data migrations seal rows written in plaintext
before, batch by batch, resumably."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection

from insurehub.alerts.models import Alert
from insurehub.audit.models import AuditEvent
from insurehub.audit.sealing import unseal_changes
from insurehub.audit.selectors import audit_chain_verify
from insurehub.audit.services import audit_seal
from insurehub.claims.models import Claim, ClaimCommunication, ClaimSettlement
from insurehub.claims.services import communication_add
from insurehub.claims.tests.factories import file_claim
from insurehub.claims.tests.test_access import Claims
from insurehub.core import encryption
from insurehub.core.encryption import generate_key
from insurehub.core.sealing import fields_named, seal_model
from insurehub.core.testing import client_for
from insurehub.documents.models import Document
from insurehub.documents.tests.factories import DocumentFactory
from insurehub.payments.models import Method, PayoutBatch, Transaction
from insurehub.payments.services import payout_create
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.vehicles.models import Vehicle, registration_index
from insurehub.vehicles.services import vehicle_create

pytestmark = pytest.mark.django_db

KEY_A = generate_key()
KEY_B = generate_key()

# The personal values written below: none may appear in any raw column.
PHONE_DIGITS = "712345678"  # 0712345678 and 254712345678 both contain it
NAME = "Wanjiku Kamau"
ID_NUMBER = "A12345678"
ADDRESS = "Plot 42, Ngong Road"
STORY = "a matatu hit my car near Yaya Centre"
PAYEE = "Njeri Wambui"
REGISTRATION = "KDX555Q"
SECRETS = (PHONE_DIGITS, "Wanjiku", "Kamau", ID_NUMBER, "Ngong", "matatu", "Yaya", "Njeri", "Wambui", REGISTRATION)


def raw_rows(model, pks) -> list[tuple]:
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    ids = [p.hex if connection.vendor == "sqlite" and hasattr(p, "hex") else p for p in pks]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM {table} WHERE {pk} IN ({', '.join(['%s'] * len(ids))})",  # noqa: S608 - test-only
            ids,
        )
        return cursor.fetchall()


def leaked(model, pks) -> list[str]:
    rows = raw_rows(model, pks)
    assert len(rows) == len(pks)
    return [secret for row in rows for value in row for secret in SECRETS if secret in str(value)]


def _vehicle(owner, *, registration="kdx 555-q", vin="WVWZZZ1JZXW555555"):
    return vehicle_create(
        owner=owner,
        created_by=owner,
        registration=registration,
        vin=vin,
        make="Toyota",
        model="Fielder",
        year=2016,
        estimated_value=Decimal("1200000"),
    )


def _payout_to_payee(customer, policy):
    return payout_create(
        amount=Decimal("1000.00"),
        currency="KES",
        method=Method.MPESA,
        customer=customer,
        policy=policy,
        created_by=None,
        reason="test",
        payee=PAYEE,
        phone=f"254{PHONE_DIGITS}",
    )


@pytest.fixture
def personal_rows(actors, settings):
    """One row of every sealed field, written through the services (models where no service writes)."""
    settings.FIELD_ENCRYPTION_KEYS = f"a:{KEY_A}"
    customer = actors["owner"]
    vehicle = _vehicle(customer)
    claim = file_claim(
        policy=PolicyFactory(customer=customer, vehicle=vehicle),
        incident_address=ADDRESS,
        description=f"{NAME} says {STORY}; call 0{PHONE_DIGITS}.",
    )
    note = communication_add(
        claim=claim,
        author=actors["agent"],
        channel=ClaimCommunication.Channel.PHONE,
        direction=ClaimCommunication.Direction.OUTBOUND,
        party=ClaimCommunication.Party.CUSTOMER,
        subject="Call back",
        body=f"Spoke to {NAME} on 0{PHONE_DIGITS} about {ADDRESS}.",
    )
    _, settlement = Claims(actors).with_settlement(approved=False)
    ClaimSettlement.objects.filter(pk=settlement.pk).update(payee=PAYEE)
    payout = _payout_to_payee(customer, claim.policy)
    payout.provider_payloads = [
        {"kind": "b2c_result", "body": {"ReceiverPartyPublicName": f"254{PHONE_DIGITS} - {NAME}"}},
        {"kind": "statement", "body": {"payer": NAME, "narrative": f"claim {ID_NUMBER}"}},
    ]
    payout.save(update_fields=["provider_payloads"])
    batch = PayoutBatch.objects.create(
        reference="PB-TEST-1",
        currency="KES",
        created_by=actors["admin"],
        line_count=1,
        total=Decimal("1000.00"),
        content=f"reference,payee_name,amount\n{payout.reference},{PAYEE},1000.00\n",
    )
    document = DocumentFactory(
        owner=customer,
        claim=claim,
        extracted_text=f"Name: {NAME}\nID: {ID_NUMBER}\nAddress: {ADDRESS}",
        processed_data={"fields": {"name": [{"value": NAME, "confidence": 0.9}], "id": [{"value": ID_NUMBER}]}},
        validation_findings=[{"code": "name_mismatch", "expected": "J Doe", "found": NAME}],
    )
    return {
        Claim: [claim.pk],
        ClaimCommunication: [note.pk],
        ClaimSettlement: [settlement.pk],
        Transaction: [payout.pk],
        PayoutBatch: [batch.pk],
        Document: [document.pk],
        Vehicle: [vehicle.pk],
    }


def test_no_personal_value_is_in_any_raw_column(personal_rows):
    for model, pks in personal_rows.items():
        assert leaked(model, pks) == [], model._meta.label
    # ...and every one reads back through the models.
    payout = Transaction.objects.get(pk=personal_rows[Transaction][0])
    assert (payout.phone, payout.payee) == (f"254{PHONE_DIGITS}", PAYEE)
    assert payout.provider_payloads[1]["body"]["payer"] == NAME
    claim = Claim.objects.get(pk=personal_rows[Claim][0])
    assert claim.incident_address == ADDRESS and STORY in claim.description
    assert ClaimSettlement.objects.get(pk=personal_rows[ClaimSettlement][0]).payee == PAYEE
    assert NAME in ClaimCommunication.objects.get(pk=personal_rows[ClaimCommunication][0]).body
    assert PAYEE in PayoutBatch.objects.get(pk=personal_rows[PayoutBatch][0]).content
    document = Document.objects.get(pk=personal_rows[Document][0])
    assert ID_NUMBER in document.extracted_text
    assert document.processed_data["fields"]["name"][0]["value"] == NAME
    assert document.validation_findings[0]["found"] == NAME
    vehicle = Vehicle.objects.get(pk=personal_rows[Vehicle][0])
    assert vehicle.registration == REGISTRATION and vehicle.registration_hash == registration_index("KDX-555 q")


def test_a_whole_registration_finds_claims_policies_and_vehicles_a_part_of_one_nothing(personal_rows, actors):
    claim = Claim.objects.get(pk=personal_rows[Claim][0])
    agent = client_for(actors["agent"])
    for term in (REGISTRATION, "kdx 555-q", " KDX-555Q "):
        assert [r["id"] for r in agent.get("/api/claims/", {"search": term}).json()["results"]] == [str(claim.pk)]
        policies = agent.get("/api/policies/", {"search": term}).json()["results"]
        assert [r["id"] for r in policies] == [str(claim.policy_id)]
        vehicles = agent.get("/api/vehicles/", {"search": term}).json()["results"]
        assert [r["id"] for r in vehicles] == [str(personal_rows[Vehicle][0])]
    for path in ("/api/claims/", "/api/policies/", "/api/vehicles/"):
        assert agent.get(path, {"search": "KDX5"}).json()["results"] == [], path  # no partial match
    # The claim number still matches in part, as before.
    assert agent.get("/api/claims/", {"search": claim.claim_number[-4:]}).json()["results"]


def test_the_admin_finds_claims_and_vehicles_by_a_whole_registration(personal_rows, actors):
    admin = actors["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = client_for(None)
    client.force_login(admin)
    claim = Claim.objects.get(pk=personal_rows[Claim][0])
    assert claim.claim_number in client.get("/admin/claims/claim/", {"q": "kdx 555q"}).content.decode()
    assert claim.claim_number not in client.get("/admin/claims/claim/", {"q": "KDX55"}).content.decode()
    assert "Fielder" in client.get("/admin/vehicles/vehicle/", {"q": REGISTRATION}).content.decode()


def test_the_phone_is_found_by_its_blind_index_in_the_api_and_the_admin(personal_rows, actors):
    payout = Transaction.objects.get(pk=personal_rows[Transaction][0])
    assert payout.phone_hash == encryption.blind_index(f"254{PHONE_DIGITS}", purpose="phone")
    for term in (f"0{PHONE_DIGITS}", f"+254 {PHONE_DIGITS}", f"254{PHONE_DIGITS}"):
        found = client_for(actors["agent"]).get("/api/payments/transactions/", {"search": term}).json()["results"]
        assert [row["id"] for row in found] == [str(payout.pk)], term
    part = client_for(actors["agent"]).get("/api/payments/transactions/", {"search": PHONE_DIGITS[:5]})
    assert part.json()["results"] == []  # a part of a sealed number matches nothing

    admin = actors["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = client_for(None)
    client.force_login(admin)
    page = client.get("/admin/payments/transaction/", {"q": f"0{PHONE_DIGITS}"})
    assert page.status_code == 200 and payout.reference in page.content.decode()
    assert payout.reference not in client.get("/admin/payments/transaction/", {"q": "0799999999"}).content.decode()


def test_the_users_admin_finds_a_whole_phone_or_national_id(actors, make_user):
    admin = actors["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    person = make_user(email="sealed-person@example.test", phone="+254 733 000 111", national_id="99887766")
    client = client_for(None)
    client.force_login(admin)
    for term in ("+254733000111", "99887766"):
        assert person.email in client.get("/admin/users/user/", {"q": term}).content.decode(), term
    assert person.email not in client.get("/admin/users/user/", {"q": "99887"}).content.decode()


def test_rotation_re_seals_the_new_fields_under_the_new_key(personal_rows, settings):
    settings.FIELD_ENCRYPTION_KEYS = f"b:{KEY_B},a:{KEY_A}"
    call_command("rotate_field_keys", "--batch-size=2")
    settings.FIELD_ENCRYPTION_KEYS = f"b:{KEY_B}"  # the old key retired: everything still reads
    for model in personal_rows:
        for field in fields_named(model, *(f.name for f in model._meta.concrete_fields)):
            column = connection.ops.quote_name(field.column)
            table = connection.ops.quote_name(model._meta.db_table)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - test-only
                values = [value for (value,) in cursor.fetchall() if value]
            assert all(v.startswith("enc1:b:") for v in values), f"{model._meta.label}.{field.name}"
    payout = Transaction.objects.get(pk=personal_rows[Transaction][0])
    assert payout.phone == f"254{PHONE_DIGITS}" and payout.provider_payloads[0]["kind"] == "b2c_result"
    assert Document.objects.get(pk=personal_rows[Document][0]).processed_data["fields"]["id"][0]["value"] == ID_NUMBER


def _write_plaintext(model, pk, **values):
    """As a row written before the column was encrypted: the plain text, straight into the column."""
    table = connection.ops.quote_name(model._meta.db_table)
    sets = ", ".join(f"{connection.ops.quote_name(model._meta.get_field(name).column)} = %s" for name in values)
    pk_value = pk.hex if connection.vendor == "sqlite" else pk
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {sets} WHERE {connection.ops.quote_name(model._meta.pk.column)} = %s",  # noqa: S608
            [*values.values(), pk_value],
        )


def test_sealing_plaintext_rows_is_batched_and_resumes_after_an_interruption(actors, settings):
    """The routine the data migrations run (core.sealing.seal_model): stopped after its first batch,
    the first batch stays sealed and committed, and a second run seals the rest, skipping it."""
    settings.FIELD_ENCRYPTION_KEYS = f"a:{KEY_A}"
    policy = PolicyFactory(customer=actors["owner"])
    payouts = [
        payout_create(
            amount=Decimal("10.00"),
            currency="KES",
            method=Method.MPESA,
            customer=actors["owner"],
            policy=policy,
            created_by=None,
            reason="test",
            phone="254700000001",
        )
        for _ in range(5)
    ]
    for n, payout in enumerate(payouts):
        _write_plaintext(
            Transaction, payout.pk, phone=f"25471234567{n}", payee=PAYEE, provider_payloads='[{"kind": "x"}]'
        )
        Transaction.objects.filter(pk=payout.pk).update(phone_hash="")
    fields = fields_named(Transaction, "phone", "payee", "provider_payloads")
    indexes = Transaction.BLIND_INDEXES

    class StoppedError(Exception):
        pass

    def stop(written):
        raise StoppedError

    with pytest.raises(StoppedError):
        seal_model(Transaction, fields, blind_indexes=indexes, batch_size=2, after_batch=stop)
    still_plain = [p for p in payouts if "Njeri" in str(raw_rows(Transaction, [p.pk]))]
    assert len(still_plain) == 3  # the first batch (2 rows) sealed and committed
    assert seal_model(Transaction, fields, blind_indexes=indexes, batch_size=2) == 3  # the rest only
    assert leaked(Transaction, [p.pk for p in payouts]) == []
    for n, payout in enumerate(payouts):
        payout.refresh_from_db()
        assert payout.phone == f"25471234567{n}" and payout.payee == PAYEE
        assert payout.phone_hash == encryption.blind_index(f"25471234567{n}", purpose="phone")
    assert seal_model(Transaction, fields, blind_indexes=indexes, batch_size=2) == 0  # nothing left


def _migrate(targets):
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


@pytest.fixture
def latest_schema_after():
    yield
    _migrate(None)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_schema_after")
def test_the_data_migration_seals_rows_written_before_it(actors, settings):
    settings.FIELD_ENCRYPTION_KEYS = f"a:{KEY_A}"
    old = _migrate([("payments", "0005_existing_payouts_stay_manual"), ("vehicles", "0002_identity_unique_per_owner")])
    old_transaction = old.get_model("payments", "Transaction")
    old_batch = old.get_model("payments", "PayoutBatch")
    row = old_transaction.objects.create(
        reference="TX-OLD-1",
        customer_id=actors["owner"].pk,
        method="mpesa",
        direction="out",
        amount=Decimal("5.00"),
        currency="KES",
        phone=f"254{PHONE_DIGITS}",
        payee=PAYEE,
        provider_payloads=[{"kind": "callback", "body": {"name": NAME}}],
    )
    batch = old_batch.objects.create(
        reference="PB-OLD-1",
        currency="KES",
        created_by_id=actors["admin"].pk,
        line_count=1,
        total=Decimal("5.00"),
        content=f"TX-OLD-1,{PAYEE},5.00",
    )
    old_vehicle = old.get_model("vehicles", "Vehicle").objects.create(
        owner_id=actors["owner"].pk,
        registration=REGISTRATION,
        vin="WVWZZZ1JZXW000777",
        make="Mazda",
        model="Demio",
        year=2014,
        estimated_value=Decimal("600000"),
    )
    assert leaked(Transaction, [row.pk]) != [] and leaked(Vehicle, [old_vehicle.pk]) != []  # plaintext before
    _migrate(None)
    assert leaked(Vehicle, [old_vehicle.pk]) == []
    vehicle = Vehicle.objects.get(pk=old_vehicle.pk)
    assert vehicle.registration == REGISTRATION and vehicle.registration_hash == registration_index(REGISTRATION)
    assert leaked(Transaction, [row.pk]) == [] and leaked(PayoutBatch, [batch.pk]) == []
    sealed = Transaction.objects.get(pk=row.pk)
    assert (sealed.phone, sealed.payee, sealed.provider_payloads[0]["body"]["name"]) == (
        f"254{PHONE_DIGITS}",
        PAYEE,
        NAME,
    )
    assert sealed.phone_hash == encryption.blind_index(f"254{PHONE_DIGITS}", purpose="phone")


def _scan_database(secrets) -> list[str]:
    """Every raw column of every table that holds one of `secrets`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - test-only
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    found += [f"{table}.{column}: {secret}" for secret in secrets if secret in str(value)]
    return found


def test_no_service_copies_a_sealed_value_into_the_audit_log_events_or_alerts(
    actors, settings, django_capture_on_commit_callbacks
):
    """What a service writes beside a sealed column (its audit entry's changes, the event in the
    outbox, the alert it raises) holds no sealed value in the clear either: the whole database is
    read raw after a vehicle shared by two customers, a claim filed and a payout made."""
    settings.FIELD_ENCRYPTION_KEYS = f"a:{KEY_A}"
    customer, other = actors["owner"], actors["other_customer"]
    with django_capture_on_commit_callbacks(execute=True):
        vehicle = _vehicle(customer)
        _vehicle(other, registration="KDX555Q", vin="WVWZZZ1JZXW555556")
        claim = file_claim(
            policy=PolicyFactory(customer=customer, vehicle=vehicle),
            incident_address=ADDRESS,
            description=f"{STORY}; call 0{PHONE_DIGITS}.",
        )
        _payout_to_payee(customer, claim.policy)
    assert _scan_database((PHONE_DIGITS, "Ngong", "matatu", "Njeri", "Wambui", REGISTRATION)) == []

    # The alert still tells staff which vehicle, and the audit API shows the recorded values.
    alert = Alert.objects.get(kind="vehicle_identity_shared")
    assert alert.title == (
        "Toyota Fielder 2016 (VIN WVWZZZ1JZXW555556): registration also registered by another customer"
    )
    entries = {
        entry["action"]: entry["changes"]
        for entry in client_for(actors["admin"]).get("/api/audit/", {"page_size": 100}).json()["results"]
    }
    assert entries["vehicle.created"] == {"registration": REGISTRATION}
    assert entries["payment.payout_created"]["payee"] == PAYEE
    assert entries["payment.payout_created"]["amount"] == "1000.00"  # what is not personal stays as it was


def test_an_audit_value_sealed_under_a_retired_key_reads_as_a_notice_and_the_chain_still_verifies(actors, settings):
    settings.FIELD_ENCRYPTION_KEYS = f"a:{KEY_A}"
    _vehicle(actors["owner"])
    audit_seal()
    settings.FIELD_ENCRYPTION_KEYS = f"b:{KEY_B}"
    entry = AuditEvent.objects.get(action="vehicle.created")
    assert unseal_changes(entry.changes) == {"registration": "[sealed under key 'a', which is not available]"}
    checked, broken = audit_chain_verify()
    assert checked >= 1 and broken is None
