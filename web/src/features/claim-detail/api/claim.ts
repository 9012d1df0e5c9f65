/**
 * Everything the claim page reads and writes, on the typed client. Query keys all start with
 * `["claims", "detail", id]`, so one invalidation of that prefix (an event about the claim)
 * refreshes every part of the page.
 */
import { queryOptions, type QueryClient } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";

type Schemas = components["schemas"];
export type ClaimDetail = Schemas["ClaimDetail"];
export type ClaimStatus = Schemas["ClaimStatusEnum"];
export type ClaimPriority = Schemas["ClaimPriorityEnum"];
export type CustomerContact = Schemas["CustomerContact"];
export type Policy = Schemas["PolicyOutput"];
export type Vehicle = Schemas["VehicleOutput"];
export type VehicleCheck = Schemas["VehicleCheckOutput"];
export type Enrichment = Schemas["ClaimEnrichmentOutput"];
export type Assignees = Schemas["Assignees"];
export type Assignee = Schemas["Assignee"];
export type TimelineItem = Schemas["TimelineItem"];
export type Communication = Schemas["Communication"];
export type CommunicationInput = Schemas["CommunicationCreateRequest"];
export type Reserve = Schemas["Reserve"];
export type CostType = Schemas["CostTypeEnum"];
export type Settlement = Schemas["Settlement"];
export type SettlementProposal = Schemas["SettlementProposeRequest"];
export type SettlementMethod = Schemas["SettlementMethodEnum"];
export type Alert = Schemas["Alert"];
export type DocumentRequest = Schemas["DocumentRequest"];
export type DocumentKindAsked = Schemas["DocumentKindAskedEnum"];

export const claimKeys = {
  /** Every query of one claim's page (a prefix). */
  all: (id: string) => ["claims", "detail", id] as const,
  /** The claim itself (not a prefix of its parts, so it can be refetched alone). */
  detail: (id: string) => ["claims", "detail", id, "claim"] as const,
  part: (id: string, ...part: string[]) => ["claims", "detail", id, ...part] as const,
};

/**
 * After a write: refetch everything on the claim's page but the customer's contact (each read of
 * it is audited, and no write here changes it).
 */
export function invalidateClaim(queryClient: QueryClient, id: string): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: claimKeys.all(id),
    predicate: (query) => query.queryKey[3] !== "customer",
  });
}

/** Lists under a claim are short: one page of the largest size is all of them in practice. */
const ALL = 200;

export function claimQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/claims/{claim_id}/", { params: { path: { claim_id: id } }, signal })),
    retry: (count, error) => !("isHidden" in error && error.isHidden) && count < 2,
  });
}

export function customerQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "customer"),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/claims/{claim_id}/customer/", { params: { path: { claim_id: id } }, signal })),
    staleTime: 5 * 60_000, // every read is audited: no refetch on focus
    refetchOnWindowFocus: false,
  });
}

export function policyQuery(claimId: string, policyId: string) {
  return queryOptions({
    queryKey: claimKeys.part(claimId, "policy", policyId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/policies/{policy_id}/", { params: { path: { policy_id: policyId } }, signal })),
  });
}

export function vehicleQuery(claimId: string, vehicleId: string) {
  return queryOptions({
    queryKey: claimKeys.part(claimId, "vehicle", vehicleId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/vehicles/{vehicle_id}/", { params: { path: { vehicle_id: vehicleId } }, signal })),
  });
}

export function vehicleChecksQuery(claimId: string, vehicleId: string) {
  return queryOptions({
    queryKey: claimKeys.part(claimId, "vehicle-checks", vehicleId),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET("/api/vehicles/{vehicle_id}/checks/", {
          params: { path: { vehicle_id: vehicleId }, query: { page_size: 50 } },
          signal,
        }),
      );
      return page.results;
    },
  });
}

/** A claim without an enrichment yet answers 404: that is "none yet", not an error. */
export function enrichmentQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "enrichment"),
    queryFn: async ({ signal }): Promise<Enrichment | null> => {
      try {
        return await unwrap(
          api.GET("/api/integrations/claims/{claim_id}/enrichment/", { params: { path: { claim_id: id } }, signal }),
        );
      } catch (error) {
        if (error instanceof Error && "isNotFound" in error && error.isNotFound) return null;
        throw error;
      }
    },
  });
}

export function assigneesQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "assignees"),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/claims/{claim_id}/assignees/", { params: { path: { claim_id: id } }, signal })),
  });
}

/** The timeline in time order; a very long one keeps its newest page (`more`: older ones left out). */
export function timelineQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "timeline"),
    queryFn: async ({ signal }) => {
      const get = (page: number) =>
        unwrap(
          api.GET("/api/claims/{claim_id}/timeline/", {
            params: { path: { claim_id: id }, query: { page, page_size: ALL } },
            signal,
          }),
        );
      const first = await get(1);
      if (first.count <= first.results.length) return { items: first.results, more: false };
      const last = await get(Math.ceil(first.count / ALL));
      return { items: last.results, more: true };
    },
  });
}

