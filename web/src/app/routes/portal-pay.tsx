import { PayView } from "@/features/portal-policies/components/pay-view";
import { useUser } from "@/lib/auth";
import { useT } from "@/lib/i18n";

import { PolicyFrame } from "./portal-policy-frame";

/** `/policies/:id/pay`: pay a policy's next instalment (M-Pesa, card, bank transfer). */
export function Component() {
  const { t } = useT();
  const user = useUser();
  return (
    <PolicyFrame title={() => t("pay.title")}>
      {(policy) => <PayView policy={policy} profilePhone={user.phone} />}
    </PolicyFrame>
  );
}
