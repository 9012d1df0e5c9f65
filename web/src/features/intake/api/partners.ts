import { queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";

export type Partner = components["schemas"]["PartnerOutput"];
export type PartnerInput = components["schemas"]["PartnerInputRequest"];
export type PartnerKind = components["schemas"]["PartnerKindEnum"];
export type ApiKey = components["schemas"]["ApiKeyOutput"];
export type ApiKeyCreated = components["schemas"]["ApiKeyCreatedOutput"];

export const partnerKeys = {
  all: ["intake", "partners"] as const,
  list: (page: number) => [...partnerKeys.all, "list", page] as const,
  keys: (partnerId: string) => [...partnerKeys.all, "keys", partnerId] as const,
};

export function partnersQuery(page: number) {
  return queryOptions({
    queryKey: partnerKeys.list(page),
    queryFn: ({ signal }) => unwrap(api.GET("/api/intake/partners/", { params: { query: { page } }, signal })),
  });
}

export function partnerKeysQuery(partnerId: string) {
  return queryOptions({
    queryKey: partnerKeys.keys(partnerId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/intake/partners/{partner_id}/keys/", { params: { path: { partner_id: partnerId } }, signal })),
  });
}

export function createPartner(body: PartnerInput): Promise<Partner> {
  return unwrap(api.POST("/api/intake/partners/", { body }));
}

export function issueKey(partnerId: string, name: string): Promise<ApiKeyCreated> {
  return unwrap(
    api.POST("/api/intake/partners/{partner_id}/keys/", { params: { path: { partner_id: partnerId } }, body: { name } }),
  );
}

export function revokeKey(partnerId: string, keyId: string): Promise<ApiKey> {
  return unwrap(
    api.POST("/api/intake/partners/{partner_id}/keys/{key_id}/revoke/", {
      params: { path: { partner_id: partnerId, key_id: keyId } },
    }),
  );
}
