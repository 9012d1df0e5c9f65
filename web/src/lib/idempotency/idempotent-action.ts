import { useCallback, useEffect, useRef, useState } from "react";

/**
 * A money-moving action sent at most once per user action (DESIGN.md section 4): the one rule of
 * the staff claim page's payments and the customer's payment pages.
 *
 * - One Idempotency-Key per action: made when the action is first run, reused when the same action
 *   (same input) is sent again after its answer was lost or the server failed (the server then
 *   answers the first result instead of paying twice), and dropped once the server answered it, or
 *   refused it (a 4xx other than 409 "in progress": nothing was done, so the next try is a new
 *   action), or when the input changes (another amount, another phone: a new key).
 * - One request at a time: a second run while one is in flight (a double click, before React has
 *   re-rendered the button as disabled) is ignored, synchronously.
 *
 *   const pay = useIdempotentAction((input: { id: string }, key) => paySettlement(input.id, key));
 *   <Button disabled={pay.pending} onClick={() => void pay.run({ id })}>Pay</Button>
 */
export class IdempotentAction<TInput, TResult> {
  private inFlight: Promise<TResult> | null = null;
  private key: string | null = null;
  private keyFor: string | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  get pending(): boolean {
    return this.inFlight !== null;
  }

  /** The key the next run of `input` will send (made now if it has none). */
  keyOf(input: TInput): string {
    const fingerprint = JSON.stringify(input ?? null);
    if (this.key === null || this.keyFor !== fingerprint) {
      this.key = this.newKey();
      this.keyFor = fingerprint;
    }
    return this.key;
  }

  /** Sends `input` with its key through `send`, or returns null without sending while a run is in flight. */
  run(input: TInput, send: (input: TInput, key: string) => Promise<TResult>): Promise<TResult> | null {
    if (this.inFlight) return null;
    const key = this.keyOf(input);
    const attempt = send(input, key).then(
      (result) => {
        this.inFlight = null;
        this.forget(); // answered: the next run is a new action
        return result;
      },
      (error: unknown) => {
        this.inFlight = null;
        if (refused(error)) this.forget();
        // Otherwise keep the key: a retry of the same action must not pay twice.
        throw error;
      },
    );
    this.inFlight = attempt;
    return attempt;
  }

  /** The action is over (dialog closed, input abandoned): the next run is a new action. Never while one is in flight. */
  forget(): void {
    if (this.inFlight) return;
    this.key = null;
    this.keyFor = null;
  }
}

/** The server answered and did nothing (bad input, not allowed, ...): not a lost answer, not "still in progress". */
function refused(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status ?? 0;
  return status >= 400 && status < 500 && status !== 409;
}

export interface IdempotentActionState<TInput, TResult> {
  /** Runs the action; resolves with the result, or null when a run was already in flight or failed. */
  run: (input: TInput) => Promise<TResult | null>;
  pending: boolean;
  error: unknown;
  /** Clears the error and forgets the key (the user gave up on this action). */
  reset: () => void;
}

export function useIdempotentAction<TInput, TResult>(
  send: (input: TInput, key: string) => Promise<TResult>,
  options: { onSuccess?: (result: TResult, input: TInput) => void } = {},
): IdempotentActionState<TInput, TResult> {
  const sendRef = useRef(send);
  const onSuccessRef = useRef(options.onSuccess);
  useEffect(() => {
    sendRef.current = send;
    onSuccessRef.current = options.onSuccess;
  });
  const [action] = useState(() => new IdempotentAction<TInput, TResult>());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    async (input: TInput): Promise<TResult | null> => {
      const attempt = action.run(input, (value, key) => sendRef.current(value, key));
      if (attempt === null) return null;
      setPending(true);
      setError(null);
      try {
        const result = await attempt;
        onSuccessRef.current?.(result, input);
        return result;
      } catch (caught) {
        setError(caught);
        return null;
      } finally {
        setPending(false);
      }
    },
    [action],
  );

  const reset = useCallback(() => {
    action.forget();
    setError(null);
  }, [action]);

  return { run, pending, error, reset };
}
