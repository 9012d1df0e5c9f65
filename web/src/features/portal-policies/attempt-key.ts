/**
 * One Idempotency-Key per payment attempt (the API requires one on every money-moving POST):
 * made when the customer first asks ("Send the prompt", "Pay by card"), reused when that same
 * request is sent again after it failed or its answer was lost (the server then answers the first
 * answer instead of charging twice), and dropped once the server answered, so the next attempt
 * ("send the prompt again") is a new payment. A second send while one is in flight sends nothing.
 *
 * The same rules as the staff claim page's `useIdempotentAction` (features do not share code).
 */
export class AttemptKey<TResult> {
  private key: string | null = null;
  private inFlight: Promise<TResult> | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  get pending(): boolean {
    return this.inFlight !== null;
  }

  /** Sends with this attempt's key; null (nothing sent) while a send is in flight. */
  send(request: (key: string) => Promise<TResult>): Promise<TResult> | null {
    if (this.inFlight) return null;
    this.key ??= this.newKey();
    const attempt = request(this.key).then(
      (result) => {
        this.inFlight = null;
        this.key = null; // answered: the next attempt is a new payment
        return result;
      },
      (error: unknown) => {
        this.inFlight = null;
        // An answer from the server that refused it (4xx other than 409 in progress) ends the attempt;
        // a lost answer or a server error keeps the key, so sending again cannot pay twice.
        const status = (error as { status?: number } | null)?.status ?? 0;
        if (status >= 400 && status < 500 && status !== 409) this.key = null;
        throw error;
      },
    );
    this.inFlight = attempt;
    return attempt;
  }

  /** The customer changed what they are paying with (another phone): a new attempt. */
  reset(): void {
    if (!this.inFlight) this.key = null;
  }
}
