import { useParams } from "react-router";

import { EventDashboard } from "@/features/catastrophes/components/event-dashboard";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  useDocumentTitle("Catastrophe event");
  const { id = "" } = useParams();
  return <EventDashboard eventId={id} />;
}
