import { LogOut, ShieldCheck } from "lucide-react";

import { Button } from "@/components/ui/button";
import { useSignOut } from "@/features/auth/hooks/use-sign-out";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useUser } from "@/lib/auth";

/**
 * What a customer sees in the staff application, at any URL: no staff page or figure. The
 * customer portal (their policies, payments and claims) is a separate application to come.
 */
export function CustomerPortalComing() {
  useDocumentTitle("Customer portal");
  const user = useUser();
  const signOut = useSignOut();
  return (
    <div className="flex min-h-svh flex-col">
      <header className="flex h-14 items-center gap-2 border-b px-4">
        <ShieldCheck className="size-5 text-primary" aria-hidden="true" />
        <span className="font-semibold">InsureHub</span>
        <Button variant="ghost" size="sm" className="ml-auto" onClick={() => void signOut()}>
          <LogOut aria-hidden="true" />
          Sign out
        </Button>
      </header>
      <main className="mx-auto flex max-w-lg flex-1 flex-col justify-center gap-4 p-6 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Your customer portal is coming soon</h1>
        <p className="text-muted-foreground">
          You are signed in as {user.email}. This site is for InsureHub staff. The portal where you will see your
          policies, payments and claims is being built; until it opens, your insurer can help you with anything you
          need.
        </p>
      </main>
    </div>
  );
}
