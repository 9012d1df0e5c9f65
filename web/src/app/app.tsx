import { useEffect, useMemo, useRef } from "react";
import { RouterProvider } from "react-router/dom";

import { isStaff, useSession } from "@/lib/auth";

import { AppProvider } from "./provider";
import { createRouter, type Area } from "./router";

/** Which route table runs: the customer's for a signed-in customer, else the staff one (router.tsx). */
function useArea(): Area {
  const state = useSession();
  return state.status === "signed-in" && !isStaff(state.user) ? "customer" : "staff";
}

export function App() {
  const area = useArea();
  // A new router when the area changes (signing in or out as a customer): it starts at the
  // current URL, so /login?next=... moves on as usual.
  const router = useMemo(() => createRouter(area), [area]);
  const previous = useRef(router);
  useEffect(() => {
    if (previous.current === router) return;
    previous.current.dispose(); // the one it replaced (not on unmount: StrictMode remounts)
    previous.current = router;
  }, [router]);
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
