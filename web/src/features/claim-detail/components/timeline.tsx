import { useQuery } from "@tanstack/react-query";
import {
  ArrowRightLeft,
  CheckCircle2,
  FileUp,
  HandCoins,
  MessageSquare,
  PiggyBank,
  UserRoundCog,
  type LucideIcon,
} from "lucide-react";

import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api";
import { formatDateTime, formatMoney, formatRelative } from "@/lib/format";

import { timelineQuery, type ClaimDetail, type ClaimStatus, type CostType, type TimelineItem } from "../api/claim";

import { Empty } from "./form-bits";
import {
  CHANNEL_LABELS,
  COST_TYPE_LABELS,
  DIRECTION_LABELS,
  humanize,
  PARTY_LABELS,
  STATUS_LABELS,
} from "./labels";

type Item = TimelineItem & { from?: string };

function statusLabel(value: string | undefined): string {
  return value ? (STATUS_LABELS[value as ClaimStatus] ?? humanize(value)) : "—";
}

function describe(item: Item, currency: string): { icon: LucideIcon; title: string; note?: string } {
  const note = item.detail || undefined;
  switch (item.type) {
    case "status_changed":
      return {
        icon: ArrowRightLeft,
        title: item.from
          ? `Moved from ${statusLabel(item.from)} to ${statusLabel(item.to)}`
          : `Filed as ${statusLabel(item.to).toLowerCase()}`,
        note,
      };
    case "assigned": {
      const role = item.role === "assessor" ? "assessor" : "agent";
      const who = item.user_name ?? null;
      return {
        icon: UserRoundCog,
        title: who
          ? `${who} assigned as ${role}${item.automatic ? " (automatically)" : ""}`
          : `The ${role} was unassigned`,
        note,
      };
    }
    case "communication": {
      const channel = CHANNEL_LABELS[item.channel as keyof typeof CHANNEL_LABELS] ?? humanize(item.channel ?? "");
      const party = PARTY_LABELS[item.party as keyof typeof PARTY_LABELS] ?? humanize(item.party ?? "");
      const direction = item.direction === "internal" ? "" : ` ${DIRECTION_LABELS[item.direction as "inbound"]?.toLowerCase() ?? ""}`;
      return {
        icon: MessageSquare,
        title: item.direction === "internal" ? `${channel}` : `${channel}${direction} · ${party}`,
        note,
      };
    }
    case "reserve_changed":
      return {
        icon: PiggyBank,
        title: `Reserve for ${COST_TYPE_LABELS[item.cost_type as CostType] ?? humanize(item.cost_type ?? "")}: ${formatMoney(item.from, currency)} → ${formatMoney(item.to, currency)}`,
        note,
      };
    case "document":
      return { icon: FileUp, title: `Document added: ${item.detail ?? ""}` };
    case "assessment_completed":
      return { icon: CheckCircle2, title: "Assessment completed", note };
    default:
      if (item.type.startsWith("settlement_")) {
        return {
          icon: HandCoins,
          title: `Settlement ${item.type.slice("settlement_".length)}: ${formatMoney(item.amount, currency)}`,
          note: note && `Payee: ${note}`,
        };
      }
      return { icon: ArrowRightLeft, title: humanize(item.type), note };
  }
}

/** Everything that happened to the claim, newest first. */
export function Timeline({ claim }: { claim: ClaimDetail }) {
  const { data, error, isPending } = useQuery(timelineQuery(claim.id));
  if (isPending) {
    return (
      <div role="status" aria-label="Loading the timeline" className="flex flex-col gap-3">
        {[0, 1, 2].map((n) => (
          <Skeleton key={n} className="h-12" />
        ))}
      </div>
    );
  }
  if (error) return <p className="text-sm text-destructive">{isApiError(error) ? error.message : "Could not load the timeline."}</p>;
  if (data.items.length === 0) return <Empty>Nothing has happened to this claim yet.</Empty>;
  const items = [...data.items].reverse() as Item[];
  return (
    <div className="flex flex-col gap-2">
      <ol aria-label="Timeline, newest first" className="relative flex flex-col">
        {items.map((item, index) => {
          const { icon: Icon, title, note } = describe(item, claim.currency);
          return (
            <li key={`${item.type}-${item.at}-${index}`} className="relative flex gap-3 pb-4 last:pb-0">
              {index < items.length - 1 && (
                <span aria-hidden="true" className="absolute top-7 bottom-0 left-3.5 w-px bg-border" />
              )}
              <span className="z-10 flex size-7 shrink-0 items-center justify-center rounded-full border bg-background">
                <Icon className="size-3.5 text-muted-foreground" aria-hidden="true" />
              </span>
              <div className="min-w-0 flex-1 pt-0.5">
                <p className="text-sm font-medium">{title}</p>
                {note && <p className="text-sm break-words text-muted-foreground">{note}</p>}
                <p className="text-xs text-muted-foreground">
                  {item.actor_name ?? "System"} ·{" "}
                  <time dateTime={item.at} title={formatDateTime(item.at)}>
                    {formatRelative(item.at)}
                  </time>
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      {data.more && <p className="text-xs text-muted-foreground">Older entries are in the PDF report.</p>}
    </div>
  );
}
