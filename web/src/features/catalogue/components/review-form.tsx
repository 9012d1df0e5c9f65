import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, Star } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { useT } from "@/lib/i18n";

import { catalogueKeys, postReview } from "../api/catalogue";

/**
 * A customer who holds or held the product reviews it, once: 1 to 5 stars and a text. The
 * server decides (403 `not_a_policyholder`, 409 `already_reviewed`); each answer is a sentence.
 */
export function ReviewForm({ productId, onReviewed }: { productId: string; onReviewed?: () => void }) {
  const { t, tn } = useT();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState("");
  const [missingRating, setMissingRating] = useState(false);
  const mutation = useMutation({
    mutationFn: () => postReview(productId, { rating, text: text.trim() }),
    onSuccess: () => {
      onReviewed?.();
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });

  if (mutation.isSuccess) {
    return (
      <Alert>
        <AlertDescription>{t("review.thanks")}</AlertDescription>
      </Alert>
    );
  }
  const error = mutation.error;
  const refused =
    isApiError(error) && error.code === "already_reviewed"
      ? t("review.already")
      : isApiError(error) && error.code === "not_a_policyholder"
        ? t("review.notHolder")
        : error
          ? t("common.error")
          : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rating < 1) {
      setMissingRating(true);
      return;
    }
    setMissingRating(false);
    mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-labelledby="review-heading">
      <div className="flex flex-col gap-1">
        <h3 id="review-heading" className="font-semibold">
          {t("review.title")}
        </h3>
        <p className="text-sm text-muted-foreground">{t("review.intro")}</p>
      </div>
      {refused && (
        <Alert variant="destructive">
          <AlertDescription>{refused}</AlertDescription>
        </Alert>
      )}
      <fieldset className="flex flex-col gap-2" aria-describedby={missingRating ? "review-rating-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("review.rating")}</legend>
        <div className="flex gap-1">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className="cursor-pointer rounded-md p-1 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50">
              <input
                type="radio"
                name="rating"
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
                className="sr-only"
              />
              <Star
                aria-hidden="true"
                className={cn("size-8", value <= rating ? "fill-amber-500 text-amber-500" : "text-muted-foreground")}
              />
              <span className="sr-only">{tn("review.star", value)}</span>
            </label>
          ))}
        </div>
        {missingRating && (
          <p id="review-rating-error" className="text-sm text-destructive">
            {t("review.pickRating")}
          </p>
        )}
      </fieldset>
      <div className="flex flex-col gap-2">
        <Label htmlFor="review-text">{t("review.text")}</Label>
        <Textarea id="review-text" value={text} maxLength={4000} rows={4} onChange={(event) => setText(event.target.value)} />
      </div>
      <Button type="submit" disabled={mutation.isPending} className="self-start">
        {mutation.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
        {t("review.submit")}
      </Button>
    </form>
  );
}
