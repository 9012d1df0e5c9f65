import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Check, Mail, Phone, X } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { Skeleton } from "@/components/ui/skeleton";
import {
  companyQuery,
  productQuery,
  reviewsQuery,
  type ProductDetail as Product,
} from "@/features/catalogue/api/catalogue";
import { priceRuleLines } from "@/features/catalogue/coverage";
import { ReviewForm } from "@/features/catalogue/components/review-form";
import { Stars } from "@/features/catalogue/components/stars";
import { useCategoryName } from "@/features/catalogue/hooks/use-category-name";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api";
import { isStaff, useSession } from "@/lib/auth";
import { hasMessage, useT } from "@/lib/i18n";

/**
 * One product (`/products/:id`): what it covers and its limits, the excess, what it does not
 * cover, the add-ons with their prices, how the price is worked out (in words), the company,
 * and the reviews. A customer who holds or held it may review it once. Open to visitors.
 */
export function Component() {
  const { id = "" } = useParams();
  const { t } = useT();
  const state = useSession();
  const product = useQuery(productQuery(id, state.status === "signed-in" ? state.user.id : ""));
  useDocumentTitle(product.data?.name ?? t("products.title"));

  if (product.isPending) {
    return (
      <div className="flex flex-col gap-4" role="status" aria-label={t("common.loading")}>
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  if (product.isError) {
    const hidden = isApiError(product.error) && product.error.isHidden;
    return (
      <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">{hidden ? t("notFound.title") : t("common.error")}</h1>
        {hidden && <p className="text-muted-foreground">{t("product.notFound")}</p>}
        <div className="flex gap-2">
          {!hidden && <Button onClick={() => void product.refetch()}>{t("common.retry")}</Button>}
          <Link to="/products" className={buttonVariants({ variant: "outline" })}>
            {t("unavailable.products")}
          </Link>
        </div>
      </div>
    );
  }
  return <ProductDetail product={product.data} />;
}

function humanise(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function ProductDetail({ product }: { product: Product }) {
  const { t, tx, amount } = useT();
  const categoryName = useCategoryName();
  const state = useSession();
  const user = state.status === "signed-in" ? state.user : null;
  const customer = user !== null && !isStaff(user);
  const money = (value: string) => amount(value, product.currency);
  const lines = priceRuleLines(product, money, (value) => `${value}%`);
  const { coverage } = product;
  const quotePath = `/quote?product=${product.id}`;

  return (
    <article className="flex flex-col gap-6">
      <Link to="/products" className="inline-flex items-center gap-1 self-start text-sm text-primary hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" />
        {t("products.title")}
      </Link>
      <header className="flex flex-col gap-2">
        <span className="text-xs font-medium tracking-wide text-primary uppercase">{categoryName(product.category)}</span>
        <h1 className="text-2xl font-semibold tracking-tight" data-content>
          {product.name}
        </h1>
        <p className="text-muted-foreground">
          {tx("product.by", { company: <span data-content>{product.company_name}</span> })}
        </p>
        <Stars rating={product.average_rating} count={product.review_count} />
        {product.description && (
          <p className="max-w-prose" data-content>
            {product.description}
          </p>
        )}
        <div className="mt-2 flex flex-wrap gap-2">
          {customer && (
            <Link to={quotePath} className={buttonVariants()}>
              {t("product.getQuote")}
            </Link>
          )}
          {!user && (
            <Link to={`/login?next=${encodeURIComponent(quotePath)}`} className={buttonVariants()}>
              {t("product.signInToQuote")}
            </Link>
          )}
        </div>
      </header>

      <div className="grid gap-4 md:grid-cols-2">
        <Section title={t("product.covers")}>
          <ul className="flex flex-col gap-1.5">
            {coverage.covers.map((item) => (
              <li key={item} className="flex gap-2">
                <Check className="mt-0.5 size-4 shrink-0 text-green-700" aria-hidden="true" />
                <span data-content>{item}</span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t("product.exclusions")}>
          {coverage.exclusions.length === 0 ? (
            <p className="text-muted-foreground">{t("common.none")}</p>
          ) : (
            <ul className="flex flex-col gap-1.5">
              {coverage.exclusions.map((item) => (
                <li key={item} className="flex gap-2">
                  <X className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
                  <span data-content>{item}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        {coverage.limits.length > 0 && (
          <Section title={t("product.limits")}>
            <dl className="flex flex-col gap-1.5">
              {coverage.limits.map(([key, value]) => {
                const label = `limit.${key}`;
                return (
                  <div key={key} className="flex justify-between gap-4">
                    <dt>{hasMessage(label) ? t(label) : <span data-content>{humanise(key)}</span>}</dt>
                    <dd className="font-medium whitespace-nowrap">{money(value)}</dd>
                  </div>
                );
              })}
            </dl>
          </Section>
        )}
        <Section title={t("product.excess")}>
          <p>
            {coverage.excess && /[1-9]/.test(coverage.excess.amount)
              ? t("product.excessAmount", { amount: money(coverage.excess.amount) })
              : t("product.excessNone")}
          </p>
        </Section>
        {coverage.addons.length > 0 && (
          <Section title={t("product.addons")}>
            <ul className="flex flex-col gap-1.5">
              {coverage.addons.map((addon) => (
                <li key={addon.code} className="flex justify-between gap-4">
                  <span data-content>{addon.name}</span>
                  <span className="font-medium whitespace-nowrap">{t("product.addonPrice", { amount: money(addon.price) })}</span>
                </li>
              ))}
            </ul>
          </Section>
        )}
        <Section title={t("product.price")}>
          <ul className="flex list-disc flex-col gap-1.5 pl-5">
            {lines.map((line) => (
              <li key={line.key + JSON.stringify(line.vars ?? {})}>{t(line.key, line.vars)}</li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-muted-foreground">{t("product.price.quote")}</p>
        </Section>
      </div>

      <CompanyCard companyId={product.company} />
      <Reviews product={product} />
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3 rounded-xl border bg-card p-4">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function CompanyCard({ companyId }: { companyId: string }) {
  const { t, tx } = useT();
  const company = useQuery(companyQuery(companyId)).data;
  if (!company) return null;
  return (
    <section className="flex flex-col gap-2 rounded-xl border bg-card p-4">
      <h2 className="font-semibold">{tx("product.company", { company: <span data-content>{company.name}</span> })}</h2>
      <Stars rating={company.average_rating} count={company.review_count} />
      <dl className="flex flex-col gap-1 text-sm">
        {company.phone && (
          <div className="flex items-center gap-2">
            <Phone className="size-4 text-muted-foreground" aria-hidden="true" />
            <dt className="sr-only">{t("product.companyPhone")}</dt>
            <dd>
              <a href={`tel:${company.phone}`} className="text-primary hover:underline">
                {company.phone}
              </a>
            </dd>
          </div>
        )}
        {company.email && (
          <div className="flex items-center gap-2">
            <Mail className="size-4 text-muted-foreground" aria-hidden="true" />
            <dt className="sr-only">{t("product.companyEmail")}</dt>
            <dd>
              <a href={`mailto:${company.email}`} className="text-primary hover:underline">
                {company.email}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function Reviews({ product }: { product: Product }) {
  const { t, date } = useT();
  const [pages, setPages] = useState(1);
  const [justReviewed, setJustReviewed] = useState(false);
  const reviews = useQuery(reviewsQuery(product.id, pages));
  // The server says whether the signed-in customer may review (held it, not yet reviewed); the form
  // stays for its thank-you after the product is read again with `already_reviewed`.
  return (
    <section aria-labelledby="reviews-heading" className="flex flex-col gap-4">
      <h2 id="reviews-heading" className="text-lg font-semibold">
        {t("product.reviews")}
      </h2>
      {(product.can_review || justReviewed) && (
        <div className="rounded-xl border bg-card p-4">
          <ReviewForm productId={product.id} onReviewed={() => setJustReviewed(true)} />
        </div>
      )}
      {product.already_reviewed && !justReviewed && (
        <p className="text-sm text-muted-foreground" data-testid="already-reviewed">
          {t("review.already")}
        </p>
      )}
      {reviews.isError && (
        <Alert variant="destructive">
          <AlertDescription>{t("common.error")}</AlertDescription>
        </Alert>
      )}
      {reviews.data && reviews.data.results.length === 0 && (
        <p className="text-muted-foreground">{t("product.reviewsEmpty")}</p>
      )}
      {reviews.data && reviews.data.results.length > 0 && (
        <ul className="flex flex-col gap-3">
          {reviews.data.results.map((review) => (
            <li key={review.id} className="flex flex-col gap-1.5 rounded-xl border bg-card p-4">
              <Stars rating={review.rating} />
              {review.text && (
                <p className="whitespace-pre-line" data-content>
                  {review.text}
                </p>
              )}
              <p className="text-sm text-muted-foreground">
                {t("product.reviewBy", { author: review.author, date: date(review.created_at) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {reviews.data && reviews.data.count > reviews.data.results.length && (
        <Button
          variant="outline"
          className="self-start"
          disabled={reviews.isFetching}
          onClick={() => setPages((count) => count + 1)}
        >
          {t("product.moreReviews")}
        </Button>
      )}
    </section>
  );
}
