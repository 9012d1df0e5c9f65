/**
 * The payouts desk (/payouts): a settlement paid above the agent's payout authority waits; a
 * supervisor releases it (one request, with an Idempotency-Key, however often clicked), puts it in a
 * bank payout file, downloads the file, and reconciles the bank's statement: the line paying it is
 * paid, the bank's second line for it a duplicate, a line for nothing unmatched. A cheque is
 * confirmed by hand with its number. Agents have no such page. Checked with axe, at a desktop's and a phone's size.
 */
import { readFile } from "node:fs/promises";

import { apiGet, apiPost, fileClaim, offerSettlement, paySettlement } from "./api-helpers";
import { expect, expectAccessible, signIn, test } from "./fixtures";

interface Settlement {
  id: string;
  paid_transaction: string | null;
}
interface Payout {
  id: string;
  reference: string;
  status: string;
  payout_stage: string;
}

const AMOUNT = "250000.00"; // above the agent's payout authority (200,000), within the supervisor's

test.describe("payouts", () => {
  test("a supervisor releases a held payout, files it for the bank and reconciles the statement", async ({ page, request }) => {
    test.setTimeout(120_000);
    const claim = await fileClaim(request, "e2e payouts: a settlement above the agent's authority");
    const settlementId = await offerSettlement(
      request,
      claim.id,
      { amount: AMOUNT, payee: "Wanjiru Kamau", method: "bank_transfer" },
      "supervisor",
    );
    await apiPost(
      request,
      "customer",
      `/api/claims/${claim.id}/settlement/${settlementId}/response/`,
      { decision: "accept" },
      { "Idempotency-Key": crypto.randomUUID() },
    );
    await paySettlement(request, claim.id, settlementId);
    const settlements = await apiGet<Settlement[]>(request, "supervisor", `/api/claims/${claim.id}/settlement/`);
    const payoutId = settlements.find((settlement) => settlement.id === settlementId)!.paid_transaction!;
    const held = await apiGet<Payout>(request, "supervisor", `/api/payments/transactions/${payoutId}/`);
    expect(held.payout_stage).toBe("awaiting_approval");

    await signIn(page, "supervisor", "/payouts?view=awaiting");
    await expect(page.getByRole("heading", { name: "Payouts", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Awaiting release" })).toHaveAttribute("aria-pressed", "true");
    const row = page.getByTestId("payout-row").filter({ hasText: held.reference });
    await expect(row).toContainText("Awaiting release");
    await expect(row).toContainText("KES 250,000.00");
    await expect(row).toContainText("Wanjiru Kamau");
    await expect(row).toContainText("Bank transfer");
    await expect(row.getByRole("link", { name: claim.claim_number })).toHaveAttribute("href", `/claims/${claim.id}?tab=money`);
    await expectAccessible(page);

    // Release: a confirm dialog; a double click sends one request, with a key.
    const releases: (string | undefined)[] = [];
    page.on("request", (sent) => {
      if (sent.method() === "POST" && sent.url().endsWith(`/transactions/${payoutId}/payout/release/`)) {
        releases.push(sent.headers()["idempotency-key"]);
      }
    });
    await row.getByRole("button", { name: `Release ${held.reference}` }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("KES 250,000.00 to Wanjiru Kamau by Bank transfer");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Release payout" }).dblclick();
    await expect(dialog).toBeHidden();
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatch(/^[0-9a-f-]{36}$/);
    await expect(row).toHaveCount(0); // no longer waiting

    await page.getByRole("button", { name: "Pending", exact: true }).click();
    await expect(page).toHaveURL(/view=pending/);
    await expect(page.getByTestId("payout-row").filter({ hasText: held.reference })).toContainText("Ready to send");

    // The bank file: made with a key, then downloaded; it holds the payout.
    const made = page.waitForRequest((sent) => sent.method() === "POST" && sent.url().endsWith("/api/payments/payout-batches/"));
    await page.getByRole("button", { name: "Make bank file" }).click();
    expect((await made).headers()["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    const summary = page.getByTestId("batch-made");
    await expect(summary).toContainText(/File PB\w+ made/);
    const reference = (await summary.textContent())!.match(/File (PB\w+) made/)![1]!;
    await expect(page.getByTestId("payout-row").filter({ hasText: held.reference })).toContainText("In a bank file");
    const download = page.waitForEvent("download");
    await page.getByRole("row").filter({ hasText: reference }).getByRole("button", { name: `Download ${reference}` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${reference}.csv`);
    const csv = await readFile(await file.path(), "utf8");
    expect(csv).toContain(held.reference);
    expect(csv).toContain(AMOUNT);

    // The bank's statement: the debit pays it, the bank's second line for it is a duplicate, a stray line matches nothing.
    const stamp = Date.now();
    const statement = [
      "date,reference,amount,currency,bank_reference",
      `2026-11-30,${held.reference},-${AMOUNT},KES,E2E-OUT-${stamp}-1`,
      `2026-11-30,${held.reference},-${AMOUNT},KES,E2E-OUT-${stamp}-2`,
      `2026-11-30,PBNOSUCHPAY${stamp},-100.00,KES,E2E-OUT-${stamp}-3`,
    ].join("\n");
    await page.getByLabel("Bank statement").setInputFiles({ name: "statement.csv", mimeType: "text/csv", buffer: Buffer.from(statement) });
    await page.getByRole("button", { name: "Reconcile" }).click();
    await expect(page.getByTestId("reconcile-summary")).toContainText("3 lines: 1 paid");
    await expect(page.getByTestId("reconcile-summary")).toContainText("1 duplicate");
    await expect(page.getByTestId("reconcile-summary")).toContainText("1 unmatched");
    const lines = page.getByTestId("statement-line");
    await expect(lines.nth(0)).toContainText("Paid");
    await expect(lines.nth(1)).toContainText("Duplicate");
    await expect(lines.nth(2)).toContainText("Unmatched");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Paid", exact: true }).click();
    await expect(page.getByTestId("payout-row").filter({ hasText: held.reference })).toContainText("Paid");
    const paid = await apiGet<Payout>(request, "supervisor", `/api/payments/transactions/${payoutId}/`);
    expect(paid.status).toBe("succeeded");

    // At a phone's size: the page fits, each payout is a card with its amount and payee in view.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("heading", { name: "Payouts", level: 1 })).toBeVisible();
    const card = page.getByTestId("payout-card").filter({ hasText: held.reference });
    await card.scrollIntoViewIfNeeded();
    await expect(card).toContainText("Paid");
    const box = await card.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
  });

  test("a supervisor confirms a cheque finance wrote: the claim is settled", async ({ page, request }) => {
    test.setTimeout(90_000);
    const claim = await fileClaim(request, "e2e payouts: a settlement by cheque");
    const settlementId = await offerSettlement(request, claim.id, { amount: "5000.00", payee: "Otieno Garage", method: "cheque" });
    await apiPost(
      request,
      "customer",
      `/api/claims/${claim.id}/settlement/${settlementId}/response/`,
      { decision: "accept" },
      { "Idempotency-Key": crypto.randomUUID() },
    );
    await paySettlement(request, claim.id, settlementId);
    const settlements = await apiGet<Settlement[]>(request, "supervisor", `/api/claims/${claim.id}/settlement/`);
    const payoutId = settlements.find((settlement) => settlement.id === settlementId)!.paid_transaction!;
    const cheque = await apiGet<Payout>(request, "supervisor", `/api/payments/transactions/${payoutId}/`);
    expect(cheque.payout_stage).toBe("confirming");

    await signIn(page, "supervisor", "/payouts?view=pending");
    const row = page.getByTestId("payout-row").filter({ hasText: cheque.reference });
    await expect(row).toContainText("Awaiting confirmation");
    await expect(row).toContainText("Cheque");
    await row.getByRole("button", { name: `Confirm ${cheque.reference} paid` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Confirm paid" }).click();
    await expect(dialog.getByText("Give the cheque's number.")).toBeVisible();
    await expectAccessible(page);
    const confirmed = page.waitForRequest((sent) => sent.method() === "POST" && sent.url().endsWith(`/transactions/${payoutId}/payout/`));
    await dialog.getByLabel("Cheque number (required)").fill(`CHQ-${Date.now()}`);
    await dialog.getByRole("button", { name: "Confirm paid" }).click();
    expect((await confirmed).headers()["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(0); // no longer pending
    await page.getByRole("button", { name: "Paid", exact: true }).click();
    await expect(page.getByTestId("payout-row").filter({ hasText: cheque.reference })).toContainText("Paid");
    const settled = await apiGet<{ status: string }>(request, "supervisor", `/api/claims/${claim.id}/`);
    expect(settled.status).toBe("settled");
  });

  test("an agent has no payouts page and no link to it", async ({ page }) => {
    await signIn(page, "agent", "/payouts");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Payouts" })).toHaveCount(0);
  });

  test("an empty view says so", async ({ page }) => {
    await signIn(page, "admin", "/payouts?view=failed");
    const empty = page.getByTestId("payouts-empty");
    const rows = page.getByTestId("payout-row");
    await expect(empty.or(rows.first())).toBeVisible();
    if (await empty.isVisible()) await expect(empty).toHaveText("No payout has failed.");
    else await expect(rows.first()).toContainText("Failed");
    await expectAccessible(page);
  });
});
