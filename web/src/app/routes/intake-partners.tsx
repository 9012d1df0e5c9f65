import { ArrowLeft } from "lucide-react";
import { Link } from "react-router";

import { NotFound } from "@/components/not-found";
import { PartnersPanel } from "@/features/intake/components/partners-panel";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useUser } from "@/lib/auth";

export function Component() {
  useDocumentTitle("Intake partners");
  const user = useUser();
  // The partner endpoints are the API's admins' alone: anyone else gets the not-found page.
  if (user.role !== "admin") return <NotFound />;
  return (
    <div className="grid gap-4">
      <div>
        <Link to="/intake" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline">
          <ArrowLeft aria-hidden="true" className="size-4" />
          Bulk intake
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Intake partners</h1>
        <p className="text-sm text-muted-foreground">
          Fleet owners and brokers that send files of incidents through the API, and their API keys.
        </p>
      </div>
      <PartnersPanel />
    </div>
  );
}
