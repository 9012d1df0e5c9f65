import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api";
import { useT, type MessageKey } from "@/lib/i18n";

import { acceptQuote, productsQuery, requestQuote, vehiclesQuery, type Policy } from "../api/policies";
import { errorText } from "../error-text";
import { addonsOf, PAYMENT_PLANS, quoteBody, validateQuote, type QuoteErrors, type QuoteInput } from "../quote";
import { apiToday } from "../schedule";
import { PriceBreakdown } from "./price-breakdown";
import { VehicleForm } from "./vehicle-form";

const NEW_VEHICLE = "__new__";

/**
 * Quote and buy a motor policy: product, vehicle (pick one or add a new one), sum insured, start
 * date, payment plan and add-ons; the server prices it (a quote, with its breakdown); accepting it
 * makes the policy `pending_payment` and `onAccepted` takes the customer to pay.
 */
export function QuoteForm({ initialProduct, onAccepted }: { initialProduct?: string; onAccepted: (policy: Policy) => void }) {
  const { t, amount, date } = useT();
  const id = useId();
  const today = apiToday();
  const products = useQuery(productsQuery("motor"));
  const vehicles = useQuery(vehiclesQuery());
  const [input, setInput] = useState<QuoteInput>({
    product: initialProduct ?? "",
    vehicle: "",
    sumInsured: "",
    startDate: today,
    plan: "annual",
    addons: [],
  });
  const [addingVehicle, setAddingVehicle] = useState(false);
  const [errors, setErrors] = useState<QuoteErrors>({});
  const [quote, setQuote] = useState<Policy | null>(null);

  const product = products.data?.find((item) => item.id === input.product);
  const offered = addonsOf(product);
  const vehicle = vehicles.data?.find((item) => item.id === input.vehicle);

  const price = useMutation({ mutationFn: () => requestQuote(quoteBody(input, offered)), onSuccess: setQuote });
  const accept = useMutation({ mutationFn: (quoteId: string) => acceptQuote(quoteId), onSuccess: onAccepted });

  function change(next: Partial<QuoteInput>) {
    const value = { ...input, ...next };
    setInput(value);
    setQuote(null); // a price belongs to the inputs it was made for
    price.reset();
    accept.reset();
    if (Object.keys(errors).length > 0) {
      setErrors(validateQuote(value, products.data?.find((item) => item.id === value.product), today));
    }
  }

  function getPrice() {
    const found = validateQuote(input, product, today);
    setErrors(found);
    if (Object.keys(found).length === 0) price.mutate();
  }

  const errorMessage = (key: keyof QuoteErrors, apiField: string): string | undefined => {
    const code = errors[key];
    if (code) return t(`quote.error.${code}` as MessageKey);
    return isApiError(price.error) ? price.error.fieldError(apiField) : undefined;
  };
  const describedError = (key: keyof QuoteErrors, apiField: string) => {
    const message = errorMessage(key, apiField);
    return message ? (
      <p id={`${id}-${key}-error`} className="text-sm text-destructive">
        {message}
      </p>
    ) : null;
  };
  const invalid = (key: keyof QuoteErrors, apiField: string) =>
    errorMessage(key, apiField) ? { "aria-invalid": true, "aria-describedby": `${id}-${key}-error` } : {};

  if (products.isPending || vehicles.isPending) return <Skeleton className="h-64 w-full" />;
  if (products.isError || vehicles.isError) {
    return (
      <Alert variant="destructive">
        <AlertDescription>{errorText(t, products.error ?? vehicles.error)}</AlertDescription>
      </Alert>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-lg font-semibold">{t("quote.product.title")}</legend>
        {products.data.map((item) => (
          <label
            key={item.id}
            className="flex cursor-pointer items-start gap-3 rounded-lg border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5"
          >
            <input
              type="radio"
              name={`${id}-product`}
              value={item.id}
              checked={input.product === item.id}
              onChange={() => change({ product: item.id, addons: [] })}
              className="mt-1 size-4 accent-primary"
            />
            <span className="flex flex-col">
              <span className="font-medium">{item.name}</span>
              <span className="text-sm text-muted-foreground">{item.company_name}</span>
              <span className="text-sm text-muted-foreground">{item.description}</span>
            </span>
          </label>
        ))}
        {describedError("product", "policy_type")}
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-lg font-semibold">{t("quote.vehicle.title")}</legend>
        <Label htmlFor={`${id}-vehicle`}>{t("quote.vehicle.pick")}</Label>
        <NativeSelect
          id={`${id}-vehicle`}
          value={addingVehicle ? NEW_VEHICLE : input.vehicle}
          onChange={(event) => {
            if (event.target.value === NEW_VEHICLE) setAddingVehicle(true);
            else {
              setAddingVehicle(false);
              change({ vehicle: event.target.value });
            }
          }}
          {...invalid("vehicle", "vehicle")}
        >
          <option value="">{t("quote.vehicle.choose")}</option>
          {vehicles.data.map((item) => (
            <option key={item.id} value={item.id}>
              {`${item.registration} · ${item.make} ${item.model} ${item.year}`}
            </option>
          ))}
          <option value={NEW_VEHICLE}>{t("quote.vehicle.addNew")}</option>
        </NativeSelect>
        {describedError("vehicle", "vehicle")}
        {addingVehicle && (
          <VehicleForm
            onCreated={(created) => {
              setAddingVehicle(false);
              change({ vehicle: created.id });
            }}
            onCancel={() => setAddingVehicle(false)}
          />
        )}
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("quote.cover.title")}</legend>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-sum`}>{t("quote.sumInsured")}</Label>
          <Input
            id={`${id}-sum`}
            inputMode="decimal"
            value={input.sumInsured}
            placeholder={vehicle ? vehicle.estimated_value : undefined}
            onChange={(event) => change({ sumInsured: event.target.value })}
            {...invalid("sumInsured", "sum_insured")}
          />
          {describedError("sumInsured", "sum_insured") ?? (
            <p className="text-sm text-muted-foreground">
              {vehicle
                ? t("quote.sumInsuredHelp", { value: amount(vehicle.estimated_value, vehicle.currency) })
                : t("quote.sumInsuredHelpNoVehicle")}
            </p>
          )}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-start`}>{t("quote.startDate")}</Label>
          <Input
            id={`${id}-start`}
            type="date"
            min={today}
            value={input.startDate}
            onChange={(event) => change({ startDate: event.target.value })}
            {...invalid("startDate", "start_date")}
          />
          {describedError("startDate", "start_date")}
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{t("quote.plan")}</legend>
          {PAYMENT_PLANS.map((plan) => (
            <label key={plan} className="flex items-center gap-2">
              <input
                type="radio"
                name={`${id}-plan`}
                value={plan}
                checked={input.plan === plan}
                onChange={() => change({ plan })}
                className="size-4 accent-primary"
              />
              {t(`pay.plan.${plan}`)}
            </label>
          ))}
        </fieldset>
        {offered.length > 0 && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">{t("quote.addons")}</legend>
            {offered.map((addon) => (
              <div key={addon.code} className="flex items-center gap-2">
                <Checkbox
                  id={`${id}-addon-${addon.code}`}
                  checked={input.addons.includes(addon.code)}
                  onChange={(event) =>
                    change({
                      addons: event.target.checked
                        ? [...input.addons, addon.code]
                        : input.addons.filter((code) => code !== addon.code),
                    })
                  }
                />
                <Label htmlFor={`${id}-addon-${addon.code}`} className="font-normal">
                  {t("quote.addonPrice", { name: addon.name, price: amount(addon.price, product?.currency ?? "KES") })}
                </Label>
              </div>
            ))}
          </fieldset>
        )}
      </fieldset>

      {price.isError && !errorMessage("sumInsured", "sum_insured") && !errorMessage("startDate", "start_date") && (
        <Alert variant="destructive">
          <AlertDescription>{errorText(t, price.error)}</AlertDescription>
        </Alert>
      )}
      {!quote && (
        <Button type="button" size="lg" onClick={getPrice} disabled={price.isPending}>
          {price.isPending ? t("quote.pricing") : t("quote.getPrice")}
        </Button>
      )}

      {quote && (
        <section aria-labelledby={`${id}-price`} className="flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-sm" aria-live="polite">
          <h2 id={`${id}-price`} className="text-lg font-semibold">
            {t("quote.price.title", { amount: amount(quote.premium, quote.currency) })}
          </h2>
          <p className="text-sm text-muted-foreground">
            {t("quote.price.period", { start: date(quote.start_date), end: date(quote.end_date) })}
          </p>
          <PriceBreakdown
            details={quote.quote_details}
            sumInsured={quote.sum_insured}
            currency={quote.currency}
            addonNames={Object.fromEntries(offered.map((addon) => [addon.code, addon.name]))}
          />
          <p className="text-sm text-muted-foreground">
            {t(`quote.price.plan.${input.plan}`)} {quote.quote_valid_until && t("quote.price.validUntil", { date: date(quote.quote_valid_until) })}
          </p>
          {accept.isError && (
            <Alert variant="destructive">
              <AlertDescription>{errorText(t, accept.error)}</AlertDescription>
            </Alert>
          )}
          <Button type="button" size="lg" onClick={() => accept.mutate(quote.id)} disabled={accept.isPending}>
            {t("quote.accept")}
          </Button>
        </section>
      )}
    </div>
  );
}
