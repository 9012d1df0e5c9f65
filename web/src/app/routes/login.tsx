import { ShieldCheck } from "lucide-react";
import { Navigate, useSearchParams } from "react-router";

import { PageSpinner } from "@/components/page-spinner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoginForm } from "@/features/auth/components/login-form";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { safeNextPath, useSession } from "@/lib/auth";

export function Component() {
  useDocumentTitle("Sign in");
  const state = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  if (state.status === "restoring") return <PageSpinner label="Restoring your session…" />;
  if (state.status === "signed-in") return <Navigate to={next} replace />;
  return (
    <main className="flex min-h-svh items-center justify-center bg-muted/40 p-4">
      <div className="flex w-full max-w-sm flex-col gap-6">
        <div className="flex items-center justify-center gap-2 text-lg font-semibold">
          <ShieldCheck className="size-6 text-primary" aria-hidden="true" />
          InsureHub
        </div>
        <Card>
          <CardHeader>
            <CardTitle>
              <h1 className="text-xl">Sign in</h1>
            </CardTitle>
            <CardDescription>Use your InsureHub work account.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {state.expired && (
              <Alert>
                <AlertDescription>Your session has ended. Sign in again to continue.</AlertDescription>
              </Alert>
            )}
            <LoginForm />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
