"""GDPR export and erasure, consent records, and the retention policy."""

import hashlib
import io
import json
import secrets
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from insurehub.analytics.models import UserActivity
from insurehub.audit.read_audit import record_read
from insurehub.audit.services import audit_record
from insurehub.core import idempotency, request_context
from insurehub.core.errors import ApplicationError
from insurehub.core.tasks import enqueue_on_commit, task_by_name
from insurehub.notifications.models import Notification
from insurehub.privacy import notices
from insurehub.privacy.models import ConsentPurpose, ConsentRecord, PrivacyRequest
from insurehub.privacy.permissions import privacy_request_audience
from insurehub.privacy.registry import contributors
from insurehub.realtime import events
from insurehub.users.models import User


def _holds(user: User) -> list[str]:
    reasons: list[str] = []
    if PrivacyRequest.objects.filter(
        subject=user, kind=PrivacyRequest.Kind.EXPORT, status=PrivacyRequest.Status.PROCESSING
    ).exists():
        reasons.append("an export of this person's data is still being built")
    for _label, module in contributors():
        if hasattr(module, "holds"):
            reasons.extend(module.holds(user))
    return reasons


# tasks.py imports this module, so its task is named here, not imported.
BUILD_EXPORT = "insurehub.privacy.tasks.build_export"


@transaction.atomic
def export_request(*, subject: User, requested_by: User) -> PrivacyRequest:
    request = PrivacyRequest.objects.create(
        subject=subject,
        kind=PrivacyRequest.Kind.EXPORT,
        requested_by=requested_by,
        status=PrivacyRequest.Status.PROCESSING,
    )
    audit_record(actor=requested_by, action="privacy.export_requested", target=request, changes={"subject": subject.pk})
    enqueue_on_commit(task_by_name(BUILD_EXPORT), str(request.pk))
    return request


def _consents_export(user: User) -> list[dict]:
    return [
        {"purpose": c.purpose, "granted": c.granted, "at": c.created_at.isoformat(), "source": c.source}
        for c in ConsentRecord.objects.filter(user=user).order_by("created_at")
    ]


def export_build(*, request_id) -> PrivacyRequest:
    """The job: one zip with data.json (every app's part) and the person's files. Idempotent."""
    request = PrivacyRequest.objects.select_related("subject").get(pk=request_id)
    if request.status == PrivacyRequest.Status.COMPLETED:
        return request
    subject = request.subject
    sections: dict = {"generated_at": timezone.now().isoformat(), "subject": str(subject.pk)}
    files: list[tuple[str, str]] = []
    for label, module in contributors():
        if hasattr(module, "export"):
            sections[label] = module.export(subject)
        if hasattr(module, "export_files"):
            files.extend(module.export_files(subject))
    sections["privacy"] = {"consents": _consents_export(subject)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(sections, cls=DjangoJSONEncoder, indent=2, sort_keys=True))
        for name, storage_key in files:
            with default_storage.open(storage_key, "rb") as handle:
                archive.writestr(f"files/{name}", handle.read())
    payload = buffer.getvalue()
    key = default_storage.save(f"privacy/exports/{secrets.token_hex(16)}.zip", ContentFile(payload))
    with transaction.atomic():
        request = PrivacyRequest.objects.select_for_update().get(pk=request_id)
        request.archive_key = key
        request.archive_sha256 = hashlib.sha256(payload).hexdigest()
        request.expires_at = timezone.now() + timedelta(hours=settings.PRIVACY_EXPORT_LINK_HOURS)
        request.status = PrivacyRequest.Status.COMPLETED
        request.completed_at = timezone.now()
        request.save()
        audit_record(
            actor=None,
            action="privacy.export_built",
            target=request,
            changes={"bytes": len(payload), "files": len(files), "sha256": request.archive_sha256},
        )
        _event(
            request,
            "privacy.export_completed",
            notice=events.Notice(
                recipient=subject,
                topic="documents",
                kind="privacy.export_completed",
                **notices.export_completed(subject),
            ),
        )
    return request


def _event(request: PrivacyRequest, event_type: str, *, notice: events.Notice | None = None) -> None:
    """The person's open pages learn of the request's new state (no polling), and `notice` tells them."""
    events.emit(
        event_type,
        {"id": str(request.pk), "kind": request.kind, "status": request.status},
        privacy_request_audience(request),
        notices=[notice] if notice else [],
    )


@transaction.atomic
def export_download(*, request: PrivacyRequest, user: User) -> bytes:
    if request.kind != PrivacyRequest.Kind.EXPORT or request.status != PrivacyRequest.Status.COMPLETED:
        raise ApplicationError("export_not_ready", "This export is not ready.", status=409)
    if not request.archive_key or request.expires_at is None or request.expires_at <= timezone.now():
        raise ApplicationError("export_expired", "This download link has expired; request a new export.", status=410)
    with default_storage.open(request.archive_key, "rb") as handle:
        data = handle.read()
    audit_record(actor=user, action="privacy.export_downloaded", target=request)
    record_read(user, request.subject_id, "privacy.export", request.pk, request.archive_key.rsplit("/", 1)[-1])
    return data


