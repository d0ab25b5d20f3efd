/**
 * The Indstillinger page's state hook: the policy draft, its validation, confirmation and saving;
 * the language; and writing indicator columns. No rendering here.
 */
import { useEffect, useState } from "react";
import { policyFromJson, RANDERSMODELLEN_2_0, type Policy } from "../../../core/policy";
import { usePort, useI18n, useWorkbook } from "../../context";
import { LANGUAGES, loadStrings } from "../../i18n/strings";
import { policyTitle } from "../../state/reasonText";
import { useConfirm } from "../../components/ConfirmProvider";
import type { NoticeValue } from "../../components/Notice";
import { describeIndicatorColumns } from "../../actions/plans";
import type { PolicyDraft, SettingsState } from "./SettingsPage.types";
import { savePolicyQuestion, settingsMessages } from "./settingsMessages";

/** The draft of a policy: its numbers as the Danish user types them. */
export function draftOf(policy: Policy): PolicyDraft {
  return {
    limitPct: String(policy.limitPct).replace(".", ","),
    maxYears: String(policy.maxYears),
    base: policy.base,
    includeCarried: policy.includeCarried,
    requirementTexts: policy.requirementTexts,
  };
}

/** A number typed the Danish way ("5,5") or the English way ("5.5"); NaN otherwise. */
export function parseTypedNumber(text: string): number {
  const normalised = text.trim().replace(/\s/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** The Indstillinger page's state. */
export function useSettingsState(): SettingsState {
  const { strings, language, setLanguage } = useI18n();
  const workbook = useWorkbook();
  const port = usePort();
  const confirm = useConfirm();
  const messages = settingsMessages(strings);
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(workbook.policy));
  const [busy, setBusy] = useState(false);
  const [policyNotice, setPolicyNotice] = useState<NoticeValue | null>(null);
  const [indicatorNotice, setIndicatorNotice] = useState<NoticeValue | null>(null);
  const readings = (workbook.scan?.sheets ?? []).filter((r) => r.explained !== null && r.units.length > 0);
  const [indicatorSheet, setIndicatorSheet] = useState<string>(readings[0]?.sheet ?? "");

  // Reset the form only when the stored policy's value changes: a re-read that yields an equal
  // policy (a new object) must not throw away what the user is typing (keyed on the value).
  const policyKey = JSON.stringify(workbook.policy);
  useEffect(() => setDraft(draftOf(workbook.policy)), [policyKey]);
  // The other language's dictionary is fetched only here, where it may be chosen, so switching is instant.
  useEffect(() => {
    for (const other of LANGUAGES) loadStrings(other).catch(() => undefined);
  }, []);

  /** Runs a step with the buttons disabled. */
  const busyWhile = async (step: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await step();
    } finally {
      setBusy(false);
    }
  };

  const savePolicy = async (): Promise<void> => {
    let policy: Policy;
    try {
      policy = policyFromJson({
        name: workbook.policy.name,
        limitPct: parseTypedNumber(draft.limitPct),
        maxYears: parseTypedNumber(draft.maxYears),
        base: draft.base,
        includeCarried: draft.includeCarried,
        requirementTexts: draft.requirementTexts,
        followUpDates: workbook.policy.followUpDates,
      });
    } catch (error) {
      setPolicyNotice(messages.POLICY_INVALID(error));
      return;
    }
    // The policy is stored in the workbook: it applies to everyone who opens it later. Ask first.
    if (!(await confirm(savePolicyQuestion(strings, policyTitle(policy, strings))))) {
      setPolicyNotice(messages.POLICY_NOT_SAVED);
      return;
    }
    await busyWhile(async () => {
      try {
        await workbook.savePolicy(policy);
        setPolicyNotice(messages.POLICY_SAVED);
      } catch (error) {
        setPolicyNotice(messages.POLICY_FAILED(error));
      }
    });
  };

  const resetPolicy = (): Promise<void> =>
    busyWhile(async () => {
      try {
        await workbook.savePolicy(null);
        setDraft(draftOf(RANDERSMODELLEN_2_0));
        setPolicyNotice(messages.POLICY_RESET);
      } catch (error) {
        setPolicyNotice(messages.POLICY_FAILED(error));
      }
    });

  const chosenSheet = readings.some((r) => r.sheet === indicatorSheet) ? indicatorSheet : (readings[0]?.sheet ?? "");
  const writeIndicators = async (): Promise<void> => {
    const reading = readings.find((r) => r.sheet === chosenSheet);
    const grid = workbook.grids.find((g) => g.name === reading?.sheet);
    if (reading === undefined || grid === undefined) return;
    setIndicatorNotice(null);
    await busyWhile(async () => {
      try {
        await port.patchSheet(describeIndicatorColumns(reading, grid, workbook.policy));
        setIndicatorNotice(messages.INDICATORS_WRITTEN(reading.sheet));
        // The pane's own change to the source sheet: read it again, so "Tallene er ændret" is not shown for it.
        await workbook.refresh();
      } catch (error) {
        setIndicatorNotice(messages.INDICATORS_FAILED(error));
      }
    });
  };

  return {
    strings,
    language,
    setLanguage,
    policy: workbook.policy,
    draft,
    setDraft,
    busy,
    policyNotice,
    dismissPolicyNotice: () => setPolicyNotice(null),
    indicatorNotice,
    dismissIndicatorNotice: () => setIndicatorNotice(null),
    readings,
    indicatorSheet: chosenSheet,
    setIndicatorSheet,
    savePolicy,
    resetPolicy,
    writeIndicators,
  };
}
