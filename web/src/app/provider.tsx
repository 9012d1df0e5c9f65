import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

import { TooltipProvider } from "@/components/ui/tooltip";
import { session, useSession } from "@/lib/auth";
import { EventStreamProvider } from "@/lib/events";
import { createQueryClient } from "@/lib/query-client";

import { LanguageSync } from "./language-sync";

const freshToken = () => session.freshAccessToken();
const renewToken = () => session.refresh();

/** Everything the pages share: server state, the live event stream (while signed in), tooltips. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const state = useSession();
  return (
    <QueryClientProvider client={queryClient}>
      <EventStreamProvider enabled={state.status === "signed-in"} getToken={freshToken} onUnauthorized={renewToken}>
        <LanguageSync />
        <TooltipProvider>{children}</TooltipProvider>
      </EventStreamProvider>
    </QueryClientProvider>
  );
}
