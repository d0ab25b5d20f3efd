/**
 * Every browser test fails when a page threw an uncaught error or wrote a console error during it
 * (test/e2e/browser.ts watches every page its browsers open). A test that provokes an error on
 * purpose takes it with takePageProblems() and asserts on it.
 */
import { afterEach, expect } from "vitest";
import { takePageProblems } from "./browser";

afterEach(() => {
  expect(takePageProblems(), "fejl i browseren under testen").toEqual([]);
});
