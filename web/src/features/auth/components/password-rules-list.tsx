import { Check, Circle, X } from "lucide-react";

import { cn } from "@/lib/cn";
import { useT, type MessageKey } from "@/lib/i18n";

import { checkPassword, MIN_PASSWORD_LENGTH, type RuleState } from "../password-rules";

const ICONS = { met: Check, unmet: X, unknown: Circle } as const;

/** The password rules, shown before the form is sent, each marked as the customer types. */
export function PasswordRulesList({
  id,
  password,
  email = "",
  name = "",
}: {
  id: string;
  password: string;
  email?: string;
  name?: string;
}) {
  const { t } = useT();
  const checks = checkPassword(password, { email, name });
  const rules: [MessageKey, RuleState][] = [
    ["register.rule.length", checks.length],
    ["register.rule.numeric", checks.numeric],
    ["register.rule.similar", checks.similar],
    ["register.rule.common", "unknown"],
  ];
  return (
    <div id={id} className="rounded-md border bg-muted/40 p-3 text-sm">
      <p className="mb-1.5 font-medium">{t("register.rulesTitle")}</p>
      <ul className="flex flex-col gap-1">
        {rules.map(([key, state]) => {
          const Icon = ICONS[state];
          return (
            <li key={key} className="flex items-start gap-2">
              <Icon
                aria-hidden="true"
                className={cn(
                  "mt-0.5 size-4 shrink-0",
                  state === "met" && "text-green-700",
                  state === "unmet" && password && "text-destructive",
                  (state === "unknown" || !password) && "text-muted-foreground",
                )}
              />
              <span>
                {t(key, { min: MIN_PASSWORD_LENGTH })}
                {state !== "unknown" && password && (
                  <span className="sr-only"> ({t(state === "met" ? "register.ruleMet" : "register.ruleNotMet")})</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
