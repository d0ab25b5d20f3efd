/**
 * The Oversigt's list of units: a real table (for screen readers) with one tab stop per row — the
 * unit's name, which opens its page. ↑/↓ (and Home/End) move between rows too, → reaches the row's
 * secondary action (select the row in the sheet, no tab stop of its own), ← goes back. A "Spring listen over" link before
 * the table jumps past it. Plain table elements (not Fluent's Table components): 300 rows re-render
 * within a keystroke.
 */
import { Fragment, memo, useMemo, useRef, type KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { TableCursor16Regular } from "@fluentui/react-icons";
import { formatKroner } from "../../../core/format";
import { formatResultPercent } from "../../../core/colourBands";
import type { UnitRecord } from "../../../core/unit";
import { IndicatorBadge } from "../../components/IndicatorBadge";
import { PlanStatusBadge } from "../../components/PlanStatusBadge";
import { oversigtGroups, type GroupTotals } from "../../../core/sheets/oversigtGroups";
import type { UnitPlanStatus } from "../../../core/workbookPlans";
import type { Strings } from "../../i18n/strings";

/** Props of {@link UnitList}. */
export interface UnitListProps {
  /** The units to list, in order. */
  readonly units: readonly UnitRecord[];
  /** The chosen unit's key (marked), or null. */
  readonly chosenKey: string | null;
  /** Each unit's key in the scan (`core/unitKey.ts`, `unitKeyMap`). */
  readonly keys: ReadonlyMap<UnitRecord, string>;
  /** Show each unit's sheet (when the workbook has several). @default false */
  readonly showSheet?: boolean;
  /** Each unit's plan status (a badge in the plan issue's words). @default () => undefined (no badge) */
  readonly planStatus?: (unit: UnitRecord) => UnitPlanStatus | undefined;
  /** Whether overført counts in the result (the subtotals add results as the policy does). @default true */
  readonly includeCarried?: boolean;
  readonly strings: Strings["overview"];
  /** Opens the unit's page (the row's main action). */
  readonly onOpen: (unit: UnitRecord) => void;
  /** Selects the unit's row in the source sheet (the secondary action). */
  readonly onSelectInSheet: (unit: UnitRecord) => void;
  /** The id of the element after the list ("Spring listen over" moves the focus there). */
  readonly afterId: string;
  /** The policy's limit in basis points (the percentages never print one number for two colours). */
  readonly limitBp: number;
}

const useStyles = makeStyles({
  skip: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    ":focus": {
      position: "static",
      width: "auto",
      height: "auto",
      clip: "auto",
      padding: tokens.spacingVerticalXS,
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  table: { tableLayout: "fixed", width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase300 },
  head: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "bottom",
  },
  headFigures: { width: "6.75rem", textAlign: "right" },
  headSelect: { width: "2rem" },
  minus: { display: "block", fontStyle: "italic" },
  row: {
    cursor: "pointer",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  chosen: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorCompoundBrandStroke}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Selected },
    "@media (forced-colors: active)": { outlineWidth: "2px", outlineStyle: "solid", outlineColor: "Highlight", outlineOffset: "-2px" },
  },
  cell: { paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, verticalAlign: "top" },
  nameCell: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, minWidth: 0 },
  // The name: up to two lines, then "…"; the whole name is the tooltip and the accessible name.
  name: {
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    overflowWrap: "anywhere",
    width: "100%",
    padding: 0,
    margin: 0,
    border: "none",
    background: "none",
    textAlign: "left",
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForegroundLink,
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { textDecorationLine: "underline", color: tokens.colorBrandForegroundLinkHover },
    // The focus ring: a thick outline, distinct from the hover's underline.
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "1px",
      textDecorationLine: "none",
    },
  },
  line2: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    marginTop: "2px",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  // An område's heading row and its subtotal row (no tab stop: the rows of units keep theirs).
  groupHead: {
    textAlign: "left",
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  groupCount: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  subtotal: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
  subtotalName: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingLeft: tokens.spacingHorizontalXS, overflowWrap: "anywhere" },
  total: { borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  figures: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  pct: { display: "block", fontWeight: tokens.fontWeightSemibold },
  result: { display: "block", marginTop: "2px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  selectCell: { textAlign: "center", paddingLeft: 0, paddingRight: 0 },
  select: {
    width: "28px",
    height: "28px",
    padding: 0,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    background: "none",
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
    ":focus-visible": { outlineWidth: tokens.strokeWidthThick, outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2 },
  },
  hidden: { position: "absolute", width: "1px", height: "1px", margin: "-1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** Props of one row ({@link UnitRow}); all stable across a keystroke for a row that stays. */
interface UnitRowProps {
  readonly unit: UnitRecord;
  readonly chosen: boolean;
  readonly planStatus: UnitPlanStatus | undefined;
  readonly showSheet: boolean;
  readonly limitBp: number;
  readonly strings: Strings["overview"];
  readonly onOpen: (unit: UnitRecord) => void;
  readonly onSelectInSheet: (unit: UnitRecord) => void;
}

/**
 * One unit's row. Memoised: typing in search or changing a filter re-renders only the rows whose
 * props change (300 rows within a keystroke; `npm run bench`, `pane`).
 */
const UnitRow = memo(function UnitRow({ unit, chosen, planStatus, showSheet, limitBp, strings: t, onOpen, onSelectInSheet }: UnitRowProps): JSX.Element {
  const styles = useStyles();
  return (
    <tr className={mergeClasses(styles.row, chosen && styles.chosen)} onClick={() => onOpen(unit)}>
      <td className={mergeClasses(styles.cell, styles.nameCell)}>
        <button
          type="button"
          data-role="open"
          className={styles.name}
          title={unit.name}
          aria-label={t.openUnit(unit.name)}
          aria-current={chosen ? "true" : undefined}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(unit);
          }}
        >
          {unit.name}
        </button>
        <span className={styles.line2}>
          <IndicatorBadge indicator={unit.assessment?.indicator ?? null} requirement={unit.assessment?.requirement ?? null} size="small" />
          {planStatus === undefined ? null : <PlanStatusBadge status={planStatus} strings={t} />}
          {unit.id === null ? null : (
            <span>
              {t.columns.id} {unit.id}
            </span>
          )}
          {showSheet ? <span>{t.sheetOf(unit.sheet)}</span> : null}
        </span>
      </td>
      <td className={mergeClasses(styles.cell, styles.figures)}>
        {unit.assessment === null ? null : (
          <>
            <span className={styles.pct}>{formatResultPercent(unit.assessment.totalResult, unit.assessment.base, limitBp)}</span>
            <span className={styles.result}>{formatKroner(unit.assessment.totalResult, { ore: "never" })}</span>
          </>
        )}
      </td>
      <td className={mergeClasses(styles.cell, styles.selectCell)}>
        <button
          type="button"
          data-role="select"
          className={styles.select}
          tabIndex={-1}
          title={t.selectInSheet(unit.name)}
          aria-label={t.selectInSheet(unit.name)}
          onClick={(event) => {
            event.stopPropagation();
            onSelectInSheet(unit);
          }}
        >
          <TableCursor16Regular />
        </button>
      </td>
    </tr>
  );
});

/** A subtotal (an område's) or the I alt row: the shown units' summed result and its percentage. */
function TotalRow({ label, totals, limitBp, grand = false }: { readonly label: string; readonly totals: GroupTotals; readonly limitBp: number; readonly grand?: boolean }): JSX.Element {
  const styles = useStyles();
  return (
    <tr className={mergeClasses(styles.subtotal, grand && styles.total)}>
      <th scope="row" className={mergeClasses(styles.cell, styles.subtotalName)}>
        {label}
      </th>
      <td className={mergeClasses(styles.cell, styles.figures)}>
        {totals.base === 0 ? null : <span className={styles.pct}>{formatResultPercent(totals.result, totals.base, limitBp)}</span>}
        <span className={styles.result}>{formatKroner(totals.result, { ore: "never" })}</span>
      </td>
      <td />
    </tr>
  );
}

/** The table of units. */
export function UnitList(props: UnitListProps): JSX.Element {
  const { units, chosenKey, keys, strings: t } = props;
  const keyOf = (unit: UnitRecord): string => keys.get(unit) ?? `${unit.sheet}!${unit.row}`;
  const styles = useStyles();
  const table = useRef<HTMLTableElement>(null);
  // Grouped by område/udvalg (core's grouping, the same as the Oversigt sheet's) with subtotals of
  // the units shown; one group without heading when the sheets name no area.
  const includeCarried = props.includeCarried ?? true;
  const grouping = useMemo(() => oversigtGroups(units, { includeCarried }), [units, includeCarried]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    const target = event.target as HTMLElement;
    const role = target.dataset.role;
    if (role !== "open" && role !== "select") return;
    const names = Array.from(table.current?.querySelectorAll<HTMLButtonElement>('[data-role="open"]') ?? []);
    const row = target.closest("tr");
    const at = names.findIndex((name) => name.closest("tr") === row);
    let next: HTMLElement | undefined;
    if (event.key === "ArrowDown") next = names[Math.min(at + 1, names.length - 1)];
    else if (event.key === "ArrowUp") next = names[Math.max(at - 1, 0)];
    else if (event.key === "Home" && role === "open") next = names[0];
    else if (event.key === "End" && role === "open") next = names[names.length - 1];
    else if (event.key === "ArrowRight" && role === "open") next = row?.querySelector<HTMLElement>('[data-role="select"]') ?? undefined;
    else if (event.key === "ArrowLeft" && role === "select") next = names[at];
    if (next === undefined) return;
    event.preventDefault();
    next.focus();
  };

  const skip = (): void => {
    document.getElementById(props.afterId)?.focus();
  };

  return (
    <>
      <a
        href={`#${props.afterId}`}
        className={styles.skip}
        onClick={(event) => {
          event.preventDefault();
          skip();
        }}
      >
        {t.skipList}
      </a>
      <table ref={table} className={styles.table} aria-label={t.tableLabel} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.head, styles.nameCell)}>
              {t.columns.unit}
            </th>
            <th scope="col" className={mergeClasses(styles.head, styles.headFigures)}>
              <span>{t.columns.pct}</span> <span>{t.columns.result}</span>
              <span className={styles.minus}>{t.columns.minusIsSurplus}</span>
            </th>
            <th scope="col" className={mergeClasses(styles.head, styles.headSelect)}>
              <span className={styles.hidden}>{t.columns.select}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {grouping.groups.map((group) => {
            const area = group.area ?? t.noArea;
            const headId = `overview-area-${group.indices[0] ?? 0}`;
            return (
              <Fragment key={`area|${group.area ?? ""}`}>
                {grouping.grouped ? (
                  <tr>
                    <th scope="colgroup" colSpan={3} id={headId} className={styles.groupHead}>
                      {area} <span className={styles.groupCount}>· {t.areaUnits(group.indices.length)}</span>
                    </th>
                  </tr>
                ) : null}
                {group.indices.map((index) => {
                  const unit = units[index] as UnitRecord;
                  const key = keyOf(unit);
                  return (
                    <UnitRow
                      key={key}
                      unit={unit}
                      chosen={key === chosenKey}
                      planStatus={props.planStatus?.(unit)}
                      showSheet={props.showSheet === true}
                      limitBp={props.limitBp}
                      strings={t}
                      onOpen={props.onOpen}
                      onSelectInSheet={props.onSelectInSheet}
                    />
                  );
                })}
                {grouping.grouped ? <TotalRow label={t.subtotal(area)} totals={group.totals} limitBp={props.limitBp} /> : null}
              </Fragment>
            );
          })}
          {grouping.grouped ? <TotalRow label={t.total} totals={grouping.total} limitBp={props.limitBp} grand /> : null}
        </tbody>
      </table>
    </>
  );
}
