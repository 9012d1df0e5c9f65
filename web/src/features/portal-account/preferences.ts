/**
 * The notification preferences form: which topics a customer is asked about (staff topics such
 * as work assigned or alerts never reach a customer, so they are not offered), a draft of the
 * choices, and the entries that changed (the only ones sent: entries not sent keep their value).
 */
import type { Channel, Preference, Topic } from "./api/account";

export const CHANNELS: readonly Channel[] = ["in_app", "email", "sms"];

/** A customer's topics, in the order shown. */
export const CUSTOMER_TOPICS: readonly Topic[] = [
  "claim_updates",
  "assessment_updates",
  "payments",
  "policy_renewals",
  "documents",
  "security",
  "marketing",
];

export type PreferenceKey = `${Channel}/${Topic}`;
export type PreferenceDraft = Readonly<Partial<Record<PreferenceKey, boolean>>>;

export function preferenceKey(channel: Channel, topic: Topic): PreferenceKey {
  return `${channel}/${topic}`;
}

/** The server's matrix as a draft (customer topics only). */
export function draftFrom(matrix: readonly Preference[]): PreferenceDraft {
  const draft: Partial<Record<PreferenceKey, boolean>> = {};
  for (const entry of matrix) {
    if (CUSTOMER_TOPICS.includes(entry.topic)) draft[preferenceKey(entry.channel, entry.topic)] = entry.enabled;
  }
  return draft;
}

export function withChoice(draft: PreferenceDraft, channel: Channel, topic: Topic, enabled: boolean): PreferenceDraft {
  return { ...draft, [preferenceKey(channel, topic)]: enabled };
}

/** The entries whose choice differs from the server's, in a stable order (what a save sends). */
export function changedPreferences(matrix: readonly Preference[], draft: PreferenceDraft): Preference[] {
  const saved = draftFrom(matrix);
  const changed: Preference[] = [];
  for (const topic of CUSTOMER_TOPICS) {
    for (const channel of CHANNELS) {
      const key = preferenceKey(channel, topic);
      const chosen = draft[key];
      if (chosen !== undefined && saved[key] !== undefined && chosen !== saved[key]) {
        changed.push({ channel, topic, enabled: chosen });
      }
    }
  }
  return changed;
}

/** The topics the server knows, in the customer's order (a topic the server lacks is not shown). */
export function shownTopics(matrix: readonly Preference[]): Topic[] {
  const known = new Set(matrix.map((entry) => entry.topic));
  return CUSTOMER_TOPICS.filter((topic) => known.has(topic));
}
