import { useQuery } from "@tanstack/react-query";

import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/i18n";

import { timelineQuery, type Claim } from "../api/claims";
import { documentKindKey } from "../document-kind";
import { customerHistory } from "../history";

/** What has happened on the claim that the customer should know, newest first. */
export function ClaimHistory({ claim }: { claim: Claim }) {
  const { t, tx, amount, dateTime } = useT();
  const timeline = useQuery(timelineQuery(claim.id));
  const lines = timeline.data ? customerHistory(timeline.data.items) : [];
  const kindName = (kind: string) => {
    const key = documentKindKey(kind);
    return key ? t(key) : kind;
  };
  return (
    <section aria-labelledby="claim-history" className="flex flex-col gap-3">
      <h2 id="claim-history" className="text-lg font-semibold">
        {t("claims.history.title")}
      </h2>
      {timeline.isPending && <Skeleton className="h-24 w-full" />}
      {timeline.isError && <p className="text-sm text-destructive">{t("common.error")}</p>}
      {timeline.data && lines.length === 0 && (
        <p className="text-sm text-muted-foreground">{t("claims.history.empty")}</p>
      )}
      {lines.length > 0 && (
        <ol className="flex flex-col gap-3 border-l-2 border-muted pl-4" data-testid="claim-history">
          {lines.map((line) => (
            <li key={line.key} className="flex flex-col gap-0.5 text-sm">
              <time dateTime={line.at} className="text-xs text-muted-foreground">
                {dateTime(line.at)}
              </time>
              <span>
                {t(line.message, {
                  ...line.vars,
                  ...(line.status ? { status: t(`claims.status.${line.status}`) } : {}),
                  ...(line.amount !== undefined ? { amount: amount(line.amount, claim.currency) } : {}),
                  ...(line.kind !== undefined ? { kind: kindName(line.kind) } : {}),
                })}
              </span>
              {line.note && (
                <span className="text-muted-foreground" data-content>
                  {line.note}
                </span>
              )}
              {line.reason && (
                <span className="text-muted-foreground">
                  {tx("claims.history.reason", { reason: <span data-content>{line.reason}</span> })}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
