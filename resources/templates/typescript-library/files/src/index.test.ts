import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { greet, sum } from "./index.js";

describe("greet", () => {
  it("greets the world by default", () => {
    assert.equal(greet(), "Hello, world!");
  });

  it("trims the name", () => {
    assert.equal(greet("  Ada "), "Hello, Ada!");
  });

  it("rejects an empty name", () => {
    assert.throws(() => greet("   "), RangeError);
  });
});

describe("sum", () => {
  it("adds numbers", () => {
    assert.equal(sum([1, 2, 3]), 6);
  });

  it("returns 0 for an empty list", () => {
    assert.equal(sum([]), 0);
  });
});
