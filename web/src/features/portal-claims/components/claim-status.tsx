import { Badge } from "@/components/ui/badge";

import type { ClaimStatus } from "../api/claims";
import { statusTone } from "../status-words";

/** A claim's status in the customer's words (`label`), coloured by what it means for them. */
export function ClaimStatusBadge({ status, label }: { status: ClaimStatus; label: string }) {
  return (
    <Badge variant={statusTone(status)} data-status={status}>
      {label}
    </Badge>
  );
}
