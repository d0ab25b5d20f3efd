/**
 * One labelled form field of the pages: Fluent's `Field` around an `Input`, a `Select` or a
 * `Textarea`, with the hint and the problem (an error or a warning shown at the field) in one
 * place — instead of the same `Field`/`validationState`/`validationMessage`/`onChange` lines on
 * every page. And {@link FieldGrid}: fields two by two whose controls stay level when one label (or
 * hint) wraps to more lines than the other.
 *
 * Props follow Fluent's habit: the control is a union (`control.kind`), not exclusive booleans;
 * `onChange` gets the new text only.
 */
import type { ReactNode } from "react";
import { Field, Input, makeStyles, mergeClasses, Radio, RadioGroup, Select, Textarea, tokens } from "@fluentui/react-components";

/** A one-line text input. */
export interface InputControl {
  readonly kind: "input";
  /** @default "text" */
  readonly type?: "text" | "number" | "search";
  /** The on-screen keyboard (e.g. "decimal" for "5,5"). @default undefined */
  readonly inputMode?: "decimal" | "numeric";
  /** Bounds of a number input. @default undefined */
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  /** @default false */
  readonly readOnly?: boolean;
  /** The input's own class (e.g. a narrow years box). @default undefined */
  readonly className?: string;
}

/** A list to choose from. */
export interface SelectControl {
  readonly kind: "select";
  /** The options in the order shown; `value` is what `onChange` gets. */
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

/**
 * A few choices as radio buttons: every label is shown whole and wraps in a narrow pane (a list
 * cuts its chosen label at the control's width).
 */
export interface RadioControl {
  readonly kind: "radio";
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

/** A text area that grows vertically. */
export interface TextareaControl {
  readonly kind: "textarea";
  /** @default 2 */
  readonly rows?: number;
}

/** What a field shows below its control: a problem with the value. */
export interface FieldProblem {
  readonly intent: "error" | "warning";
  readonly text: string;
}

/** Props of {@link FormField}. */
export interface FormFieldProps {
  readonly label: string;
  readonly control: InputControl | SelectControl | RadioControl | TextareaControl;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A line under the control (the default, the bounds, …). @default null */
  readonly hint?: string | null;
  /** A problem with the value, shown at the field; an error marks the control invalid. @default null */
  readonly problem?: FieldProblem | null;
  /** @default false */
  readonly required?: boolean;
  /** @default false */
  readonly disabled?: boolean;
  /** The field's own class (e.g. spanning both columns of a grid). @default undefined */
  readonly className?: string;
}

const useStyles = makeStyles({
  // A select may shrink below its longest option in a narrow pane.
  select: { minWidth: 0, width: "100%", "& select": { minWidth: 0 } },
});

/** Classes for the children of a {@link FieldGrid}. */
export const useFieldGridStyles = makeStyles({
  // Two columns of fields. Each Fluent Field is a grid of label, control, message and hint; with
  // subgrid the fields of one grid row share those four rows, so their controls are level however
  // the labels (or hints) wrap.
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gridAutoRows: "auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: 0,
    "& > .fui-Field": { gridRow: "span 4", gridTemplateRows: "subgrid", minWidth: 0 },
    // The short label sits right above its control; rows of fields are apart by the labels' padding.
    "& > .fui-Field > .fui-Field__label": { alignSelf: "end", marginTop: tokens.spacingVerticalXS },
    // Anything else (e.g. a confirm button) gets a row of its own.
    "& > :not(.fui-Field)": { gridColumn: "1 / -1", justifySelf: "start", marginTop: tokens.spacingVerticalXS },
    // A text input's natural width (its size attribute) must not push the second field out.
    "& .fui-Input": { minWidth: 0, maxWidth: "100%" },
    "& input": { minWidth: 0, width: "100%" },
  },
  /** A field across both columns. */
  wide: { gridColumn: "1 / -1" },
});

/** A labelled input, list or text area. */
export function FormField(props: FormFieldProps): JSX.Element {
  const styles = useStyles();
  const { control, problem = null } = props;
  const onText = (_event: unknown, data: { readonly value: string }): void => props.onChange(data.value);
  const common = { value: props.value, disabled: props.disabled ?? false };
  let element: JSX.Element;
  switch (control.kind) {
    case "input":
      element = (
        <Input
          {...common}
          type={control.type ?? "text"}
          {...(control.inputMode === undefined ? {} : { inputMode: control.inputMode })}
          {...(control.min === undefined ? {} : { min: control.min })}
          {...(control.max === undefined ? {} : { max: control.max })}
          {...(control.step === undefined ? {} : { step: control.step })}
          readOnly={control.readOnly ?? false}
          {...(control.className === undefined ? {} : { className: control.className })}
          onChange={onText}
        />
      );
      break;
    case "select":
      element = (
        <Select {...common} className={styles.select} onChange={onText}>
          {control.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      );
      break;
    case "radio":
      element = (
        <RadioGroup {...common} onChange={onText}>
          {control.options.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </RadioGroup>
      );
      break;
    case "textarea":
      element = <Textarea {...common} rows={control.rows ?? 2} resize="vertical" onChange={onText} />;
      break;
  }
  return (
    <Field
      label={props.label}
      hint={props.hint ?? null}
      required={props.required ?? false}
      validationState={problem?.intent ?? "none"}
      validationMessage={problem?.text ?? null}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      {element}
    </Field>
  );
}

/**
 * Fields two by two (a field with `useFieldGridStyles().wide` takes a whole row), their controls
 * level however their labels wrap in a narrow pane.
 */
export function FieldGrid({ children, className }: { readonly children: ReactNode; readonly className?: string }): JSX.Element {
  const styles = useFieldGridStyles();
  return <div className={mergeClasses(styles.grid, className)}>{children}</div>;
}
