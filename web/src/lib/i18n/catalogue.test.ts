import { en, type MessageKey } from "./en";
import { sw } from "./sw";
import { translate, translateCount } from "./translate";

const keys = Object.keys(en) as MessageKey[];
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Messages that read the same in both languages: names and pure placeholders.
const SAME_IN_BOTH = new Set<MessageKey>(["app.name", "product.reviewBy"]);

describe("the message catalogue", () => {
  it("has every English key in Swahili and no other", () => {
    expect(Object.keys(sw).sort()).toEqual([...keys].sort());
  });

  it("keeps the same {placeholders} in both languages", () => {
    const mismatched = keys.filter((key) => placeholders(en[key]).join() !== placeholders(sw[key]).join());
    expect(mismatched).toEqual([]);
  });

  it("has no empty message and translates every message that is not a name", () => {
    expect(keys.filter((key) => !en[key].trim() || !sw[key].trim())).toEqual([]);
    expect(keys.filter((key) => !SAME_IN_BOTH.has(key) && en[key] === sw[key])).toEqual([]);
  });

  it("gives every counted message both its forms", () => {
    const ones = keys.filter((key) => key.endsWith(".one"));
    expect(ones.length).toBeGreaterThan(0);
    expect(ones.filter((key) => !(key.replace(/\.one$/, ".other") in en))).toEqual([]);
    expect(keys.filter((key) => key.endsWith(".other") && !(key.replace(/\.other$/, ".one") in en))).toEqual([]);
  });
});

describe("translate", () => {
  it("fills the variables and leaves a missing one visible", () => {
    expect(translate("en", "home.greeting", { name: "Amani" })).toBe("Welcome, Amani");
    expect(translate("sw", "home.greeting", { name: "Amani" })).toBe("Karibu, Amani");
    expect(translate("en", "home.greeting")).toBe("Welcome, {name}");
  });

  it("picks the plural form for the count", () => {
    expect(translateCount("en", "rating.count", 1)).toBe("1 review");
    expect(translateCount("en", "rating.count", 0)).toBe("0 reviews");
    expect(translateCount("en", "rating.count", 12)).toBe("12 reviews");
    expect(translateCount("sw", "products.perTerm", 1)).toBe("kwa mwezi 1");
    expect(translateCount("sw", "products.perTerm", 12)).toBe("kwa miezi 12");
  });
});
