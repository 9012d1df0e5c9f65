/** Kiswahili messages of one area: the same keys as `claims.en.ts` (checked by the type). */
import type { claimsEn } from "./claims.en";

export const claimsSw: { readonly [K in keyof typeof claimsEn]: string } = {};
