import { useEffect, useRef, useState } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n";

/** The little of Stripe.js this form uses (https://docs.stripe.com/js). */
interface StripePaymentElement {
  mount: (element: HTMLElement) => void;
  destroy: () => void;
}
interface StripeElements {
  create: (type: "payment") => StripePaymentElement;
}
interface StripeJs {
  elements: (options: { clientSecret: string; locale?: string }) => StripeElements;
  confirmPayment: (options: {
    elements: StripeElements;
    redirect: "if_required";
    confirmParams: { return_url: string };
  }) => Promise<{ error?: { message?: string } }>;
}
declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
  }
}

/** Stripe.js must come from Stripe's own origin; the server's CSP allows it only when Stripe is the provider. */
const STRIPE_JS = "https://js.stripe.com/v3/";
let loading: Promise<void> | null = null;

function loadStripeJs(): Promise<void> {
  if (window.Stripe) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = STRIPE_JS;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new Error("Stripe.js did not load"));
    };
    document.head.append(script);
  });
  return loading;
}

/**
 * Stripe's hosted card form (the Payment Element) for an intent the server opened: the card number
 * goes from the customer's browser to Stripe only. Confirming answers at once when no bank check is
 * needed, else Stripe shows its own; the outcome reaches this page from Stripe's webhook, live.
 */
export function StripeCardForm({
  publishableKey,
  clientSecret,
  onSubmitted,
}: {
  publishableKey: string;
  clientSecret: string;
  onSubmitted: () => void;
}) {
  const { t, language } = useT();
  const host = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<{ js: StripeJs; elements: StripeElements } | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    let element: StripePaymentElement | null = null;
    let cancelled = false;
    loadStripeJs()
      .then(() => {
        if (cancelled || !window.Stripe || !host.current) return;
        const js = window.Stripe(publishableKey);
        const elements = js.elements({ clientSecret, locale: language === "sw" ? "auto" : "en" });
        element = elements.create("payment");
        element.mount(host.current);
        setStripe({ js, elements });
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      element?.destroy();
    };
  }, [publishableKey, clientSecret, language]);

  async function pay() {
    if (!stripe) return;
    setBusy(true);
    setRefusal(null);
    try {
      const result = await stripe.js.confirmPayment({
        elements: stripe.elements,
        redirect: "if_required",
        confirmParams: { return_url: window.location.href },
      });
      if (result.error) setRefusal(result.error.message ?? t("pay.card.refused"));
      else onSubmitted();
    } finally {
      setBusy(false);
    }
  }

  if (failed) {
    return (
      <Alert variant="warning">
        <AlertDescription>{t("pay.card.providerUnavailable")}</AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-3" data-testid="card-provider-form">
      <div ref={host} className="min-h-24" />
      {refusal && (
        <Alert variant="destructive">
          <AlertDescription>{refusal}</AlertDescription>
        </Alert>
      )}
      <Button type="button" size="lg" onClick={() => void pay()} disabled={!stripe || busy}>
        {stripe ? t("pay.card.confirm") : t("pay.card.loading")}
      </Button>
    </div>
  );
}
