import { translate } from "@/lib/i18n";

import type { ClaimStatus } from "./api/claims";
import { statusWords } from "./status-words";

const STATUSES: ClaimStatus[] = [
  "draft",
  "submitted",
  "under_review",
  "assessment",
  "approved",
  "rejected",
  "settlement",
  "settled",
  "closed",
  "withdrawn",
];

describe("a claim's status and next step in words", () => {
  it("has a sentence in English and Swahili, different from each other, for every status", () => {
    for (const status of STATUSES) {
      const words = statusWords({ status });
      for (const key of [words.status, words.next]) {
        expect(translate("en", key)).not.toBe(key);
        expect(translate("sw", key)).not.toBe(translate("en", key));
      }
    }
  });

  it("says what happens next from the workflow status", () => {
    expect(statusWords({ status: "draft" })).toEqual({ status: "claims.status.draft", next: "claims.next.finish_draft" });
    expect(statusWords({ status: "submitted" }).next).toBe("claims.next.await_review");
    expect(statusWords({ status: "assessment" }).next).toBe("claims.next.await_assessment");
    expect(statusWords({ status: "approved" }).next).toBe("claims.next.await_offer");
    expect(statusWords({ status: "rejected" }).next).toBe("claims.next.rejected");
    expect(statusWords({ status: "settled" }).next).toBe("claims.next.paid");
    expect(statusWords({ status: "closed" }).next).toBe("claims.next.none");
    expect(statusWords({ status: "withdrawn" }).next).toBe("claims.next.none");
    expect(translate("en", statusWords({ status: "under_review" }).status)).toBe("Being reviewed");
    expect(translate("sw", statusWords({ status: "under_review" }).status)).toBe("Linakaguliwa");
  });

  it("asks for documents while some are outstanding, and for an answer to an offer first", () => {
    expect(statusWords({ status: "under_review" }, { documentsAsked: 2 }).next).toBe("claims.next.send_documents");
    expect(statusWords({ status: "settlement" }, { documentsAsked: 1, offer: "respond" }).next).toBe(
      "claims.next.respond_offer",
    );
    expect(statusWords({ status: "settlement" }, { offer: "accepted" }).next).toBe("claims.next.await_payment");
    expect(statusWords({ status: "settlement" }, { offer: "declined" }).next).toBe("claims.next.offer_declined");
    expect(statusWords({ status: "settlement" }).next).toBe("claims.next.await_offer");
    // A closed claim asks for nothing, whatever is left over
    expect(statusWords({ status: "closed" }, { documentsAsked: 3, offer: "respond" }).next).toBe("claims.next.none");
  });

  it("uses the server's customer status and next step when the catalogue knows them", () => {
    const words = statusWords(
      { status: "under_review", customer_status: { code: "assessment", next_step_code: "send_documents" } },
      { offer: "respond" },
    );
    expect(words).toEqual({ status: "claims.status.assessment", next: "claims.next.send_documents" });
  });

  it("falls back to the workflow status for codes this version does not know", () => {
    const words = statusWords({
      status: "submitted",
      customer_status: { code: "something_new", next_step_code: "also_new" },
    });
    expect(words).toEqual({ status: "claims.status.submitted", next: "claims.next.await_review" });
  });
});
