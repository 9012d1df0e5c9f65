import type { Preference } from "./api/account";
import { changedPreferences, CUSTOMER_TOPICS, draftFrom, shownTopics, withChoice } from "./preferences";

const matrix: Preference[] = [
  { channel: "in_app", topic: "claim_updates", enabled: true },
  { channel: "email", topic: "claim_updates", enabled: true },
  { channel: "sms", topic: "claim_updates", enabled: false },
  { channel: "email", topic: "marketing", enabled: false },
  { channel: "in_app", topic: "assignments", enabled: true },
  { channel: "in_app", topic: "alerts", enabled: true },
];

describe("notification preferences form", () => {
  it("offers a customer only customer topics, in their order", () => {
    expect(shownTopics(matrix)).toEqual(["claim_updates", "marketing"]);
    expect(CUSTOMER_TOPICS).not.toContain("assignments");
    expect(draftFrom(matrix)).not.toHaveProperty("in_app/assignments");
  });

  it("sends nothing until a choice differs from what is saved", () => {
    const draft = draftFrom(matrix);
    expect(changedPreferences(matrix, draft)).toEqual([]);
    // Ticked and unticked again: no change to send.
    const back = withChoice(withChoice(draft, "sms", "claim_updates", true), "sms", "claim_updates", false);
    expect(changedPreferences(matrix, back)).toEqual([]);
  });

  it("sends exactly the entries that changed, in a stable order", () => {
    let draft = draftFrom(matrix);
    draft = withChoice(draft, "email", "marketing", true);
    draft = withChoice(draft, "sms", "claim_updates", true);
    expect(changedPreferences(matrix, draft)).toEqual([
      { channel: "sms", topic: "claim_updates", enabled: true },
      { channel: "email", topic: "marketing", enabled: true },
    ]);
  });

  it("never sends a topic or channel the server did not offer", () => {
    const draft = withChoice(draftFrom(matrix), "sms", "payments", true);
    expect(changedPreferences(matrix, draft)).toEqual([]);
  });
});
