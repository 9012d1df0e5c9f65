import { NotFound } from "@/components/not-found";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  useDocumentTitle("Not found");
  return <NotFound />;
}
