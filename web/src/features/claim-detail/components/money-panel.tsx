import { useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, Plus } from "lucide-react";
import { Fragment, useState, type FormEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { formatDateTime, formatMoney, formatRelative } from "@/lib/format";
import { useIdempotentAction } from "@/lib/idempotency";

import {
  actOnSettlement,
  claimKeys,
  proposeSettlement,
  recordCustomerAnswer,
  reservesQuery,
  setReserve,
  settlementsQuery,
  type ClaimDetail,
  type CostType,
  type Reserve,
  type Settlement,
  type SettlementAction,
  type SettlementMethod,
} from "../api/claim";

import { fieldError } from "./field-error";
import { Empty, Field, ProblemAlert } from "./form-bits";
import { COST_TYPE_LABELS, COST_TYPES, humanize, METHOD_LABELS, OPEN_STATUSES } from "./labels";

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

function invalidateMoney(queryClient: ReturnType<typeof useQueryClient>, claimId: string) {
  for (const part of ["reserves", "settlements", "timeline"]) {
    void queryClient.invalidateQueries({ queryKey: claimKeys.part(claimId, part) });
  }
  void queryClient.invalidateQueries({ queryKey: claimKeys.detail(claimId) });
}

/** Reserves by cost type with their history, and the settlements with their maker-checker steps. */
export function MoneyPanel({ claim, canManage }: { claim: ClaimDetail; canManage: boolean }) {
  return (
    <div className="flex flex-col gap-8">
      <Reserves claim={claim} canManage={canManage} />
      <Settlements claim={claim} canManage={canManage} />
    </div>
  );
}

// --- reserves -------------------------------------------------------------------------------

function Reserves({ claim, canManage: mayManage }: { claim: ClaimDetail; canManage: boolean }) {
  const { data, error, isPending } = useQuery(reservesQuery(claim.id));
  // Reserves of a claim that is no longer open are closed (the API refuses changes).
  const canManage = mayManage && OPEN_STATUSES.has(claim.status);
  const [setting, setSetting] = useState<CostType | null>(null);
  const byType = new Map((data ?? []).map((reserve) => [reserve.cost_type, reserve]));
  const shown = COST_TYPES.filter((type) => byType.has(type));
  return (
    <section aria-labelledby="reserves-title" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="reserves-title" className="text-base font-semibold">
          Reserves
        </h2>
        {canManage && (
          <Button size="sm" variant="outline" onClick={() => setSetting(shown[0] ?? "own_damage")}>
            <Plus aria-hidden="true" />
            Set a reserve
          </Button>
        )}
      </div>
      {isPending ? (
        <Skeleton className="h-24" />
      ) : error ? (
        <p className="text-sm text-destructive">{isApiError(error) ? error.message : "Could not load the reserves."}</p>
      ) : shown.length === 0 ? (
        <Empty>No money is reserved on this claim yet.</Empty>
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table aria-label="Reserves by cost type">
            <TableHeader>
              <TableRow>
                <TableHead>Cost type</TableHead>
                <TableHead className="text-right">Reserved</TableHead>
                <TableHead className="text-right">Paid</TableHead>
                <TableHead className="text-right">Open</TableHead>
                {canManage && (
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((type) => {
                const reserve = byType.get(type)!;
                return (
                  <Fragment key={type}>
                    <TableRow className="border-b-0">
                      <TableCell className="font-medium">{COST_TYPE_LABELS[type]}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatMoney(reserve.amount, reserve.currency)}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatMoney(reserve.paid, reserve.currency)}</TableCell>
                      <TableCell className="text-right font-medium tabular-nums">
                        {formatMoney(reserve.open_amount, reserve.currency)}
                      </TableCell>
                      {canManage && (
                        <TableCell className="text-right">
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => setSetting(type)}
                            aria-label={`Change the ${COST_TYPE_LABELS[type]} reserve`}
                          >
                            Change
                          </Button>
                        </TableCell>
                      )}
                    </TableRow>
                    <TableRow className="hover:bg-transparent">
                      <TableCell colSpan={canManage ? 5 : 4} className="pt-0 whitespace-normal">
                        <ReserveHistory reserve={reserve} />
                      </TableCell>
                    </TableRow>
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {canManage && (
        <ReserveDialog claim={claim} costType={setting} reserves={byType} onClose={() => setSetting(null)} />
      )}
    </section>
  );
}

function ReserveHistory({ reserve }: { reserve: Reserve }) {
  const changes = [...reserve.history].reverse();
  const [latest, ...older] = changes;
  if (!latest) return <span className="text-xs text-muted-foreground">No changes</span>;
  const line = (change: (typeof changes)[number]) => (
    <>
      <span className="tabular-nums">
        {formatMoney(change.previous_amount, reserve.currency)} → {formatMoney(change.new_amount, reserve.currency)}
      </span>
      <span className="block text-xs text-muted-foreground">
        “{change.reason}” · {change.actor_name ?? "System"} ·{" "}
        <time dateTime={change.at} title={formatDateTime(change.at)}>
          {formatRelative(change.at)}
        </time>
      </span>
    </>
  );
  return (
    <div className="border-l-2 pl-3 text-sm">
      <span className="sr-only">Latest change: </span>
      {line(latest)}
      {older.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-primary">
            {older.length} earlier {older.length === 1 ? "change" : "changes"}
          </summary>
          <ol className="mt-1 flex flex-col gap-1.5">
            {older.map((change) => (
              <li key={change.id}>{line(change)}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function ReserveDialog({
  claim,
  costType,
  reserves,
  onClose,
}: {
  claim: ClaimDetail;
  costType: CostType | null;
  reserves: Map<CostType, Reserve>;
  onClose: () => void;
}) {
  return (
    <Dialog open={costType !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        {costType && <ReserveForm claim={claim} initial={costType} reserves={reserves} onDone={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function ReserveForm({
  claim,
  initial,
  reserves,
  onDone,
}: {
  claim: ClaimDetail;
  initial: CostType;
  reserves: Map<CostType, Reserve>;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [costType, setCostType] = useState<CostType>(initial);
  const [amount, setAmount] = useState(reserves.get(initial)?.amount ?? "");
  const [reason, setReason] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useIdempotentAction(
    (input: { cost_type: CostType; amount: string; reason: string }) => setReserve(claim.id, input),
    {
      onSuccess: () => {
        invalidateMoney(queryClient, claim.id);
        onDone();
      },
    },
  );
  const current = reserves.get(costType);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!MONEY.test(amount.trim())) problems.amount = "Enter an amount, e.g. 45000.00.";
    if (!reason.trim()) problems.reason = "Say why the reserve changes.";
    setLocal(problems);
    if (Object.keys(problems).length) return;
    void action.run({ cost_type: costType, amount: amount.trim(), reason: reason.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>Set a reserve</DialogTitle>
        <DialogDescription>
          The amount set aside for one cost type. Payments never exceed what is open; above your authority a supervisor
          sets it.
        </DialogDescription>
      </DialogHeader>
      <ProblemAlert error={action.error} fields={["cost_type", "amount", "reason"]} />
      <Field label="Cost type" error={fieldError(action.error, "cost_type")}>
        <NativeSelect
          value={costType}
          onChange={(event) => {
            const next = event.target.value as CostType;
            setCostType(next);
            setAmount(reserves.get(next)?.amount ?? "");
          }}
        >
          {COST_TYPES.map((type) => (
            <option key={type} value={type}>
              {COST_TYPE_LABELS[type]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field
        label={`Amount (${claim.currency})`}
        hint={current ? `Now ${formatMoney(current.amount, current.currency)}, of which ${formatMoney(current.paid, current.currency)} paid.` : "No reserve yet."}
        error={local.amount ?? fieldError(action.error, "amount")}
      >
        <Input inputMode="decimal" autoComplete="off" value={amount} onChange={(event) => setAmount(event.target.value)} />
      </Field>
      <Field label="Reason" error={local.reason ?? fieldError(action.error, "reason")}>
        <Textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} maxLength={500} />
      </Field>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={action.pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={action.pending}>
          {action.pending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          Set reserve
        </Button>
      </DialogFooter>
    </form>
  );
}

// --- settlements ----------------------------------------------------------------------------

const SETTLEMENT_TONES: Record<string, string> = {
  proposed: "border-amber-200 bg-amber-50 text-amber-900",
  approved: "border-blue-200 bg-blue-50 text-blue-900",
  paid: "border-emerald-200 bg-emerald-50 text-emerald-900",
  rejected: "border-border bg-muted text-muted-foreground",
};

function Settlements({ claim, canManage }: { claim: ClaimDetail; canManage: boolean }) {
  const { data, error, isPending } = useQuery(settlementsQuery(claim.id));
  const [proposing, setProposing] = useState(false);
  const [acting, setActing] = useState<{ settlement: Settlement; action: SettlementAction } | null>(null);
  const [recording, setRecording] = useState<Settlement | null>(null);
  const open = (data ?? []).some((settlement) => settlement.status === "proposed" || settlement.status === "approved");
  const mayPropose = canManage && !open && (claim.status === "approved" || claim.status === "settlement");
  return (
    <section aria-labelledby="settlements-title" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="settlements-title" className="text-base font-semibold">
          Settlement
        </h2>
        {mayPropose && (
          <Button size="sm" variant="outline" onClick={() => setProposing(true)}>
            <Plus aria-hidden="true" />
            Propose a settlement
          </Button>
        )}
      </div>
      {isPending ? (
        <Skeleton className="h-24" />
      ) : error ? (
        <p className="text-sm text-destructive">{isApiError(error) ? error.message : "Could not load the settlements."}</p>
      ) : data.length === 0 ? (
        <Empty>
          {claim.status === "approved"
            ? "Approved and waiting for a settlement to be proposed."
            : "Nothing proposed. A claim is settled once it is approved."}
        </Empty>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Settlements">
          {data.map((settlement) => (
            <li key={settlement.id} className="flex flex-col gap-2 rounded-md border p-3 sm:flex-row sm:items-center" data-testid="settlement">
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-base font-semibold tabular-nums">{formatMoney(settlement.amount, settlement.currency)}</span>
                  <Badge variant="outline" className={SETTLEMENT_TONES[settlement.status]}>
                    {humanize(settlement.status)}
                  </Badge>
                </div>
                <p className="text-sm">
                  To <span className="font-medium">{settlement.payee}</span> by {METHOD_LABELS[settlement.method]} ·{" "}
                  {COST_TYPE_LABELS[settlement.cost_type]}
                </p>
                <p className="text-xs text-muted-foreground">
                  Proposed by {settlement.proposed_by_name} {formatRelative(settlement.created_at)}
                  {settlement.approved_by_name && ` · approved by ${settlement.approved_by_name}`}
                  {settlement.note && ` · “${settlement.note}”`}
                </p>
                <CustomerAnswer settlement={settlement} />
              </div>
              {canManage && (settlement.status === "proposed" || settlement.status === "approved") && (
                <div className="flex flex-wrap gap-2">
                  {settlement.status === "proposed" && (
                    <Button size="sm" onClick={() => setActing({ settlement, action: "approve" })}>
                      Approve
                    </Button>
                  )}
                  {settlement.status === "approved" && !settlement.customer_decision && (
                    <Button size="sm" variant="outline" onClick={() => setRecording(settlement)}>
                      Record acceptance
                    </Button>
                  )}
                  {settlement.status === "approved" && settlement.customer_decision === "accepted" && (
                    <Button size="sm" onClick={() => setActing({ settlement, action: "pay" })}>
                      Pay
                    </Button>
                  )}
                  <Button
                    size="sm"
                    variant="outline"
                    className="text-destructive hover:text-destructive"
                    onClick={() => setActing({ settlement, action: "reject" })}
                  >
                    Reject
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <>
          <ProposeDialog claim={claim} open={proposing} onClose={() => setProposing(false)} />
          <SettlementActionDialog claim={claim} acting={acting} onClose={() => setActing(null)} />
          <RecordAcceptanceDialog claim={claim} settlement={recording} onClose={() => setRecording(null)} />
        </>
      )}
    </section>
  );
}

function ProposeDialog({ claim, open, onClose }: { claim: ClaimDetail; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()}>
      <DialogContent>{open && <ProposeForm claim={claim} onDone={onClose} />}</DialogContent>
    </Dialog>
  );
}

function ProposeForm({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState(claim.approved_amount ?? "");
  const [payee, setPayee] = useState("");
  const [method, setMethod] = useState<SettlementMethod>("bank_transfer");
  const [costType, setCostType] = useState<CostType>("own_damage");
  const [note, setNote] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  // One open settlement per claim (the API refuses a second), and one request per click; a retry of the
  // same proposal sends the same Idempotency-Key, so a lost answer never proposes twice.
  const action = useIdempotentAction(
    (input: { amount: string; payee: string; method: SettlementMethod; cost_type: CostType; note: string }, key) =>
      proposeSettlement(claim.id, input, key),
    {
      onSuccess: () => {
        invalidateMoney(queryClient, claim.id);
        onDone();
      },
    },
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!MONEY.test(amount.trim()) || Number(amount) === 0) problems.amount = "Enter the amount, e.g. 45000.00.";
    if (!payee.trim()) problems.payee = "Who is paid: the customer, a garage…";
    setLocal(problems);
    if (Object.keys(problems).length) return;
    void action.run({ amount: amount.trim(), payee: payee.trim(), method, cost_type: costType, note: note.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>Propose a settlement</DialogTitle>
        <DialogDescription>
          Someone other than you approves it before it is paid
          {claim.approved_amount ? `; at most the approved ${formatMoney(claim.approved_amount, claim.currency)}` : ""}.
        </DialogDescription>
      </DialogHeader>
      <ProblemAlert error={action.error} fields={["amount", "payee", "method", "cost_type", "note"]} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={`Amount (${claim.currency})`} error={local.amount ?? fieldError(action.error, "amount")}>
          <Input inputMode="decimal" autoComplete="off" value={amount} onChange={(event) => setAmount(event.target.value)} />
        </Field>
        <Field label="Method" error={fieldError(action.error, "method")}>
          <NativeSelect value={method} onChange={(event) => setMethod(event.target.value as SettlementMethod)}>
            {(Object.keys(METHOD_LABELS) as SettlementMethod[]).map((value) => (
              <option key={value} value={value}>
                {METHOD_LABELS[value]}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <Field label="Payee" error={local.payee ?? fieldError(action.error, "payee")}>
        <Input value={payee} onChange={(event) => setPayee(event.target.value)} maxLength={200} />
      </Field>
      <Field label="Cost type (paid from its reserve)" error={fieldError(action.error, "cost_type")}>
        <NativeSelect value={costType} onChange={(event) => setCostType(event.target.value as CostType)}>
          {COST_TYPES.map((type) => (
            <option key={type} value={type}>
              {COST_TYPE_LABELS[type]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Note (optional)" error={fieldError(action.error, "note")}>
        <Textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={500} />
      </Field>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={action.pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={action.pending}>
          {action.pending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          Propose
        </Button>
      </DialogFooter>
    </form>
  );
}

const ACTION_TEXT: Record<SettlementAction, { title: string; button: string }> = {
  approve: { title: "Approve the settlement", button: "Approve" },
  reject: { title: "Reject the settlement", button: "Reject" },
  pay: { title: "Pay the settlement", button: "Pay now" },
};

function SettlementActionDialog({
  claim,
  acting,
  onClose,
}: {
  claim: ClaimDetail;
  acting: { settlement: Settlement; action: SettlementAction } | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={acting !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        {acting && (
          <SettlementActionForm
            key={`${acting.settlement.id}-${acting.action}`}
            claim={claim}
            settlement={acting.settlement}
            action={acting.action}
            onDone={onClose}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

/**
 * Approve, reject or pay: one Idempotency-Key for this dialog's action, reused if the request is
 * retried after a failure, and one request however often the button is clicked.
 */
function SettlementActionForm({
  claim,
  settlement,
  action,
  onDone,
}: {
  claim: ClaimDetail;
  settlement: Settlement;
  action: SettlementAction;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const send = useIdempotentAction(
    (input: { action: SettlementAction; reason: string }, key: string) =>
      actOnSettlement(claim.id, settlement.id, input, key),
    {
      onSuccess: () => {
        invalidateMoney(queryClient, claim.id);
        onDone();
      },
    },
  );
  const text = ACTION_TEXT[action];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (action === "reject" && !reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void send.run({ action, reason: reason.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>{text.title}</DialogTitle>
        <DialogDescription>
          {formatMoney(settlement.amount, settlement.currency)} to {settlement.payee} by {METHOD_LABELS[settlement.method]}
          , from the {COST_TYPE_LABELS[settlement.cost_type].toLowerCase()} reserve.
          {action === "pay" && " The payment is recorded, the reserve drawn down and the claim settled."}
          {action === "approve" && " Within your authority; above it, a supervisor approves."}
        </DialogDescription>
      </DialogHeader>
      <ProblemAlert error={send.error} fields={["reason"]} />
      {action === "reject" && (
        <Field label="Reason (required)" error={(missing ? "Say why it is turned down." : undefined) ?? fieldError(send.error, "reason")}>
          <Textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} maxLength={500} autoFocus />
        </Field>
      )}
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={send.pending}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant={action === "reject" ? "destructive" : "default"}
          disabled={send.pending}
          className={cn(send.pending && "cursor-progress")}
        >
          {send.pending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          {send.error ? `Try again: ${text.button.toLowerCase()}` : text.button}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Where the offer stands with the customer: an approved settlement is paid only once they accept it. */
function CustomerAnswer({ settlement }: { settlement: Settlement }) {
  if (settlement.status === "proposed") return null;
  if (!settlement.customer_decision) {
    if (settlement.status !== "approved") return null;
    return <p className="text-xs font-medium text-amber-800">Offered to the customer: waiting for their answer.</p>;
  }
  const when = settlement.customer_decided_at ? ` ${formatRelative(settlement.customer_decided_at)}` : "";
  const who = settlement.answered_on_behalf
    ? ` for the customer by ${settlement.customer_decided_by_name ?? "staff"}`
    : " by the customer";
  const why = settlement.customer_decision_reason || settlement.customer_decision_note;
  return (
    <p className="text-xs font-medium" data-testid="customer-answer">
      {humanize(settlement.customer_decision)}
      {who}
      {when}
      {why && <span className="font-normal text-muted-foreground"> · “{why}”</span>}
    </p>
  );
}

function RecordAcceptanceDialog({
  claim,
  settlement,
  onClose,
}: {
  claim: ClaimDetail;
  settlement: Settlement | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={settlement !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        {settlement && <RecordAcceptanceForm key={settlement.id} claim={claim} settlement={settlement} onDone={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

/**
 * The customer accepted the offer outside the app (by phone, at the branch): staff record it with a
 * note saying how, audited as given on the customer's behalf. One Idempotency-Key per dialog.
 */
function RecordAcceptanceForm({
  claim,
  settlement,
  onDone,
}: {
  claim: ClaimDetail;
  settlement: Settlement;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const send = useIdempotentAction(
    (input: { note: string }, key: string) =>
      recordCustomerAnswer(claim.id, settlement.id, { decision: "accept", note: input.note, reason: "" }, key),
    {
      onSuccess: () => {
        invalidateMoney(queryClient, claim.id);
        onDone();
      },
    },
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void send.run({ note: note.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>Record the customer&apos;s acceptance</DialogTitle>
        <DialogDescription>
          The customer accepts {formatMoney(settlement.amount, settlement.currency)} to {settlement.payee} by{" "}
          {METHOD_LABELS[settlement.method]}. It is recorded as given on their behalf, with your name; the settlement can
          then be paid.
        </DialogDescription>
      </DialogHeader>
      <ProblemAlert error={send.error} fields={["note"]} />
      <Field
        label="How the customer accepted (required)"
        hint="E.g. by phone on 12 March at 10:40, to you."
        error={(missing ? "Say how and when the customer accepted." : undefined) ?? fieldError(send.error, "note")}
      >
        <Textarea value={note} onChange={(event) => setNote(event.target.value)} rows={3} maxLength={500} autoFocus />
      </Field>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={send.pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={send.pending} className={cn(send.pending && "cursor-progress")}>
          {send.pending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          {send.error ? "Try again: record acceptance" : "Record acceptance"}
        </Button>
      </DialogFooter>
    </form>
  );
}
