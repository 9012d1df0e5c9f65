import { useEffect, useRef } from "react";

import { useSession } from "@/lib/auth";
import { isLanguage, languageStore } from "@/lib/i18n";

/**
 * The signed-in user's saved language wins over this device's: applied once per sign-in (or
 * session restore), so a choice made afterwards (saved by LanguageChoice) is not undone by a
 * token refresh.
 */
export function LanguageSync() {
  const state = useSession();
  const applied = useRef<string | null>(null);
  const user = state.status === "signed-in" ? state.user : null;
  useEffect(() => {
    if (!user) {
      applied.current = null;
      return;
    }
    if (applied.current === user.id) return;
    applied.current = user.id;
    if (isLanguage(user.language)) languageStore.set(user.language);
  }, [user]);
  return null;
}
