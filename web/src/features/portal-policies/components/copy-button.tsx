import { Check, Copy } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n";

/** Copies `value` to the clipboard; says "Copied" for a moment (and to screen readers). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false); // clipboard refused (no permission): the value is on screen to copy by hand
    }
  }
  return (
    <>
      <Button type="button" variant="outline" size="sm" onClick={() => void copy()}>
        {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
        {copied ? t("pay.copied") : t("pay.copyShort")}
        <span className="sr-only">{label}</span>
      </Button>
      <span className="sr-only" aria-live="polite">
        {copied ? t("pay.copiedWhat", { what: label }) : ""}
      </span>
    </>
  );
}
