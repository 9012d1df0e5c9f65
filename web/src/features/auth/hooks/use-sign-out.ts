import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";

import { session } from "@/lib/auth";

/** Signs out here and on the server (the refresh token is revoked), forgets cached data, goes to /login. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    await session.signOut();
    queryClient.clear();
    await navigate("/login", { replace: true });
  };
}
