import { useId, useState } from "react";

import { BulkResults } from "@/components/bulk";
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
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import { useIdempotentAction } from "@/lib/idempotency";

import { bulkMessage, type BulkMessageRequest, type BulkMessageResponse, type ClaimRow } from "../api/claims";
import { FieldError } from "./field-error";
import { FormAlert } from "./form-alert";

type Channel = NonNullable<BulkMessageRequest["channel"]>;
const CHANNELS: Record<Channel, string> = { email: "Email", sms: "SMS", letter: "Letter" };

interface BulkMessageDialogProps {
  claims: readonly ClaimRow[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (succeeded: string[]) => void;
}

/** "Message customers": one message to the customers of the selected claims, in their language when given. */
export function BulkMessageDialog({ claims, open, onOpenChange, onDone }: BulkMessageDialogProps) {
  const id = useId();
  const [channel, setChannel] = useState<Channel>("email");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [subjectSw, setSubjectSw] = useState("");
  const [bodySw, setBodySw] = useState("");
  const [missing, setMissing] = useState<string | undefined>();
  const [answer, setAnswer] = useState<BulkMessageResponse | null>(null);
  const action = useIdempotentAction((request: BulkMessageRequest, key: string) => bulkMessage(request, key), {
    onSuccess: setAnswer,
  });
  const error = isApiError(action.error) ? action.error : null;

  const close = (next: boolean) => {
    if (next) return onOpenChange(true);
    if (answer) onDone(answer.results.filter((result) => result.ok).map((result) => result.claim));
    action.reset();
    setAnswer(null);
    onOpenChange(false);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problem = body.trim() ? undefined : "Write the message.";
    setMissing(problem);
    if (problem) return;
    void action.run({
      claims: claims.map((claim) => claim.id),
      channel,
      subject: subject.trim(),
      body: body.trim(),
      subject_sw: subjectSw.trim(),
      body_sw: bodySw.trim(),
    });
  };

  const bodyError = missing ?? error?.fieldError("body");
  const text = (
    name: string,
    label: string,
    value: string,
    set: (value: string) => void,
    options: { long?: boolean; error?: string } = {},
  ) => (
    <div className="grid gap-1.5">
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      {options.long ? (
        <Textarea
          id={`${id}-${name}`}
          value={value}
          maxLength={5000}
          rows={3}
          aria-invalid={!!options.error}
          aria-describedby={options.error ? `${id}-${name}-error` : undefined}
          onChange={(event) => set(event.target.value)}
        />
      ) : (
        <Input id={`${id}-${name}`} value={value} maxLength={200} onChange={(event) => set(event.target.value)} />
      )}
      <FieldError id={`${id}-${name}-error`} message={options.error} />
    </div>
  );
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Message {claims.length === 1 ? "1 customer" : `the customers of ${claims.length} claims`}</DialogTitle>
          <DialogDescription>
            Each claim gets the message in its communications log, and its customer a notification by their own
            preferences. Customers who chose Kiswahili get the Kiswahili text when you write one.
          </DialogDescription>
        </DialogHeader>
        {answer ? (
          <>
            <BulkResults answer={answer} verb="sent" />
            <DialogFooter>
              <Button onClick={() => close(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form className="grid gap-4" onSubmit={submit} noValidate>
            <FormAlert error={error} fields={["body", "subject", "subject_sw", "body_sw", "channel"]} />
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-channel`}>Recorded as</Label>
              <NativeSelect
                id={`${id}-channel`}
                value={channel}
                onChange={(event) => setChannel(event.target.value as Channel)}
              >
                {(Object.keys(CHANNELS) as Channel[]).map((value) => (
                  <option key={value} value={value}>
                    {CHANNELS[value]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            {text("subject", "Subject", subject, setSubject)}
            {text("body", "Message", body, setBody, { long: true, error: bodyError })}
            <details className="grid gap-3 rounded-md border p-3">
              <summary className="cursor-pointer text-sm font-medium">Kiswahili text (optional)</summary>
              <div className="mt-3 grid gap-3">
                {text("subject-sw", "Subject in Kiswahili", subjectSw, setSubjectSw)}
                {text("body-sw", "Message in Kiswahili", bodySw, setBodySw, { long: true })}
              </div>
            </details>
            <DialogFooter>
              <Button variant="outline" type="button" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={action.pending}>
                {action.pending ? "Sending…" : "Send messages"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
