import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, KeyRound, Plus, RotateCw, TriangleAlert } from "lucide-react";
import { useState } from "react";

import { Field } from "@/components/field";
import { Pager } from "@/components/pager";
import { ProblemAlert } from "@/components/problem-alert";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format/time";

import {
  createPartner,
  issueKey,
  partnerKeys,
  partnerKeysQuery,
  partnersQuery,
  revokeKey,
  type ApiKey,
  type ApiKeyCreated,
  type Partner,
  type PartnerKind,
} from "../api/partners";
import { keyState, PARTNER_KIND_LABELS, rotatedKeyName, sortKeys } from "../partners";

function StatusBadge({ active }: { active: boolean }) {
  return <Badge variant={active ? "secondary" : "outline"}>{active ? "Active" : "Inactive"}</Badge>;
}

function KeysButton({ partner, onOpen }: { partner: Partner; onOpen: (partner: Partner) => void }) {
  return (
    <Button type="button" variant="outline" size="sm" aria-label={`API keys of ${partner.name}`} onClick={() => onOpen(partner)}>
      <KeyRound aria-hidden="true" />
      Keys
    </Button>
  );
}

/** The intake partners (admins only, as the API allows), each with its API keys. */
export function PartnersPanel() {
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Partner | null>(null);
  const { data, isPending, error, refetch } = useQuery(partnersQuery(page));
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>Partners</CardTitle>
        <Button type="button" size="sm" onClick={() => setCreating(true)}>
          <Plus aria-hidden="true" />
          Add partner
        </Button>
      </CardHeader>
      <CardContent className="grid gap-2">
        {isPending ? (
          <div className="grid gap-2" aria-busy="true" aria-label="Loading partners">
            {Array.from({ length: 3 }, (_, index) => (
              <Skeleton key={index} className="h-10 w-full" />
            ))}
          </div>
        ) : null}
        {error ? (
          <div className="grid gap-2">
            <ProblemAlert error={error} fallback="The partners could not be loaded." />
            <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={() => void refetch()}>
              <RotateCw aria-hidden="true" />
              Try again
            </Button>
          </div>
        ) : null}
        {data && data.results.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
            No partners yet. Add a fleet owner or broker, then issue it an API key to send files of incidents.
          </p>
        ) : null}
        {data && data.results.length > 0 ? (
          <>
            <ul className="grid gap-2 md:hidden" aria-label="Partners">
              {data.results.map((partner) => (
                <li key={partner.id} className="grid gap-2 rounded-lg border p-3 text-sm">
                  <div className="flex items-start justify-between gap-2">
                    <span className="min-w-0 font-medium break-all">{partner.name}</span>
                    <StatusBadge active={partner.active} />
                  </div>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="text-muted-foreground">
                      {PARTNER_KIND_LABELS[partner.kind]} · {partner.department}
                    </span>
                    <KeysButton partner={partner} onOpen={setOpen} />
                  </div>
                </li>
              ))}
            </ul>
            <div className="hidden md:block">
              <Table scrollLabel="Partners">
                <TableHeader>
                  <TableRow>
                    <TableHead>Name</TableHead>
                    <TableHead>Kind</TableHead>
                    <TableHead>Department</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead>Added</TableHead>
                    <TableHead>
                      <span className="sr-only">API keys</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.results.map((partner) => (
                    <TableRow key={partner.id}>
                      <TableCell className="max-w-64 truncate font-medium" title={partner.name}>
                        {partner.name}
                      </TableCell>
                      <TableCell>{PARTNER_KIND_LABELS[partner.kind]}</TableCell>
                      <TableCell className="capitalize">{partner.department.replace("_", " ")}</TableCell>
                      <TableCell>
                        <StatusBadge active={partner.active} />
                      </TableCell>
                      <TableCell>{formatDateTime(partner.created_at)}</TableCell>
                      <TableCell className="text-right">
                        <KeysButton partner={partner} onOpen={setOpen} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </>
        ) : null}
        <Pager data={data} page={page} onPage={setPage} />
      </CardContent>
      {creating ? <CreatePartnerDialog onClose={() => setCreating(false)} onCreated={setOpen} /> : null}
      {open ? <KeysDialog partner={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

function CreatePartnerDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (partner: Partner) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<PartnerKind>("fleet_owner");
  const mutation = useMutation({
    mutationFn: createPartner,
    onSuccess: (partner) => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      onClose();
      onCreated(partner);
    },
  });
  const apiError = isApiError(mutation.error) ? mutation.error : null;
  return (
    <Dialog open onOpenChange={(next) => !next && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a partner</DialogTitle>
          <DialogDescription>A fleet owner or broker that sends files of incidents with its own API key.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate({ name: name.trim(), kind, department: "motor" });
          }}
        >
          <ProblemAlert error={mutation.error} fields={["name", "kind"]} fallback="The partner could not be added." />
          <Field label="Name" error={apiError?.fieldError("name")}>
            <Input value={name} maxLength={120} onChange={(event) => setName(event.target.value)} autoComplete="off" />
          </Field>
          <Field label="Kind" error={apiError?.fieldError("kind")}>
            <NativeSelect value={kind} onChange={(event) => setKind(event.target.value as PartnerKind)}>
              {Object.entries(PARTNER_KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <p className="text-xs text-muted-foreground">Motor department: its supervisors see the partner's imports.</p>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={mutation.isPending}>
              Add partner
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function KeyStateBadge({ apiKey }: { apiKey: ApiKey }) {
  const state = keyState(apiKey);
  if (state === "revoked") return <Badge variant="outline">Revoked</Badge>;
  return <Badge variant="secondary">{state === "unused" ? "Not used yet" : "In use"}</Badge>;
}

function KeysDialog({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const queryClient = useQueryClient();
  const keys = useQuery(partnerKeysQuery(partner.id));
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<ApiKeyCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: partnerKeys.keys(partner.id) });
  const issue = useMutation({
    mutationFn: (keyName: string) => issueKey(partner.id, keyName),
    onSuccess: (created) => {
      setName("");
      setSecret(created);
      refresh();
    },
  });
  const rotate = useMutation({
    mutationFn: async (old: ApiKey) => {
      const created = await issueKey(partner.id, rotatedKeyName(old.name));
      await revokeKey(partner.id, old.id);
      return created;
    },
    onSuccess: setSecret,
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (apiKey: ApiKey) => revokeKey(partner.id, apiKey.id),
    onSuccess: () => setRevoking(null),
    onSettled: refresh,
  });
  const issueError = isApiError(issue.error) ? issue.error : null;
  return (
    <>
      <Dialog open={!secret && !revoking} onOpenChange={(next) => !next && onClose()}>
        <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>API keys of {partner.name}</DialogTitle>
            <DialogDescription>
              The partner sends a key as <code>Authorization: Api-Key &lt;key&gt;</code> to the import endpoints. Only
              its prefix is kept here; rotating issues a new key and revokes the old one at once.
            </DialogDescription>
          </DialogHeader>
          <form
            className="grid gap-2"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              issue.mutate(name.trim());
            }}
          >
            <ProblemAlert error={issue.error} fields={["name"]} fallback="The key could not be issued." />
            <div className="flex flex-wrap items-end gap-2">
              <Field label="New key's name" hint="What it is for, e.g. the partner's system." error={issueError?.fieldError("name")} className="flex min-w-48 flex-1 flex-col gap-1.5">
                <Input value={name} maxLength={80} onChange={(event) => setName(event.target.value)} autoComplete="off" />
              </Field>
              <Button type="submit" disabled={issue.isPending}>
                <KeyRound aria-hidden="true" />
                Issue key
              </Button>
            </div>
          </form>
          <ProblemAlert error={rotate.error ?? revoke.error} fallback="That did not work." />
          {keys.isPending ? <Skeleton className="h-10 w-full" aria-label="Loading keys" /> : null}
          {keys.error ? <ProblemAlert error={keys.error} fallback="The keys could not be loaded." /> : null}
          {keys.data && keys.data.length === 0 ? (
            <p className="rounded-lg border border-dashed p-4 text-center text-sm text-muted-foreground">No keys yet.</p>
          ) : null}
          {keys.data && keys.data.length > 0 ? (
            <ul className="grid gap-2" aria-label="Keys">
              {sortKeys(keys.data).map((apiKey) => (
                <li key={apiKey.id} className="grid gap-2 rounded-lg border p-3 text-sm">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <span className="min-w-0 font-medium break-all">{apiKey.name}</span>
                    <KeyStateBadge apiKey={apiKey} />
                  </div>
                  <p className="text-muted-foreground">
                    <code>{apiKey.prefix}…</code> · issued {formatDateTime(apiKey.created_at)}
                    {apiKey.last_used_at ? ` · last used ${formatDateTime(apiKey.last_used_at)}` : ""}
                    {apiKey.revoked_at ? ` · revoked ${formatDateTime(apiKey.revoked_at)}` : ""}
                  </p>
                  {!apiKey.revoked_at ? (
                    <div className="flex flex-wrap gap-2">
                      <Button
                        type="button"
                        variant="outline"
                        size="sm"
                        disabled={rotate.isPending}
                        aria-label={`Rotate ${apiKey.name}`}
                        onClick={() => rotate.mutate(apiKey)}
                      >
                        <RotateCw aria-hidden="true" />
                        Rotate
                      </Button>
                      <Button
                        type="button"
                        variant="destructive"
                        size="sm"
                        aria-label={`Revoke ${apiKey.name}`}
                        onClick={() => setRevoking(apiKey)}
                      >
                        Revoke
                      </Button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </DialogContent>
      </Dialog>
      {secret ? <SecretDialog created={secret} onClose={() => setSecret(null)} /> : null}
      {revoking ? (
        <Dialog open onOpenChange={(next) => !next && setRevoking(null)}>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Revoke “{revoking.name}”?</DialogTitle>
              <DialogDescription>
                The key <code>{revoking.prefix}…</code> stops working at once, for good. The partner needs a new key to send
                files again.
              </DialogDescription>
            </DialogHeader>
            <ProblemAlert error={revoke.error} fallback="The key could not be revoked." />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setRevoking(null)}>
                Cancel
              </Button>
              <Button type="button" variant="destructive" disabled={revoke.isPending} onClick={() => revoke.mutate(revoking)}>
                Revoke key
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      ) : null}
    </>
  );
}

/** The new key, this once: the API keeps only its hash. */
function SecretDialog({ created, onClose }: { created: ApiKeyCreated; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard refused: the key is on screen to copy by hand
    }
  }
  return (
    <Dialog open onOpenChange={(next) => !next && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New API key: {created.name}</DialogTitle>
          <DialogDescription>Give it to the partner over a safe channel.</DialogDescription>
        </DialogHeader>
        <Alert>
          <TriangleAlert aria-hidden="true" />
          <AlertTitle>Copy it now: it will not be shown again</AlertTitle>
          <AlertDescription>Only its hash is kept. If it is lost, rotate the key.</AlertDescription>
        </Alert>
        <div className="grid gap-1.5">
          <Label htmlFor="new-api-key">API key</Label>
          <Input id="new-api-key" readOnly value={created.key} className="font-mono" onFocus={(event) => event.target.select()} />
        </div>
        <span className="sr-only" aria-live="polite">
          {copied ? "The key is copied." : ""}
        </span>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => void copy()}>
            {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied ? "Copied" : "Copy key"}
          </Button>
          <Button type="button" onClick={onClose}>
            Done
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
