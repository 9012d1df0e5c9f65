import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n";

const VARIANT: Record<string, "default" | "secondary" | "destructive" | "outline"> = {
  quote: "outline",
  pending_payment: "secondary",
  active: "default",
  lapsed: "destructive",
  cancelled: "outline",
  expired: "outline",
};

export type PolicyStatus = "quote" | "pending_payment" | "active" | "lapsed" | "cancelled" | "expired";

/** A policy's status in words (and what it means, when `explain`). */
export function PolicyStatusBadge({ status }: { status: PolicyStatus }) {
  const { t } = useT();
  return (
    <Badge variant={VARIANT[status] ?? "outline"} data-status={status}>
      {t(`policies.status.${status}`)}
    </Badge>
  );
}
