/**
 * The regnskabsår of the plans (the figures' accounts year; repayment starts the year after).
 * Defaults to the workbook model's guess for the time of reading; a typed year is kept for the
 * session. Shared by the Enhed and Alle planer pages.
 */
import { useEffect, useState } from "react";
import { Button, Field, Input } from "@fluentui/react-components";
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
      <Field
        label={t.accountsYear}
        validationState={!valid ? "error" : guessed ? "warning" : "none"}
        validationMessage={!valid ? t.accountsYearInvalid : guessed ? t.accountsYearGuess(workbook.accountsYear) : null}
        hint={valid ? t.accountsYearHint(Number(text) + 1) : null}
      >
        <Input
          inputMode="numeric"
          value={text}
          onChange={(_event, data) => {
            setText(data.value);
            if (isAccountsYear(data.value)) workbook.setAccountsYear(Number(data.value));
          }}
        />
      </Field>
      {guessed && valid ? (
        <Button size="small" onClick={() => workbook.setAccountsYear(Number(text))}>
          {t.accountsYearConfirm(Number(text))}
        </Button>
      ) : null}
    </>
  );
}