@transaction.atomic
def erasure_request(*, subject: User, requested_by: User, reason: str = "") -> PrivacyRequest:
    if PrivacyRequest.objects.filter(
        subject=subject,
        kind=PrivacyRequest.Kind.ERASURE,
        status__in=[PrivacyRequest.Status.REQUESTED, PrivacyRequest.Status.HELD, PrivacyRequest.Status.PROCESSING],
    ).exists():
        raise ApplicationError("erasure_pending", "An erasure request for this person is already open.", status=409)
    holds = _holds(subject)
    request = PrivacyRequest.objects.create(
        subject=subject,
        kind=PrivacyRequest.Kind.ERASURE,
        requested_by=requested_by,
        reason=reason,
        hold_reasons=holds,
        status=PrivacyRequest.Status.HELD if holds else PrivacyRequest.Status.REQUESTED,
    )
    audit_record(
        actor=requested_by,
        action="privacy.erasure_requested",
        target=request,
        changes={"subject": subject.pk, "holds": holds},
    )
    return request


@transaction.atomic
def erasure_decide(*, request: PrivacyRequest, approve: bool, decided_by: User, note: str = "") -> PrivacyRequest:
    """An admin approves (the erasure runs) or rejects. A held request is re-checked first."""
    request = PrivacyRequest.objects.select_for_update().get(pk=request.pk)
    if request.kind != PrivacyRequest.Kind.ERASURE or request.status not in (
        PrivacyRequest.Status.REQUESTED,
        PrivacyRequest.Status.HELD,
    ):
        raise ApplicationError("not_pending", f"This request is {request.status}; nothing to decide.", status=409)
    request.decided_by = decided_by
    if not approve:
        request.status = PrivacyRequest.Status.REJECTED
        request.error = note[:500]
        request.save()
        audit_record(actor=decided_by, action="privacy.erasure_rejected", target=request, changes={"note": note})
        _event(
            request,
            "privacy.erasure_rejected",
            notice=events.Notice(
                recipient=request.subject,
                topic="security",
                kind="privacy.erasure_rejected",
                **notices.erasure_rejected(request.subject, note=note),
            ),
        )
        return request
    holds = _holds(request.subject)
    if holds:
        request.status = PrivacyRequest.Status.HELD
        request.hold_reasons = holds
        request.save()
        audit_record(actor=decided_by, action="privacy.erasure_held", target=request, changes={"holds": holds})
        raise ApplicationError(
            "erasure_held", "Erasure must wait: " + "; ".join(holds), status=409, extra={"hold_reasons": holds}
        )
    summary = {}
    for label, module in contributors():
        if hasattr(module, "erase"):
            summary[label] = module.erase(request.subject)
    deleted, _ = ConsentRecord.objects.filter(user=request.subject).delete()
    summary["privacy"] = {"consents_deleted": deleted}
    request.status = PrivacyRequest.Status.COMPLETED
    request.result = summary
    request.completed_at = timezone.now()
    request.save()
    audit_record(actor=decided_by, action="privacy.erasure_completed", target=request, changes=summary)
    _event(request, "privacy.erasure_completed")
    return request


@transaction.atomic
def consent_set(*, user: User, purpose: str, granted: bool, source: str = "api") -> ConsentRecord:
    ctx = request_context.current()
    record = ConsentRecord.objects.create(
        user=user, purpose=purpose, granted=granted, source=source, ip=ctx.ip if ctx else None
    )
    audit_record(actor=user, action="privacy.consent_changed", target=user, changes={purpose: granted})
    return record


def consents_current(*, user: User) -> list[dict]:
    latest: dict[str, ConsentRecord] = {}
    for record in ConsentRecord.objects.filter(user=user).order_by("created_at"):
        latest[record.purpose] = record
    return [
        {
            "purpose": purpose,
            "granted": latest[purpose].granted if purpose in latest else False,
            "updated_at": latest[purpose].created_at if purpose in latest else None,
        }
        for purpose in ConsentPurpose.values
    ]


def retention_apply(*, now=None) -> dict:
    """The retention policy (periodic): expired export archives removed, old analytics, read
    notifications and Idempotency-Key answers deleted, and accounts inactive beyond the limit filed for
    erasure."""

    now = now or timezone.now()
    report = {"exports_removed": 0}
    for request in PrivacyRequest.objects.filter(kind="export", expires_at__lt=now).exclude(archive_key=""):
        default_storage.delete(request.archive_key)
        PrivacyRequest.objects.filter(pk=request.pk).update(archive_key="")
        report["exports_removed"] += 1
    report["activities_deleted"] = UserActivity.objects.filter(
        at__lt=now - timedelta(days=settings.RETENTION_ANALYTICS_DAYS)
    ).delete()[0]
    report["notifications_deleted"] = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=now - timedelta(days=settings.RETENTION_NOTIFICATIONS_DAYS)
    ).delete()[0]
    filed = 0
    cutoff = now - timedelta(days=settings.RETENTION_INACTIVE_ACCOUNT_DAYS)
    stale = User.objects.filter(role="customer", is_active=True, last_login__lt=cutoff).exclude(
        privacy_requests__kind="erasure"
    )
    system = User.objects.filter(role="admin", is_active=True).order_by("created_at").first()
    for user in stale.iterator():
        if system is None:
            break
        erasure_request(subject=user, requested_by=system, reason="retention policy: inactive account")
        filed += 1
    report["erasures_filed"] = filed
    report["idempotency_answers_deleted"] = idempotency.purge_expired(now=now)
    if any(report.values()):
        with transaction.atomic():
            audit_record(actor=None, action="privacy.retention_applied", object_type="privacy", changes=report)
    return report
