"""Every write to claims, one module per sub-domain: `fnol` (filing and editing a claim), `workflow`
(one service per move, on the state machine), `assignment`, `communications`, `document_requests`
(documents asked of the customer), `reserves`, `settlement`, `sla` (periodic alerts), `bulk`, `export`;
`claim_row` holds what they share (the claim's row lock and its events). Each write is one
transaction that locks the claim row, writes its history, records an audit entry and emits one event
(realtime/events.py) whose context holds the claim's facts before and after and the notices for the
people to tell: the dashboard rollups, the notifications, the filing
flags (flags.py) and the enrichment (integrations) are its subscribers.
`from insurehub.claims.services import X` names every public service."""

from insurehub.claims.services.assignment import claim_assign, least_loaded_assessor
from insurehub.claims.services.bulk import (
    BULK_MAX_CLAIMS,
    BULK_MAX_EVENT_CLAIMS,
    BulkMessage,
    ReserveRule,
    claims_bulk_assign,
    claims_bulk_message,
    claims_bulk_reserve,
    claims_bulk_transition,
)
from insurehub.claims.services.catastrophe import claim_set_catastrophe, claims_tag_for_event, open_events_read_once
from insurehub.claims.services.claim_row import audience, staff_audience
from insurehub.claims.services.communications import claim_customer_contact, communication_add
from insurehub.claims.services.document_requests import (
    document_request_cancel,
    document_request_create,
    document_request_fulfil,
)
from insurehub.claims.services.export import EXPORT_COLUMNS, claims_export
from insurehub.claims.services.fnol import (
    CATEGORY_DEPARTMENT,
    CUSTOMER_EDITABLE,
    STAFF_EDITABLE,
    claim_create,
    claim_record_assessment_completed,
    claim_update,
    derive_priority,
)
from insurehub.claims.services.reserves import COST_TYPES, reserve_set
from insurehub.claims.services.settlement import (
    settlement_approve,
    settlement_pay,
    settlement_propose,
    settlement_reject,
    settlement_respond,
)
from insurehub.claims.services.sla import claims_flag_periodic
from insurehub.claims.services.workflow import (
    BY_TARGET,
    claim_approve,
    claim_close,
    claim_reject,
    claim_review,
    claim_send_to_assessment,
    claim_start_settlement,
    claim_submit,
    claim_transition,
    claim_withdraw,
)

__all__ = [
    "BULK_MAX_CLAIMS",
    "BULK_MAX_EVENT_CLAIMS",
    "BY_TARGET",
    "CATEGORY_DEPARTMENT",
    "COST_TYPES",
    "CUSTOMER_EDITABLE",
    "EXPORT_COLUMNS",
    "STAFF_EDITABLE",
    "BulkMessage",
    "ReserveRule",
    "audience",
    "claim_approve",
    "claim_assign",
    "claim_close",
    "claim_create",
    "claim_customer_contact",
    "claim_record_assessment_completed",
    "claim_reject",
    "claim_review",
    "claim_send_to_assessment",
    "claim_set_catastrophe",
    "claim_start_settlement",
    "claim_submit",
    "claim_transition",
    "claim_update",
    "claim_withdraw",
    "claims_bulk_assign",
    "claims_bulk_message",
    "claims_bulk_reserve",
    "claims_bulk_transition",
    "claims_export",
    "claims_flag_periodic",
    "claims_tag_for_event",
    "communication_add",
    "derive_priority",
    "document_request_cancel",
    "document_request_create",
    "document_request_fulfil",
    "least_loaded_assessor",
    "open_events_read_once",
    "reserve_set",
    "settlement_approve",
    "settlement_pay",
    "settlement_propose",
    "settlement_reject",
    "settlement_respond",
    "staff_audience",
]
