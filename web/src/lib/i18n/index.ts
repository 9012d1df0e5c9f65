export type { MessageKey, Messages } from "./en";
export { formatAmount, formatDate, formatDateTime, formatNumber } from "./format";
export { useLanguage, useT, type Translator } from "./hooks";
export {
  initialLanguage,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  languageStore,
  LOCALES,
  type Language,
} from "./language";
export { CATALOGUES, hasMessage, interpolate, translate, translateCount, type CountKey, type Vars } from "./translate";
