import { Button } from "@/components/ui/button";

/** Previous / Next under a list the API pages (its `previous` and `next` links); nothing when all of it is on one page. */
export function Pager({
  data,
  page,
  onPage,
}: {
  data: { previous?: string | null; next?: string | null } | undefined;
  page: number;
  onPage: (page: number) => void;
}) {
  if (!data || (!data.previous && !data.next)) return null;
  return (
    <div className="flex gap-2">
      <Button type="button" variant="outline" size="sm" disabled={!data.previous} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Button type="button" variant="outline" size="sm" disabled={!data.next} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </div>
  );
}
