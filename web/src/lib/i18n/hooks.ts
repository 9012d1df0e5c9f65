import { createElement, Fragment, useCallback, useMemo, useSyncExternalStore, type ReactNode } from "react";

import type { MessageKey } from "./en";
import { formatAmount, formatDate, formatDateTime, formatNumber } from "./format";
import { languageStore, type Language } from "./language";
import { translate, translateCount, type CountKey, type Vars } from "./translate";

/** The current language; re-renders when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(languageStore.subscribe, languageStore.get, languageStore.get);
}

export interface Translator {
  language: Language;
  /** A message: `t("nav.products")`, `t("products.from", { amount })`. */
  t: (key: MessageKey, vars?: Vars) => string;
  /**
   * A message with elements in it: `tx("product.by", { company: <b>{name}</b> })`, for words
   * around data that must stay marked up (a link, the insurer's own text).
   */
  tx: (key: MessageKey, nodes: Readonly<Record<string, ReactNode>>) => ReactNode;
  /** A counted message: `tn("rating.count", 3)` -> "3 reviews" (`count` is filled in). */
  tn: (key: CountKey, count: number, vars?: Vars) => string;
  /** An API amount ("37500.00") in `currency`, without false decimals. */
  amount: (value: string | null | undefined, currency: string, options?: { whole?: boolean }) => string;
  date: (value: string | Date | null | undefined) => string;
  dateTime: (value: string | Date | null | undefined) => string;
  number: (value: number) => string;
}

/** Messages and formatters in the current language. */
export function useT(): Translator {
  const language = useLanguage();
  const t = useCallback((key: MessageKey, vars?: Vars) => translate(language, key, vars), [language]);
  return useMemo(
    () => ({
      language,
      t,
      tn: (key, count, vars) => translateCount(language, key, count, vars),
      tx: (key, nodes) => {
        const parts = translate(language, key).split(/\{(\w+)\}/);
        // Odd positions are placeholder names: the given node, or the placeholder as written.
        const children = parts.map((part, index) => (index % 2 === 1 ? (nodes[part] ?? `{${part}}`) : part));
        return createElement(Fragment, null, ...children);
      },
      amount: (value, currency, options) => formatAmount(value, currency, language, options),
      date: (value) => formatDate(value, language),
      dateTime: (value) => formatDateTime(value, language),
      number: (value) => formatNumber(value, language),
    }),
    [language, t],
  );
}
