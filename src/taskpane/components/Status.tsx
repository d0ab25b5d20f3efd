/**
 * The light status line of the shell ("Læser projektmappen …"): a small CSS spinner and a text in
 * a live region. Part of the first paint, so it uses no Fluent component and a static stylesheet
 * with Fluent's tokens (see staticStyles.ts).
 */
import { tokens } from "@fluentui/react-components";
import { useStaticStyles } from "./staticStyles";

const CSS = `
.budgetlys-status {
  display: flex; align-items: center; gap: ${tokens.spacingHorizontalS};
  padding: ${tokens.spacingVerticalS} 0;
  color: ${tokens.colorNeutralForeground2};
  font-family: ${tokens.fontFamilyBase}; font-size: ${tokens.fontSizeBase300}; line-height: ${tokens.lineHeightBase300};
}
.budgetlys-status__spinner {
  flex-shrink: 0; width: 16px; height: 16px; box-sizing: border-box;
  border-radius: ${tokens.borderRadiusCircular};
  border: 2px solid ${tokens.colorBrandStroke2}; border-top-color: ${tokens.colorBrandStroke1};
  animation: budgetlys-spin 0.9s linear infinite;
}
@keyframes budgetlys-spin { from { transform: rotate(0deg); } to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .budgetlys-status__spinner { animation-duration: 3s; } }
@media (forced-colors: active) { .budgetlys-status__spinner { border-color: CanvasText; border-top-color: Highlight; } }
`;

/** Props of {@link Status}. */
export interface StatusProps {
  /** What is happening, e.g. "Læser projektmappen …". */
  readonly label: string;
}

/** A busy indicator with its text, announced politely. */
export function Status({ label }: StatusProps): JSX.Element {
  useStaticStyles("status", CSS);
  return (
    <div className="budgetlys-status" role="status">
      <span className="budgetlys-status__spinner" aria-hidden />
      <span>{label}</span>
    </div>
  );
}
