/**
 * Alle planer's replace question (`writeAllPlans`): an answer "for all" ("Gælder alle") settles
 * every later existing plan — and the Oversigt — without asking again; before it, each existing
 * plan is asked about once, with the number still to come.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { writeAllPlans, type AllPlansJob, type ReplaceAnswer } from "../../src/taskpane/actions/allPlans";
import { planRegistryKey } from "../../src/core/ports";
import type { SheetDescription } from "../../src/core/sheetDescription";
import type { WriteOutcome } from "../../src/taskpane/state/useSheetWriter";
import { MemoryWorkbookPort } from "./memoryPort";

function plan(i: number): SheetDescription {
  return { kind: "handleplan", name: `HP Enhed ${i}`, unitKey: `id:${i}`, cells: [] };
}

const OVERSIGT: SheetDescription = { kind: "oversigt", name: "Oversigt", cells: [] };

describe("writeAllPlans: the replace question", () => {
  it("asks each existing plan until an answer is given for all, then applies it to the rest and the Oversigt", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Which of the plans exist already, and the answers the user gives in turn.
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ replace: fc.boolean(), forAll: fc.boolean() }), { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        async (exists, answers, oversigtExists) => {
          const port = new MemoryWorkbookPort([]);
          for (const [i, e] of exists.entries()) if (e) await port.writeSheet(plan(i));
          if (oversigtExists) await port.writeSheet(OVERSIGT);
          const jobs: AllPlansJob[] = exists.map((_e, i) => ({ label: `Enhed ${i}`, key: planRegistryKey("handleplan", `id:${i}`), describe: () => plan(i) }));
          const asked: { sheet: string; remaining: number }[] = [];
          let oversigtReplace: boolean | undefined = undefined;
          const outcome = await writeAllPlans(
            port,
            jobs,
            { label: "Oversigt", key: planRegistryKey("oversigt"), describe: () => OVERSIGT },
            {},
            {
              confirmReplace: async (sheet, remaining): Promise<ReplaceAnswer> => {
                const answer = answers[asked.length] as { replace: boolean; forAll: boolean };
                asked.push({ sheet, remaining });
                return answer;
              },
              writeOne: async (description, options): Promise<WriteOutcome> => {
                oversigtReplace = options.replace;
                try {
                  return { kind: "written", result: await port.writeSheet(description, { activate: true }) };
                } catch {
                  if (options.replace === true) return { kind: "written", result: await port.writeSheet(description, { replaceExisting: true }) };
                  return { kind: "kept", existingSheet: description.name };
                }
              },
              shouldStop: () => false,
              onProgress: () => undefined,
            },
          );
          const existing = exists.flatMap((e, i) => (e ? [i] : []));
          const firstForAll = answers.findIndex((a) => a.forAll);
          const askedCount = firstForAll === -1 ? existing.length : Math.min(existing.length, firstForAll + 1);
          // Asked in order, once each, until the answer for all; the count says how many follow.
          expect(asked).toEqual(existing.slice(0, askedCount).map((i, n) => ({ sheet: `HP Enhed ${i}`, remaining: existing.length - n - 1 })));
          const expected = existing.map((_i, n) => (n < askedCount ? (answers[n] as { replace: boolean }).replace : (answers[firstForAll] as { replace: boolean }).replace));
          const kept = new Set(outcome.skipped.map((line) => line.label));
          existing.forEach((i, n) => expect(kept.has(`Enhed ${i}`)).toBe(!expected[n]));
          // Plans that did not exist are written; every plan exists once.
          expect(port.sheets.filter((s) => s.description.kind === "handleplan").map((s) => s.name).sort()).toEqual(exists.map((_e, i) => `HP Enhed ${i}`).sort());
          // The Oversigt gets the answer given for all, if one was given about a plan.
          const forAllGiven = firstForAll !== -1 && firstForAll < existing.length;
          expect(oversigtReplace).toEqual(
            forAllGiven ? (answers[firstForAll] as { replace: boolean }).replace : undefined,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
