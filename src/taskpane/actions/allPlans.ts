/**
 * The "Alle planer" action without React: every plan in batches through the port
 * (`writeSheetsThrough`: Excel writes up to 25 sheets per round trip), then the Oversigt, which
 * links to the plans' final names. The page (`pages/AllPlansPage.tsx`), the tests and
 * `npm run bench` (`bench/syncs.ts`) all run this one function, so the bench counts what the page
 * does.
 *
 * Round trips in Excel for n plans, none existing: 1 + one per batch + 2 for the Oversigt, i.e.
 * 3 + ⌈n ÷ 25⌉ while batches stay under 4 MB. Plans that exist are asked about one by one
 * afterwards — an answer "for all" settles the rest without asking again ("Gælder alle"); those
 * the user replaces go in a second batched write (1 + their batches more).
 */
import { writeSheetsThrough, type BatchItemResult, type WorkbookPort } from "../../core/ports";
import type { SheetDescription } from "../../core/sheetDescription";
import type { WriteOutcome } from "../state/useSheetWriter";

/** One plan to write. */
export interface AllPlansJob {
  readonly label: string;
  /** Its key in the plan registry. */
  readonly key: string;
  /** Throws a Danish error when the core refuses the request. */
  readonly describe: () => SheetDescription;
}

/** Why a plan was not written. */
export type NotWrittenReason =
  | { readonly kind: "cancelled" }
  | { readonly kind: "kept"; readonly existingSheet: string }
  | { readonly kind: "failed"; readonly error: unknown }
  | { readonly kind: "invalid"; readonly error: unknown }
  | { readonly kind: "notAttempted" };

/** What the action did, in the order of the jobs (the Oversigt last). */
export interface AllPlansOutcome {
  readonly written: readonly { readonly label: string; readonly key: string; readonly sheet: string }[];
  readonly skipped: readonly { readonly label: string; readonly reason: NotWrittenReason }[];
}

/**
 * The answer to the replace question: true replaces; `forAll` makes the answer the answer for every
 * plan still to be asked about ("Gælder alle").
 */
export type ReplaceAnswer = boolean | { readonly replace: boolean; readonly forAll: boolean };

/** What the action needs from its caller. */
export interface AllPlansHooks {
  /**
   * Writes the Oversigt (asking before it replaces one, unless `replace` carries an answer given
   * for all): the page's `useSheetWriter`.
   */
  readonly writeOne: (description: SheetDescription, options: { activate: boolean; replace?: boolean }) => Promise<WriteOutcome>;
  /**
   * Asked for each plan that exists already, until an answer is given for all: true replaces it.
   * `remaining` is how many more existing plans would be asked about after this one.
   */
  readonly confirmReplace: (existingSheet: string, remaining: number, description: SheetDescription) => Promise<ReplaceAnswer>;
  /** True stops before the next batch. */
  readonly shouldStop: () => boolean;
  /** Sheets settled so far (of jobs + 1). */
  readonly onProgress: (done: number) => void;
}

type Settled = { readonly kind: "written"; readonly sheet: string } | NotWrittenReason;

function settle(result: BatchItemResult): Settled | { readonly kind: "exists"; readonly existingSheet: string } {
  return result.kind === "written" ? { kind: "written", sheet: result.result.sheetName } : result;
}

