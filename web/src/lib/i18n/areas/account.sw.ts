/** Kiswahili messages of one area: the same keys as `account.en.ts` (checked by the type). */
import type { accountEn } from "./account.en";

export const accountSw: { readonly [K in keyof typeof accountEn]: string } = {};
