import { PolicyDetail } from "@/features/portal-policies/components/policy-detail";
import { useT } from "@/lib/i18n";

import { PolicyFrame } from "./portal-policy-frame";

/** `/policies/:id`: one policy, its history, schedule, payments and what can be done with it. */
export function Component() {
  const { t } = useT();
  return (
    <PolicyFrame title={(policy) => (policy ? `${policy.product} · ${policy.policy_number}` : t("policies.title"))}>
      {(policy) => <PolicyDetail key={policy.id} policy={policy} />}
    </PolicyFrame>
  );
}
