import { useParams } from "react-router";

import { ClaimPage } from "@/features/claim-detail/components/claim-page";

/** `/claims/:id`: one claim, for staff (customers never reach the staff area). */
export function Component() {
  const { id = "" } = useParams();
  return <ClaimPage key={id} id={id} />;
}
