import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";

import { Pager } from "@/components/pager";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatMoney } from "@/lib/format";

import { payoutsQuery, type Payout } from "../api/payouts";
import { isConfirmable, isReleasable, METHOD_LABELS, parseView, PAYOUT_VIEWS, payoutState, VIEW_LABELS, type Tone } from "../views";
import { ConfirmDialog } from "./confirm-dialog";
import { ProblemAlert } from "@/components/problem-alert";
import { ReleaseDialog } from "./release-dialog";

const TONE_VARIANT: Record<Tone, "outline" | "secondary" | "destructive" | "default"> = {
  waiting: "default",
  moving: "outline",
  done: "secondary",
  failed: "destructive",
};

const EMPTY: Record<string, string> = {
  all: "No payouts yet.",
  awaiting: "No payout is waiting for release.",
  pending: "No payout is on its way.",
  failed: "No payout has failed.",
  paid: "No payout has been paid yet.",
};

function PaysFor({ payout }: { payout: Payout }) {
  if (payout.claim) {
    return (
      <Link to={`/claims/${payout.claim.id}?tab=money`} className="text-primary underline-offset-4 hover:underline">
        {payout.claim.claim_number}
      </Link>
    );
  }
  if (payout.refund) return <span>Refund of a payment</span>;
  return <span className="text-muted-foreground">—</span>;
}

/** Outgoing payouts by view (awaiting release, pending, failed, paid), with Release on the held ones and
 * Confirm paid on cheques finance has written. */
export function PayoutsList() {
  const [params, setParams] = useSearchParams();
  const view = parseView(params.get("view"));
  const [page, setPage] = useState(1);
  const [releasing, setReleasing] = useState<Payout | null>(null);
  const [confirming, setConfirming] = useState<Payout | null>(null);
  const { data, isPending, isError, error, refetch } = useQuery(payoutsQuery(view, page));

  function choose(next: string) {
    setPage(1);
    setParams(next === "all" ? {} : { view: next }, { replace: true });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Payouts</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div role="group" aria-label="Show payouts" className="flex flex-wrap gap-2">
          {PAYOUT_VIEWS.map((item) => (
            <Button
              key={item}
              type="button"
              size="sm"
              variant={item === view ? "default" : "outline"}
              aria-pressed={item === view}
              onClick={() => choose(item)}
            >
              {VIEW_LABELS[item]}
            </Button>
          ))}
        </div>
        {isPending && (
          <div className="grid gap-2" aria-busy="true" aria-label="Loading payouts">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        )}
        {isError && (
          <div className="grid gap-2">
            <ProblemAlert error={error} fallback="The payouts could not be loaded." />
            <div>
              <Button type="button" variant="outline" size="sm" onClick={() => void refetch()}>
                Try again
              </Button>
            </div>
          </div>
        )}
        {data && data.results.length === 0 && (
          <p className="text-sm text-muted-foreground" data-testid="payouts-empty">
            {EMPTY[view]}
          </p>
        )}
        {data && data.results.length > 0 && (
          <>
            {/* Phones: one card per payout, every fact in view. */}
            <ul className="grid gap-2 md:hidden" aria-label="Payouts">
              {data.results.map((payout) => {
                const state = payoutState(payout);
                return (
                  <li key={payout.id} className="grid gap-1.5 rounded-lg border p-3 text-sm" data-testid="payout-card">
                    <div className="flex items-start justify-between gap-2">
                      <span className="font-semibold tabular-nums">{formatMoney(payout.amount, payout.currency)}</span>
                      <Badge variant={TONE_VARIANT[state.tone]}>{state.label}</Badge>
                    </div>
                    <p>
                      {payout.payee || "—"} · {METHOD_LABELS[payout.method] ?? payout.method}
                    </p>
                    {payout.failure_reason && <p className="text-xs text-muted-foreground">{payout.failure_reason}</p>}
                    <p className="text-muted-foreground">
                      <span className="font-mono text-xs">{payout.reference}</span> · {formatDateTime(payout.created_at)}
                    </p>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <PaysFor payout={payout} />
                      <PayoutActions payout={payout} onRelease={setReleasing} onConfirm={setConfirming} />
                    </div>
                  </li>
                );
              })}
            </ul>
            <div className="hidden md:block">
              <Table scrollLabel="Payouts">
                <TableHeader>
                  <TableRow>
                    <TableHead>Reference</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead>Provider</TableHead>
                    <TableHead className="text-right">Amount</TableHead>
                    <TableHead>Payee</TableHead>
                    <TableHead>Pays</TableHead>
                    <TableHead>Created</TableHead>
                    <TableHead>
                      <span className="sr-only">Actions</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.results.map((payout) => {
                    const state = payoutState(payout);
                    return (
                      <TableRow key={payout.id} data-testid="payout-row">
                        <TableCell className="font-mono text-xs">{payout.reference}</TableCell>
                        <TableCell>
                          <Badge variant={TONE_VARIANT[state.tone]}>{state.label}</Badge>
                          {payout.failure_reason && (
                            <p className="mt-1 max-w-48 text-xs text-muted-foreground">{payout.failure_reason}</p>
                          )}
                        </TableCell>
                        <TableCell>{METHOD_LABELS[payout.method] ?? payout.method}</TableCell>
                        <TableCell className="text-right tabular-nums whitespace-nowrap">
                          {formatMoney(payout.amount, payout.currency)}
                        </TableCell>
                        <TableCell>{payout.payee || "—"}</TableCell>
                        <TableCell>
                          <PaysFor payout={payout} />
                        </TableCell>
                        <TableCell className="whitespace-nowrap">{formatDateTime(payout.created_at)}</TableCell>
                        <TableCell>
                          <PayoutActions payout={payout} onRelease={setReleasing} onConfirm={setConfirming} />
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          </>
        )}
        <Pager data={data} page={page} onPage={setPage} />
      </CardContent>
      <ReleaseDialog payout={releasing} onClose={() => setReleasing(null)} />
      <ConfirmDialog payout={confirming} onClose={() => setConfirming(null)} />
    </Card>
  );
}

/** What can be done with a payout from the list: release one held above authority, or confirm a cheque paid. */
function PayoutActions({
  payout,
  onRelease,
  onConfirm,
}: {
  payout: Payout;
  onRelease: (payout: Payout) => void;
  onConfirm: (payout: Payout) => void;
}) {
  return (
    <>
      {isReleasable(payout) && (
        <Button type="button" size="sm" aria-label={`Release ${payout.reference}`} onClick={() => onRelease(payout)}>
          Release
        </Button>
      )}
      {isConfirmable(payout) && (
        <Button
          type="button"
          size="sm"
          variant="outline"
          aria-label={`Confirm ${payout.reference} paid`}
          onClick={() => onConfirm(payout)}
        >
          Confirm paid
        </Button>
      )}
    </>
  );
}
