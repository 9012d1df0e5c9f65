import { useEffect } from "react";

import { useLanguage } from "@/lib/i18n";

/** `<html lang>` follows the customer pages' language (screen readers pick their voice from it). */
export function useDocumentLanguage(): void {
  const language = useLanguage();
  useEffect(() => {
    const root = document.documentElement;
    root.lang = language;
    return () => {
      root.lang = "en"; // the staff pages are in English
    };
  }, [language]);
}
