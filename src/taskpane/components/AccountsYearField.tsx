/**
 * The regnskabsår of the plans (the figures' accounts year; repayment starts the year after).
 * Defaults to the workbook model's guess for the time of reading; a typed year is kept for the
 * session. Shared by the Enhed and Alle planer pages.
 */
import { useState } from "react";
import { Field, Input } from "@fluentui/react-components";
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
  return (
    <Field
      label={t.accountsYear}
      validationState={valid ? "none" : "error"}
      validationMessage={valid ? null : t.accountsYearInvalid}
      hint={valid ? t.accountsYearHint(Number(text) + 1) : null}
    >
      <Input
        inputMode="numeric"
        value={text}
        onChange={(_event, data) => {
          setText(data.value);
          const ok = isAccountsYear(data.value);
          if (ok) workbook.setAccountsYear(Number(data.value));
          onValidity?.(ok);
        }}
      />
    </Field>
  );
}
