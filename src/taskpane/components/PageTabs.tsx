/**
 * The shell's page tabs: a WAI-ARIA tab list (`role="tablist"` with `role="tab"` buttons) that
 * looks like Fluent's small `TabList` (its styles as a static stylesheet with Fluent's tokens). Fluent's own brings tabster (its focus manager, ~25 KB
 * gzipped) into the first paint for what is here a roving tabindex and four keys:
 * ←/→ move the focus (wrapping), Home/End go to the first/last tab, Enter/Space choose.
 * The chosen tab is the only tab stop, so Tab moves on into the page.
 */
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { tokens } from "@fluentui/react-components";
import { useStaticStyles } from "./staticStyles";

/** Props of {@link PageTabs}. */
export interface PageTabsProps<T extends string> {
  /**
   * The tabs in order, each with its value and label. With an `icon`, the tab shows the icon only;
   * `label` stays its accessible name and tooltip.
   */
  readonly tabs: readonly { readonly value: T; readonly label: string; readonly icon?: ReactNode }[];
  /** The chosen tab. */
  readonly selected: T;
  readonly onSelect: (value: T) => void;
  /** The tab list's accessible name. */
  readonly label: string;
}

const CSS = `
.budgetlys-tabs { display: flex; flex-wrap: wrap; align-items: stretch; }
.budgetlys-tab__hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.budgetlys-tab {
  position: relative; display: inline-flex; align-items: center; justify-content: center;
  padding: ${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalXS}; margin: 0;
  border: none; border-radius: ${tokens.borderRadiusMedium};
  background-color: ${tokens.colorTransparentBackground}; color: ${tokens.colorNeutralForeground2};
  font-family: ${tokens.fontFamilyBase}; font-size: ${tokens.fontSizeBase300};
  line-height: ${tokens.lineHeightBase300}; font-weight: ${tokens.fontWeightRegular};
  cursor: pointer; outline-style: none;
}
.budgetlys-tab:hover { background-color: ${tokens.colorTransparentBackgroundHover}; color: ${tokens.colorNeutralForeground2Hover}; }
.budgetlys-tab:active { background-color: ${tokens.colorTransparentBackgroundPressed}; color: ${tokens.colorNeutralForeground2Pressed}; }
.budgetlys-tab::after {
  content: ""; position: absolute; bottom: 0;
  left: ${tokens.spacingHorizontalSNudge}; right: ${tokens.spacingHorizontalSNudge};
  height: ${tokens.strokeWidthThick}; border-radius: ${tokens.borderRadiusCircular};
  background-color: ${tokens.colorTransparentStroke};
}
.budgetlys-tab:hover::after { background-color: ${tokens.colorNeutralStroke1Hover}; }
.budgetlys-tab:focus-visible {
  box-shadow: ${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2};
  outline: ${tokens.strokeWidthThick} solid transparent; z-index: 1;
}
.budgetlys-tab[aria-selected="true"] { color: ${tokens.colorNeutralForeground1}; font-weight: ${tokens.fontWeightSemibold}; }
.budgetlys-tab[aria-selected="true"]:hover { color: ${tokens.colorNeutralForeground1Hover}; }
.budgetlys-tab[aria-selected="true"]::after { background-color: ${tokens.colorCompoundBrandStroke}; }
.budgetlys-tab[aria-selected="true"]:hover::after { background-color: ${tokens.colorCompoundBrandStrokeHover}; }
/* A hidden semibold copy of the label keeps each tab as wide as when chosen: choosing never shifts the others. */
.budgetlys-tab__label { display: inline-flex; flex-direction: column; align-items: center; }
.budgetlys-tab__label::after {
  content: attr(data-text); height: 0; overflow: hidden; visibility: hidden;
  font-weight: ${tokens.fontWeightSemibold};
}
@media (forced-colors: active) {
  .budgetlys-tab:hover::after { background-color: Highlight; }
  .budgetlys-tab:focus-visible { outline-color: Highlight; }
  .budgetlys-tab[aria-selected="true"]::after, .budgetlys-tab[aria-selected="true"]:hover::after { background-color: ButtonText; }
}
`;

/** A tab list that chooses one of `tabs`. */
export function PageTabs<T extends string>({ tabs, selected, onSelect, label }: PageTabsProps<T>): JSX.Element {
  useStaticStyles("tabs", CSS);
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? []);
    const at = buttons.findIndex((button) => button === document.activeElement);
    if (at < 0 || buttons.length === 0) return;
    const last = buttons.length - 1;
    const next =
      event.key === "ArrowRight" ? (at === last ? 0 : at + 1)
      : event.key === "ArrowLeft" ? (at === 0 ? last : at - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label={label} aria-orientation="horizontal" className="budgetlys-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const chosen = tab.value === selected;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            aria-selected={chosen}
            tabIndex={chosen ? 0 : -1}
            className="budgetlys-tab"
            title={tab.icon === undefined ? undefined : tab.label}
            onClick={() => onSelect(tab.value)}
          >
            {tab.icon === undefined ? (
              <span className="budgetlys-tab__label" data-text={tab.label}>
                {tab.label}
              </span>
            ) : (
              <>
                {tab.icon}
                <span className="budgetlys-tab__hidden">{tab.label}</span>
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}
