/**
 * The regnskabsår of the plans (the figures' accounts year; repayment starts the year after).
 * Defaults to the workbook model's guess for the time of reading; a typed year is kept for the
 * session. Shared by the Enhed and Alle planer pages.
 */
import { useEffect, useState } from "react";
import { Button } from "@fluentui/react-components";
import { FormField } from "./FormField";
import { useStrings, useWorkbook } from "../context";

/** A year the plans accept. */
export function isAccountsYear(text: string): boolean {
  return /^\d{4}$/.test(text.trim()) && Number(text) >= 1900 && Number(text) <= 9998;
}

/** The field; `onValidity` tells the page whether plans may be written. */
export function AccountsYearField({ onValidity }: { readonly onValidity?: (valid: boolean) => void }): JSX.Element {
  const t = useStrings().common;
  const workbook = useWorkbook();
  const [text, setText] = useState(String(workbook.accountsYear));
  const valid = isAccountsYear(text);
  // Nothing is written from a guess: while no sheet states the year, the user must confirm it.
  const guessed = workbook.accountsYearGuessed;
  useEffect(() => onValidity?.(valid && !guessed), [valid, guessed, onValidity]);
  return (
    <>
      <FormField
        label={t.accountsYear}
        problem={!valid ? { intent: "error", text: t.accountsYearInvalid } : guessed ? { intent: "warning", text: t.accountsYearGuess(workbook.accountsYear) } : null}
        hint={valid ? t.accountsYearHint(Number(text) + 1) : null}
        control={{ kind: "input", inputMode: "numeric" }}
        value={text}
        onChange={(value) => {
          setText(value);
          if (isAccountsYear(value)) workbook.setAccountsYear(Number(value));
        }}
      />
      {guessed && valid ? (
        <Button size="small" onClick={() => workbook.setAccountsYear(Number(text))}>
          {t.accountsYearConfirm(Number(text))}
        </Button>
      ) : null}
    </>
  );
}
