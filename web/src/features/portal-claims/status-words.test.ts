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
    expect(statusWords({ status: "draft" })).toEqual({ status: "claims.status.draft", next: "claims.next.finish_and_submit" });
    expect(statusWords({ status: "submitted" }).next).toBe("claims.next.agent_reviews");
    expect(statusWords({ status: "assessment" }).next).toBe("claims.next.assessor_contacts");
    expect(statusWords({ status: "approved" }).next).toBe("claims.next.offer_being_prepared");
    expect(statusWords({ status: "rejected" }).next).toBe("claims.next.reply_if_you_disagree");
    expect(statusWords({ status: "settled" }).next).toBe("claims.next.payment_made");
    expect(statusWords({ status: "closed" }).next).toBe("claims.next.nothing_needed");
    expect(statusWords({ status: "withdrawn" }).next).toBe("claims.next.nothing_needed");
    expect(translate("en", statusWords({ status: "under_review" }).status)).toBe("Being reviewed");
    expect(translate("sw", statusWords({ status: "under_review" }).status)).toBe("Linakaguliwa");
  });

  it("asks for documents while some are outstanding, and for an answer to an offer first", () => {
    expect(statusWords({ status: "under_review" }, { documentsAsked: 2 }).next).toBe("claims.next.upload_documents");
    expect(statusWords({ status: "settlement" }, { documentsAsked: 1, offer: "respond" }).next).toBe(
      "claims.next.answer_offer",
    );
    expect(statusWords({ status: "settlement" }, { offer: "accepted" }).next).toBe("claims.next.payment_on_its_way");
    expect(statusWords({ status: "settlement" }, { offer: "declined" }).next).toBe("claims.next.offer_being_prepared");
    expect(statusWords({ status: "settlement" }).next).toBe("claims.next.offer_being_prepared");
    expect(statusWords({ status: "settlement" }, { offer: "accepted", documentsAsked: 1 }).next).toBe(
      "claims.next.upload_documents",
    );
    // A closed claim asks for nothing, whatever is left over
    expect(statusWords({ status: "closed" }, { documentsAsked: 3, offer: "respond" }).next).toBe("claims.next.nothing_needed");
  });

  it("uses the server's customer status and next step when the catalogue knows them", () => {
    const words = statusWords(
      { status: "under_review", customer_status: { code: "assessment", next_step_code: "upload_documents" } },
      { offer: "respond" },
    );
    expect(words).toEqual({ status: "claims.status.assessment", next: "claims.next.upload_documents" });
  });

  it("words every next step the server names, in both languages", () => {
    const steps = [
      "finish_and_submit",
      "agent_reviews",
      "assessor_contacts",
      "offer_being_prepared",
      "answer_offer",
      "payment_on_its_way",
      "upload_documents",
      "payment_made",
      "reply_if_you_disagree",
      "nothing_needed",
    ];
    for (const step of steps) {
      const words = statusWords({ status: "submitted", customer_status: { code: "submitted", next_step_code: step } });
      expect(words.next).toBe(`claims.next.${step}`);
      expect(translate("sw", words.next)).not.toBe(translate("en", words.next));
    }
  });

  it("falls back to the workflow status for codes this version does not know", () => {
    const words = statusWords({
      status: "submitted",
      customer_status: { code: "something_new", next_step_code: "also_new" },
    });
    expect(words).toEqual({ status: "claims.status.submitted", next: "claims.next.agent_reviews" });
  });
});
