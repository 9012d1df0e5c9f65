/**
 * Looking messages up: `translate("en", "products.from", { amount })`. A `{name}` with no value
 * stays as written (so a forgotten variable shows, and a test catches it); counted words go
 * through `translateCount`, which picks the `.one`/`.other` form with Intl.PluralRules.
 */
import { en, type MessageKey, type Messages } from "./en";
import { LOCALES, type Language } from "./language";
import { sw } from "./sw";

export const CATALOGUES: Record<Language, Messages> = { en, sw };

export type Vars = Readonly<Record<string, string | number>>;

/** The base of the keys that have `.one` and `.other` forms. */
export type CountKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

export function interpolate(message: string, vars?: Vars): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  return interpolate(CATALOGUES[language][key], vars);
}

const plurals = new Map<Language, Intl.PluralRules>();

export function translateCount(language: Language, key: CountKey, count: number, vars?: Vars): string {
  let rules = plurals.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    plurals.set(language, rules);
  }
  const form = rules.select(count) === "one" ? "one" : "other";
  return translate(language, `${key}.${form}` as MessageKey, { count, ...vars });
}

/** `t` for keys that may not exist (e.g. a category slug from the server): the fallback when not. */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