/** Oldest first as the API sends them; a very long history keeps its newest page. */
export function communicationsQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "communications"),
    queryFn: async ({ signal }) => {
      const get = (page: number) =>
        unwrap(
          api.GET("/api/claims/{claim_id}/communications/", {
            params: { path: { claim_id: id }, query: { page, page_size: ALL } },
            signal,
          }),
        );
      const first = await get(1);
      if (first.count <= first.results.length) return { items: first.results, more: false };
      const last = await get(Math.ceil(first.count / ALL));
      return { items: last.results, more: true };
    },
  });
}

export function reservesQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "reserves"),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/claims/{claim_id}/reserves/", { params: { path: { claim_id: id } }, signal })),
  });
}

export function settlementsQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "settlements"),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/claims/{claim_id}/settlement/", { params: { path: { claim_id: id } }, signal })),
  });
}

/** What staff asked the customer to upload, oldest first, with each request's state. */
export function documentRequestsQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "document-requests"),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET("/api/claims/{claim_id}/document-requests/", {
          params: { path: { claim_id: id }, query: { page_size: ALL } },
          signal,
        }),
      );
      return page.results;
    },
  });
}

export function alertsQuery(id: string) {
  return queryOptions({
    queryKey: claimKeys.part(id, "alerts"),
    queryFn: async ({ signal }) => {
      const [open, acknowledged] = await Promise.all(
        (["open", "acknowledged"] as const).map((status) =>
          unwrap(
            api.GET("/api/dashboard/alerts/", {
              params: { query: { claim: id, status, page_size: 50 } },
              signal,
            }),
          ),
        ),
      );
      return { open: open?.results ?? [], acknowledged: acknowledged?.results ?? [] };
    },
  });
}

// --- writes ---------------------------------------------------------------------------------

export interface TransitionInput {
  to: ClaimStatus;
  reason: string;
  approved_amount?: string;
}

export function transitionClaim(id: string, input: TransitionInput) {
  return unwrap(
    api.POST("/api/claims/{claim_id}/transition/", { params: { path: { claim_id: id } }, body: input }),
  );
}

export interface AssignInput {
  agent?: string | null;
  assessor?: string | null;
  auto_assessor: boolean;
  reason: string;
}

export function assignClaim(id: string, input: AssignInput) {
  return unwrap(api.POST("/api/claims/{claim_id}/assign/", { params: { path: { claim_id: id } }, body: input }));
}

export function addCommunication(id: string, input: CommunicationInput) {
  return unwrap(
    api.POST("/api/claims/{claim_id}/communications/", { params: { path: { claim_id: id } }, body: input }),
  );
}

export function setReserve(id: string, input: { cost_type: CostType; amount: string; reason: string }) {
  return unwrap(api.POST("/api/claims/{claim_id}/reserves/", { params: { path: { claim_id: id } }, body: input }));
}

/** Propose a settlement, with the action's Idempotency-Key (required: a retry answers the first result). */
export function proposeSettlement(id: string, input: SettlementProposal, idempotencyKey: string) {
  return unwrap(
    api.POST("/api/claims/{claim_id}/settlement/", {
      params: { path: { claim_id: id }, header: { "Idempotency-Key": idempotencyKey } },
      body: input,
    }),
  );
}

export type SettlementAction = "approve" | "reject" | "pay";

/** Approve, reject or pay, with the action's Idempotency-Key (a retry answers the first result). */
export function actOnSettlement(
  id: string,
  settlementId: string,
  input: { action: SettlementAction; reason: string },
  idempotencyKey: string,
) {
  return unwrap(
    api.POST("/api/claims/{claim_id}/settlement/{settlement_id}/", {
      params: { path: { claim_id: id, settlement_id: settlementId }, header: { "Idempotency-Key": idempotencyKey } },
      body: input,
    }),
  );
}

/**
 * Record the customer's answer to a settlement offer on their behalf (e.g. given by phone), with a
 * note saying how; the Idempotency-Key makes a retry answer the first result (acceptance lets money move).
 */
export function recordCustomerAnswer(
  id: string,
  settlementId: string,
  input: { decision: "accept" | "decline"; note: string; reason: string },
  idempotencyKey: string,
) {
  return unwrap(
    api.POST("/api/claims/{claim_id}/settlement/{settlement_id}/response/", {
      params: { path: { claim_id: id, settlement_id: settlementId }, header: { "Idempotency-Key": idempotencyKey } },
      body: input,
    }),
  );
}

export function askForDocument(id: string, input: { kind: DocumentKindAsked; note: string }) {
  return unwrap(
    api.POST("/api/claims/{claim_id}/document-requests/", { params: { path: { claim_id: id } }, body: input }),
  );
}

export function cancelDocumentRequest(id: string, requestId: string) {
  return unwrap(
    api.POST("/api/claims/{claim_id}/document-requests/{request_id}/cancel/", {
      params: { path: { claim_id: id, request_id: requestId } },
    }),
  );
}

export function acknowledgeAlert(alertId: string) {
  return unwrap(
    api.POST("/api/dashboard/alerts/{alert_id}/acknowledge/", { params: { path: { alert_id: alertId } } }),
  );
}
