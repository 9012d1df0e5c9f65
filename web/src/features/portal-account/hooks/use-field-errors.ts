import { useT } from "@/lib/i18n";

import { fieldErrorKeys } from "../account-errors";

/** The translated messages for a field of a refused form. */
export function useFieldErrors(error: unknown, vars: Record<string, string | number> = {}) {
  const { t } = useT();
  return (field: string): string[] =>
    fieldErrorKeys(error, field).map(({ key, text }) => (key ? t(key, vars) : text));
}
