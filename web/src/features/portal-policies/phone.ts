/**
 * Kenyan mobile numbers as M-Pesa wants them: 2547XXXXXXXX (or 2541XXXXXXXX). The same rules as
 * the server's `insurehub/payments/daraja.py` `normalise_phone`, so the page never sends a number
 * the server refuses, and shows the customer the number the prompt will go to:
 *
 *   07XXXXXXXX, 01XXXXXXXX, +2547XXXXXXXX, 2547XXXXXXXX, 7XXXXXXXX -> 2547XXXXXXXX
 *
 * Spaces, "+", brackets and dashes are ignored, as on the server.
 */
export type PhoneCheck = { ok: true; msisdn: string } | { ok: false; reason: "empty" | "invalid" };

export function normaliseKenyanPhone(raw: string | null | undefined): PhoneCheck {
  let digits = (raw ?? "").replace(/[\s+()-]/g, "");
  if (digits === "") return { ok: false, reason: "empty" };
  if (/^0[17]\d{8}$/.test(digits)) digits = `254${digits.slice(1)}`;
  else if (/^[17]\d{8}$/.test(digits)) digits = `254${digits}`;
  if (!/^254[17]\d{8}$/.test(digits)) return { ok: false, reason: "invalid" };
  return { ok: true, msisdn: digits };
}

/** 254712345678 -> "+254 712 345 678", for showing which phone the prompt goes to. */
export function displayMsisdn(msisdn: string): string {
  const match = /^254(\d{3})(\d{3})(\d{3})$/.exec(msisdn);
  return match ? `+254 ${match[1]} ${match[2]} ${match[3]}` : msisdn;
}

/** The number to prefill from the profile: normalised when it is a Kenyan mobile, else as stored. */
export function prefillPhone(profilePhone: string | null | undefined): string {
  const check = normaliseKenyanPhone(profilePhone);
  return check.ok ? check.msisdn : (profilePhone ?? "");
}
