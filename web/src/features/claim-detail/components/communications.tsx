import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowDownLeft, ArrowUpRight, LoaderCircle, Lock } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { formatDateTime, formatRelative } from "@/lib/format";

import {
  addCommunication,
  claimKeys,
  communicationsQuery,
  type ClaimDetail,
  type Communication,
  type CommunicationInput,
} from "../api/claim";

import { fieldError } from "./field-error";
import { Empty, Field, ProblemAlert } from "./form-bits";
import { CHANNEL_LABELS, DIRECTION_LABELS, PARTY_LABELS } from "./labels";

type Audience = "customer" | "other" | "internal";
type Channel = CommunicationInput["channel"];
type Party = CommunicationInput["party"];
type Direction = CommunicationInput["direction"];

const AUDIENCES: { value: Audience; label: string; hint: string }[] = [
  { value: "customer", label: "With the customer", hint: "The customer sees it; an outbound message notifies them." },
  { value: "other", label: "With another party", hint: "A garage, the police, a third party…: staff only." },
  { value: "internal", label: "Internal note", hint: "For staff only, never shown to the customer." },
];

const OTHER_PARTIES: Party[] = ["garage", "assessor", "third_party", "police", "insurer"];
const CHANNELS: Channel[] = ["email", "sms", "phone", "letter"];

/** The messages, calls and notes of the claim, and a form to record one. */
export function Communications({ claim }: { claim: ClaimDetail }) {
  const { data, error, isPending } = useQuery(communicationsQuery(claim.id));
  return (
    <div className="grid items-start gap-6 2xl:grid-cols-[minmax(0,1fr)_minmax(18rem,24rem)]">
      <section aria-labelledby="communications-list" className="order-2 flex min-w-0 flex-col gap-3 2xl:order-1">
        <h2 id="communications-list" className="text-sm font-semibold">
          History
        </h2>
        {isPending ? (
          <div role="status" aria-label="Loading the communications" className="flex flex-col gap-2">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : error ? (
          <p className="text-sm text-destructive">{isApiError(error) ? error.message : "Could not load them."}</p>
        ) : data.items.length === 0 ? (
          <Empty>No messages or notes yet.</Empty>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Communications, newest first">
            {[...data.items].reverse().map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </ul>
        )}
      </section>
      <AddCommunication claim={claim} />
    </div>
  );
}

function Entry({ entry }: { entry: Communication }) {
  const internal = entry.direction === "internal";
  const DirectionIcon = internal ? Lock : entry.direction === "inbound" ? ArrowDownLeft : ArrowUpRight;
  return (
    <li className={cn("flex flex-col gap-1 rounded-md border p-3", internal && "border-dashed bg-muted/40")}>
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <Badge variant="outline">{CHANNEL_LABELS[entry.channel]}</Badge>
        <span className="inline-flex items-center gap-1 text-muted-foreground">
          <DirectionIcon className="size-3.5" aria-hidden="true" />
          {DIRECTION_LABELS[entry.direction]}
          {!internal && <> · {PARTY_LABELS[entry.party]}</>}
        </span>
        <span className="ml-auto text-muted-foreground">
          {entry.author_name} ·{" "}
          <time dateTime={entry.at} title={formatDateTime(entry.at)}>
            {formatRelative(entry.at)}
          </time>
        </span>
      </div>
      {entry.subject && <p className="text-sm font-medium">{entry.subject}</p>}
      <p className="text-sm whitespace-pre-line">{entry.body}</p>
    </li>
  );
}

function AddCommunication({ claim }: { claim: ClaimDetail }) {
  const queryClient = useQueryClient();
  const [audience, setAudience] = useState<Audience>("customer");
  const [channel, setChannel] = useState<Channel>("email");
  const [direction, setDirection] = useState<Direction>("outbound");
  const [party, setParty] = useState<Party>("garage");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [missingBody, setMissingBody] = useState(false);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (input: CommunicationInput) => addCommunication(claim.id, input),
    onSuccess: () => {
      setSubject("");
      setBody("");
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: claimKeys.part(claim.id, "communications") });
      void queryClient.invalidateQueries({ queryKey: claimKeys.part(claim.id, "timeline") });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    setSaved(false);
    if (!body.trim()) {
      setMissingBody(true);
      return;
    }
    setMissingBody(false);
    const internal = audience === "internal";
    mutation.mutate({
      channel: internal ? "note" : channel,
      direction: internal ? "internal" : direction,
      party: audience === "customer" ? "customer" : internal ? "insurer" : party,
      subject: subject.trim(),
      body: body.trim(),
    });
  }

  return (
    <section aria-labelledby="communications-add" className="order-1 flex flex-col gap-3 rounded-lg border p-4 2xl:order-2">
      <h2 id="communications-add" className="text-sm font-semibold">
        Record a message or note
      </h2>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <ProblemAlert error={mutation.error} fields={["channel", "direction", "party", "subject", "body"]} />
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Kind</legend>
          {AUDIENCES.map((option) => (
            <label key={option.value} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="communication-audience"
                value={option.value}
                checked={audience === option.value}
                onChange={() => setAudience(option.value)}
                className="mt-1 accent-primary"
              />
              <span>
                {option.label}
                <span className="block text-xs text-muted-foreground">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {audience !== "internal" && (
          <div className="grid grid-cols-2 gap-3">
            <Field label="Channel" error={fieldError(mutation.error, "channel")}>
              <NativeSelect value={channel} onChange={(event) => setChannel(event.target.value as Channel)}>
                {CHANNELS.map((value) => (
                  <option key={value} value={value}>
                    {CHANNEL_LABELS[value]}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field label="Direction" error={fieldError(mutation.error, "direction")}>
              <NativeSelect value={direction} onChange={(event) => setDirection(event.target.value as Direction)}>
                <option value="outbound">Outbound</option>
                <option value="inbound">Inbound</option>
              </NativeSelect>
            </Field>
            {audience === "other" && (
              <Field label="Party" error={fieldError(mutation.error, "party")} className="col-span-2 flex flex-col gap-1.5">
                <NativeSelect value={party} onChange={(event) => setParty(event.target.value as Party)}>
                  {OTHER_PARTIES.map((value) => (
                    <option key={value} value={value}>
                      {PARTY_LABELS[value]}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
            )}
          </div>
        )}
        <Field label="Subject (optional)" error={fieldError(mutation.error, "subject")}>
          <Input value={subject} onChange={(event) => setSubject(event.target.value)} maxLength={200} />
        </Field>
        <Field
          label="Message"
          error={(missingBody ? "Write the message or note." : undefined) ?? fieldError(mutation.error, "body")}
        >
          <Textarea value={body} onChange={(event) => setBody(event.target.value)} rows={4} maxLength={10000} />
        </Field>
        <div className="flex items-center justify-end gap-3">
          {saved && (
            <p role="status" className="text-sm text-emerald-800">
              Recorded.
            </p>
          )}
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
            {audience === "internal" ? "Add note" : "Record message"}
          </Button>
        </div>
      </form>
    </section>
  );
}
