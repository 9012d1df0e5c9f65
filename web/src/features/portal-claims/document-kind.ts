import type { MessageKey } from "@/lib/i18n";

import type { DocumentKind } from "./api/claims";

/** The customer's name for each kind of document (`other` is not a plural form, hence its own key). */
export const DOCUMENT_KIND: Record<DocumentKind, MessageKey> = {
  policy_document: "claims.documents.kind.policy_document",
  id: "claims.documents.kind.id",
  driving_licence: "claims.documents.kind.driving_licence",
  vehicle_registration: "claims.documents.kind.vehicle_registration",
  police_report: "claims.documents.kind.police_report",
  repair_invoice: "claims.documents.kind.repair_invoice",
  estimate: "claims.documents.kind.estimate",
  medical_report: "claims.documents.kind.medical_report",
  photo: "claims.documents.kind.photo",
  other: "claims.documents.kind.otherDocument",
};

/** The kind's name, or null for a kind this version does not know. */
export function documentKindKey(kind: string): MessageKey | null {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_KIND, kind) ? DOCUMENT_KIND[kind as DocumentKind] : null;
}
