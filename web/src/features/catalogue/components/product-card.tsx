import { ChevronRight } from "lucide-react";
import { Link } from "react-router";

import { useT } from "@/lib/i18n";

import type { Product } from "../api/catalogue";
import { startingPrice } from "../coverage";
import { useCategoryName } from "../hooks/use-category-name";

import { Stars } from "./stars";

/** One product in the list: what, by whom, from what price, how rated. */
export function ProductCard({ product }: { product: Product }) {
  const { t, tn, tx, amount } = useT();
  const categoryName = useCategoryName();
  return (
    <Link
      to={`/products/${product.id}`}
      className="flex h-full flex-col gap-2 rounded-xl border bg-card p-4 shadow-sm transition-colors hover:bg-accent"
    >
      <span className="text-xs font-medium tracking-wide text-primary uppercase">{categoryName(product.category)}</span>
      <span className="text-base font-semibold" data-content>
        {product.name}
      </span>
      <span className="text-sm text-muted-foreground">
        {tx("product.by", { company: <span data-content>{product.company_name}</span> })}
      </span>
      <Stars rating={product.average_rating} count={product.review_count} />
      <span className="mt-auto flex items-end justify-between gap-2 pt-2">
        <span>
          <span className="block text-lg font-semibold">
            {t("products.from", { amount: amount(startingPrice(product.base_premium, product.pricing), product.currency) })}
          </span>
          <span className="text-sm text-muted-foreground">{tn("products.perTerm", product.term_months)}</span>
        </span>
        <span className="inline-flex items-center text-sm font-medium text-primary">
          {t("products.details")}
          <ChevronRight className="size-4" aria-hidden="true" />
        </span>
      </span>
    </Link>
  );
}
