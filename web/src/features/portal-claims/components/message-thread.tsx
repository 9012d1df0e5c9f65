import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, Send } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { useT } from "@/lib/i18n";

import { claimKeys, messagesQuery, sendMessage, type Claim, type Communication } from "../api/claims";
import { arrivedFromStaff, mergeThread, type PendingMessage, type ThreadEntry } from "../thread";

/**
 * The messages between the customer and their claims team: the thread (oldest first, newest in
 * view), kept live by the claim's events (use-claim-live.ts refetches it when a message arrives),
 * and a box to write in. A sent message shows at once and is never shown twice (thread.ts).
 */
export function MessageThread({ claim }: { claim: Claim }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const messages = useQuery(messagesQuery(claim.id));
  const [live, setLive] = useState<Communication[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [body, setBody] = useState("");
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const inputId = useId();
  const errorId = useId();

  const entries = useMemo(
    () => mergeThread(messages.data?.items ?? [], live, pending),
    [messages.data, live, pending],
  );

  // What was there when the thread first loaded: anything from staff after that "arrived".
  const [seen, setSeen] = useState<ReadonlySet<string> | null>(null);
  if (seen === null && messages.data) setSeen(new Set(messages.data.items.map((message) => message.id)));
  const arrived = seen ? arrivedFromStaff(seen, entries) : [];
  const latestArrival = arrived.at(-1);

  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [entries.length]);

  const send = useMutation({
    mutationFn: (item: PendingMessage) => sendMessage(claim.id, item.body),
    onMutate: (item) => {
      setFailed(null);
      setPending((current) => [...current, item]);
    },
    onSuccess: (message, item) => {
      setLive((current) => [...current, message]);
      setPending((current) => current.filter((entry) => entry.localId !== item.localId));
      void queryClient.invalidateQueries({ queryKey: claimKeys.part(claim.id, "messages") });
    },
    onError: (error, item) => {
      setPending((current) => current.filter((entry) => entry.localId !== item.localId));
      setBody((current) => current || item.body); // the text comes back, to send again
      setFailed(error);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBody("");
    send.mutate({ localId: crypto.randomUUID(), body: text, at: new Date().toISOString() });
  }

  const error = missing
    ? t("claims.messages.required")
    : failed
      ? isApiError(failed) && failed.code === "network_error"
        ? t("common.offline")
        : t("claims.messages.failed")
      : null;

  return (
    <section aria-labelledby="claim-messages" className="flex flex-col gap-3 rounded-xl border bg-card p-4">
      <div className="flex flex-col gap-1">
        <h2 id="claim-messages" className="text-lg font-semibold">
          {t("claims.messages.title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("claims.messages.intro")}</p>
      </div>
      <p role="status" className="sr-only" data-testid="message-arrived">
        {latestArrival && (
          <>
            {t("claims.messages.arrived")}: <span data-content>{latestArrival.body}</span>
          </>
        )}
      </p>
      {messages.isPending && <Skeleton className="h-24 w-full" />}
      {messages.isError && (
        <Alert variant="destructive">
          <AlertDescription>{t("common.error")}</AlertDescription>
        </Alert>
      )}
      {messages.data?.more && <p className="text-xs text-muted-foreground">{t("claims.messages.older")}</p>}
      {messages.data && entries.length === 0 && (
        <p className="text-sm text-muted-foreground">{t("claims.messages.empty")}</p>
      )}
      {entries.length > 0 && (
        <ol
          ref={list}
          tabIndex={0}
          aria-label={t("claims.messages.list")}
          className="flex max-h-[28rem] flex-col gap-2 overflow-y-auto rounded-md focus-visible:outline-2 focus-visible:outline-ring"
          data-testid="message-thread"
        >
          {entries.map((entry) => (
            <Bubble key={entry.key} entry={entry} />
          ))}
        </ol>
      )}
      <form onSubmit={submit} noValidate className="flex flex-col gap-2">
        <label htmlFor={inputId} className="text-sm font-medium">
          {t("claims.messages.label")}
        </label>
        <Textarea
          id={inputId}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={3}
          maxLength={10000}
          aria-invalid={missing || undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <p id={errorId} className="text-sm text-destructive" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" className="self-end">
          {send.isPending ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Send aria-hidden="true" />}
          {t("claims.messages.send")}
        </Button>
      </form>
    </section>
  );
}

function Bubble({ entry }: { entry: ThreadEntry }) {
  const { t, dateTime } = useT();
  const mine = entry.kind === "pending" || entry.mine;
  const text = entry.kind === "pending" ? entry.pending.body : entry.message.body;
  const subject = entry.kind === "message" ? entry.message.subject : "";
  const at = entry.kind === "pending" ? entry.pending.at : entry.message.at;
  const who = mine
    ? t("claims.messages.you")
    : t("claims.messages.team");
  const author = !mine && entry.kind === "message" ? entry.message.author_name : null;
  return (
    <li
      className={cn(
        "flex max-w-[85%] flex-col gap-1 rounded-2xl px-3 py-2 text-sm",
        mine ? "self-end bg-primary text-primary-foreground" : "self-start bg-muted",
      )}
      data-mine={mine || undefined}
      data-pending={entry.kind === "pending" || undefined}
    >
      <span className={cn("text-xs", mine ? "text-primary-foreground/90" : "text-muted-foreground")}>
        {who}
        {author && <span data-content> · {author}</span>} ·{" "}
        {entry.kind === "pending" ? (
          t("claims.messages.sending")
        ) : (
          <time dateTime={at}>{dateTime(at)}</time>
        )}
      </span>
      {subject && (
        <span className="font-medium" data-content>
          {subject}
        </span>
      )}
      <span className="whitespace-pre-line break-words" data-content>
        {text}
      </span>
    </li>
  );
}