/** Runs Alle planer: the plans, then the Oversigt described from the plans' final sheet names. */
export async function writeAllPlans(
  port: WorkbookPort,
  jobs: readonly AllPlansJob[],
  oversigt: {
    readonly label: string;
    readonly key: string;
    /**
     * The Oversigt from the plans' final sheet names and the plan descriptions written in this run
     * (new or replacing a plan): their status is the new plan's, not the record's as read before.
     */
    readonly describe: (planSheets: Readonly<Record<string, string>>, written: readonly SheetDescription[]) => SheetDescription;
  },
  knownPlans: Readonly<Record<string, string>>,
  hooks: AllPlansHooks,
): Promise<AllPlansOutcome> {
  const outcome = new Map<number, Settled>();
  const described: { index: number; description: SheetDescription }[] = [];
  jobs.forEach((job, index) => {
    try {
      described.push({ index, description: job.describe() });
    } catch (error) {
      outcome.set(index, { kind: "invalid", error });
    }
  });
  const invalid = outcome.size;
  hooks.onProgress(invalid);

  const first = await writeSheetsThrough(
    port,
    described.map((d) => d.description),
    { shouldStop: hooks.shouldStop, onProgress: (settled) => hooks.onProgress(invalid + settled) },
  );
  const toReplace: { index: number; description: SheetDescription }[] = [];
  let existing = first.filter((result) => result.kind === "exists").length;
  /** The answer given "for all", once there is one. */
  let forAll: boolean | null = null;
  for (const [i, result] of first.entries()) {
    const { index, description } = described[i] as { index: number; description: SheetDescription };
    const settled = settle(result);
    if (settled.kind !== "exists") {
      outcome.set(index, settled);
      continue;
    }
    existing -= 1;
    if (hooks.shouldStop()) {
      outcome.set(index, { kind: "cancelled" });
      continue;
    }
    let replace = forAll;
    if (replace === null) {
      const answer = await hooks.confirmReplace(settled.existingSheet, existing, description);
      replace = typeof answer === "boolean" ? answer : answer.replace;
      if (typeof answer !== "boolean" && answer.forAll) forAll = answer.replace;
    }
    if (replace) toReplace.push({ index, description });
    else outcome.set(index, { kind: "kept", existingSheet: settled.existingSheet });
  }
  if (toReplace.length > 0) {
    const second = await writeSheetsThrough(
      port,
      toReplace.map((d) => d.description),
      { replaceExisting: true, shouldStop: hooks.shouldStop },
    );
    second.forEach((result, i) => {
      const settled = settle(result);
      const { index } = toReplace[i] as { index: number };
      // A plan that vanished between the two writes is simply written again; "exists" cannot come back.
      outcome.set(index, settled.kind === "exists" ? { kind: "kept", existingSheet: settled.existingSheet } : settled);
    });
  }
  hooks.onProgress(jobs.length);

  const planSheets: Record<string, string> = { ...knownPlans };
  const written: { label: string; key: string; sheet: string }[] = [];
  const writtenDescriptions: SheetDescription[] = [];
  const descriptionOf = new Map(described.map((d) => [d.index, d.description] as const));
  const skipped: { label: string; reason: NotWrittenReason }[] = [];
  jobs.forEach((job, index) => {
    const settled = outcome.get(index) ?? { kind: "notAttempted" };
    if (settled.kind === "written") {
      planSheets[job.key] = settled.sheet;
      written.push({ label: job.label, key: job.key, sheet: settled.sheet });
      const description = descriptionOf.get(index);
      if (description !== undefined) writtenDescriptions.push(description);
    } else {
      skipped.push({ label: job.label, reason: settled });
    }
  });

  if (hooks.shouldStop()) {
    skipped.push({ label: oversigt.label, reason: { kind: "cancelled" } });
  } else {
    try {
      // An answer given "for all" about the plans answers for the Oversigt too.
      const result = await hooks.writeOne(oversigt.describe(planSheets, writtenDescriptions), { activate: true, ...(forAll === null ? {} : { replace: forAll }) });
      if (result.kind === "written") written.push({ label: oversigt.label, key: oversigt.key, sheet: result.result.sheetName });
      else if (result.kind === "kept") skipped.push({ label: oversigt.label, reason: { kind: "kept", existingSheet: result.existingSheet } });
      else skipped.push({ label: oversigt.label, reason: { kind: "failed", error: result.error } });
    } catch (error) {
      skipped.push({ label: oversigt.label, reason: { kind: "invalid", error } });
    }
  }
  hooks.onProgress(jobs.length + 1);
  return { written, skipped };
}
