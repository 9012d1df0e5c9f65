import { Languages } from "lucide-react";
import { useId, useState } from "react";

import { api, unwrap } from "@/lib/api";
import { session } from "@/lib/auth";
import { cn } from "@/lib/cn";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, languageStore, useT, type Language } from "@/lib/i18n";

/**
 * The language choice on every customer page ("English" / "Kiswahili"): switches at once,
 * is remembered on this device, and, when signed in, saved to the account
 * (`PATCH /api/auth/me/ {language}`) so it follows the customer to any device.
 */
export function LanguageChoice({ className }: { className?: string }) {
  const { t, language } = useT();
  const id = useId();
  const [failed, setFailed] = useState(false);

  async function choose(next: Language) {
    setFailed(false);
    languageStore.set(next, { remember: true });
    if (session.getState().status !== "signed-in") return;
    try {
      await unwrap(api.PATCH("/api/auth/me/", { body: { language: next } }));
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className={cn("flex flex-col items-end", className)}>
      <div className="relative flex items-center">
        <label htmlFor={id} className="sr-only">
          {t("language.label")}
        </label>
        <Languages className="pointer-events-none absolute left-2 size-4 text-muted-foreground" aria-hidden="true" />
        <select
          id={id}
          value={language}
          onChange={(event) => {
            if (isLanguage(event.target.value)) void choose(event.target.value);
          }}
          className="h-9 appearance-none rounded-md border border-input bg-background py-1 pr-3 pl-8 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </div>
      {failed && (
        <p role="alert" className="mt-1 max-w-60 text-right text-xs text-destructive">
          {t("language.changeFailed")}
        </p>
      )}
    </div>
  );
}
