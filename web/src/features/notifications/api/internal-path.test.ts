import { internalPath } from "./notifications";

describe("internalPath", () => {
  it("keeps the application's own paths", () => {
    expect(internalPath("/claims/3f2504e0-4f89-11d3-9a0c-0305e82c3301")).toBe("/claims/3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    expect(internalPath("/alerts")).toBe("/alerts");
  });
  it("refuses anything that would leave the site", () => {
    expect(internalPath("https://example.com/claims")).toBeNull();
    expect(internalPath("//example.com/claims")).toBeNull();
    expect(internalPath("/\\example.com")).toBeNull();
    expect(internalPath("javascript:alert(1)")).toBeNull();
    expect(internalPath("")).toBeNull();
  });
});
