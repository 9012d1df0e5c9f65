/** Kiswahili messages of one area: the same keys as `claimNew.en.ts` (checked by the type). */
import type { claimNewEn } from "./claimNew.en";

export const claimNewSw: { readonly [K in keyof typeof claimNewEn]: string } = {};
