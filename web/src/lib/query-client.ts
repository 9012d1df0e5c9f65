import { QueryClient } from "@tanstack/react-query";

import { isApiError } from "@/lib/api";

/**
 * Server state. Live events invalidate what changed (lib/events/query.ts), so data stays fresh
 * without polling; a failed request is retried only when retrying can help (network, 5xx).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
