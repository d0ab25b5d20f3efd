/**
 * The Indstillinger page's messages to the user, named once (dinero's habit of message constants):
 * each is a `NoticeValue` built from the dictionary, so the hook says *which* message, never how it
 * reads. The words themselves live in `i18n/da.ts` / `i18n/en.ts`.
 */
import type { NoticeValue } from "../../components/Notice";
import type { Strings } from "../../i18n/strings";
import { describeError } from "../../state/errors";

/** The page's messages in the pane's language. */
export function settingsMessages(strings: Strings) {
  const t = strings.settings;
  const failed = (error: unknown): NoticeValue => ({
    intent: "error",
    title: strings.common.errorTitle,
    body: describeError(error, strings),
  });
  return {
    /** The draft is not a valid policy: the core's reason, nothing saved. */
    POLICY_INVALID: (error: unknown): NoticeValue => ({ intent: "error", body: t.invalid(describeError(error, strings)) }),
    /** The user answered "Gem ikke". */
    POLICY_NOT_SAVED: { intent: "info", body: t.notSaved } satisfies NoticeValue,
    POLICY_SAVED: { intent: "success", body: t.saved } satisfies NoticeValue,
    POLICY_RESET: { intent: "success", body: t.resetDone } satisfies NoticeValue,
    /** Saving or resetting the policy failed (a host error): what happened, nothing lost. */
    POLICY_FAILED: failed,
    INDICATORS_WRITTEN: (sheet: string): NoticeValue => ({ intent: "success", body: t.indicatorsWritten(sheet) }),
    INDICATORS_FAILED: failed,
  } as const;
}

/** The confirmation asked before a policy is stored in the workbook (for every later user). */
export function savePolicyQuestion(strings: Strings, policyName: string) {
  const t = strings.settings;
  return { title: t.confirmTitle, body: t.confirmBody(policyName), confirmLabel: t.confirmSave, cancelLabel: t.confirmCancel };
}
