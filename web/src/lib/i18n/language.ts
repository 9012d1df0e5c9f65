/**
 * The language the customer pages speak: a tiny store (useSyncExternalStore) that starts from the
 * choice made on this device before signing in (localStorage; a preference, no session data), else
 * the browser's language, and follows the signed-in user's saved `language` (see LanguageSync).
 */
export const LANGUAGES = ["en", "sw"] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the language choice shows: each language in its own words. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", sw: "Kiswahili" };

/** The locale handed to Intl for each language (Kenyan customers: KES, day-month-year). */
export const LOCALES: Record<Language, string> = { en: "en-KE", sw: "sw-KE" };

const STORAGE_KEY = "insurehub.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function storage(): Storage | null {
  try {
    // The language choice only (never tokens or session data, which the eslint rule is about).
    // eslint-disable-next-line no-restricted-globals
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage blocked by the browser's settings
  }
}

/** The language to start with: this device's earlier choice, else the browser's language. */
export function initialLanguage(
  stored: string | null = storage()?.getItem(STORAGE_KEY) ?? null,
  browser: readonly string[] = typeof navigator === "undefined" ? [] : navigator.languages,
): Language {
  if (isLanguage(stored)) return stored;
  return browser.some((tag) => tag.toLowerCase().split("-")[0] === "sw") ? "sw" : "en";
}

let current: Language = initialLanguage();
const listeners = new Set<() => void>();

export const languageStore = {
  get: (): Language => current,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /**
   * Switch language. `remember` keeps it on this device for the next visit before sign-in (a
   * choice the person made); the signed-in user's saved language is applied without it.
   */
  set: (language: Language, { remember = false }: { remember?: boolean } = {}): void => {
    if (remember) {
      try {
        storage()?.setItem(STORAGE_KEY, language);
      } catch {
        // full or blocked storage: the choice still holds for this visit
      }
    }
    if (language === current) return;
    current = language;
    for (const listener of [...listeners]) listener();
  },
};
