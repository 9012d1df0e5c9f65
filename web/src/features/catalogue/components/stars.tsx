import { Star } from "lucide-react";

import { cn } from "@/lib/cn";
import { LOCALES, useT } from "@/lib/i18n";

/** A rating out of 5 as stars, read out as "4.5 out of 5 stars"; `count` adds "(12 reviews)". */
export function Stars({ rating, count, className }: { rating: string | number | null; count?: number; className?: string }) {
  const { t, tn, language } = useT();
  if (rating === null || rating === "") {
    return <span className={cn("text-sm text-muted-foreground", className)}>{t("rating.none")}</span>;
  }
  const value = Math.max(0, Math.min(5, Number(rating)));
  const shown = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(value);
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm", className)}>
      <span role="img" aria-label={t("rating.stars", { rating: shown })} className="inline-flex">
        {[1, 2, 3, 4, 5].map((position) => (
          <Star
            key={position}
            aria-hidden="true"
            className={cn(
              "size-4",
              value >= position - 0.25 ? "fill-amber-500 text-amber-500" : "text-muted-foreground/50",
            )}
          />
        ))}
      </span>
      <span aria-hidden="true" className="font-medium">
        {shown}
      </span>
      {count !== undefined && <span className="text-muted-foreground">({tn("rating.count", count)})</span>}
    </span>
  );
}
