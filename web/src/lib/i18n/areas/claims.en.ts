/** English messages of one area of the customer pages (see ../en.ts for the rules). */
export const claimsEn = {} as const;
