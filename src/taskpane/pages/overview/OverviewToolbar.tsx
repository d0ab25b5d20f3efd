/**
 * The Oversigt's summary and filters: the number of units per colour, how many are shown, search
 * by name or number, colour, plan ("Kræver plan" / "Mangler plan"), sort order and — for several
 * sheets — the sheet.
 */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { FieldGrid, FormField, useFieldGridStyles } from "../../components/FormField";
import { INDICATORS, type Indicator } from "../../../core/assessment";
import { IndicatorBadge } from "../../components/IndicatorBadge";
import { PLAN_FILTERS, UNIT_SORTS, type PlanFilter, type UnitSort } from "../../state/units";
import type { Strings } from "../../i18n/strings";

/** The filter values and their setters. */
export interface OverviewFilter {
  /** @default null (all colours) */
  readonly indicator: Indicator | null;
  readonly setIndicator: (indicator: Indicator | null) => void;
  /** @default null (all sheets) */
  readonly sheet: string | null;
  readonly setSheet: (sheet: string | null) => void;
  /** @default "" */
  readonly search: string;
  readonly setSearch: (search: string) => void;
  /** @default null (every unit) */
  readonly plan: PlanFilter | null;
  readonly setPlan: (plan: PlanFilter | null) => void;
  /** @default "source" */
  readonly sort: UnitSort;
  readonly setSort: (sort: UnitSort) => void;
}

/** Props of {@link OverviewToolbar}. */
export interface OverviewToolbarProps {
  readonly filter: OverviewFilter;
  readonly counts: Readonly<Record<Indicator, number>>;
  /** Units shown, and units assessed in all. */
  readonly shown: number;
  readonly total: number;
  /** The sheets with units (a sheet filter only when there are several). */
  readonly sheets: readonly string[];
  readonly strings: Strings["overview"];
}

const useStyles = makeStyles({
  summary: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  counts: { display: "flex", gap: tokens.spacingHorizontalM, listStyleType: "none", margin: 0, padding: 0 },
  count: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  shown: { color: tokens.colorNeutralForeground3 },
});

/** Counts and filters above the list. */
export function OverviewToolbar({ filter, counts, shown, total, sheets, strings: t }: OverviewToolbarProps): JSX.Element {
  const styles = useStyles();
  const grid = useFieldGridStyles();
  return (
    <>
      <div className={styles.summary}>
        <ul className={styles.counts} aria-label={t.counts}>
          {INDICATORS.map((indicator) => (
            <li key={indicator} className={styles.count} aria-label={t.countLabel(indicator, counts[indicator])}>
              <IndicatorBadge indicator={indicator} size="small" />
              <Text weight="semibold" aria-hidden>
                {counts[indicator]}
              </Text>
            </li>
          ))}
        </ul>
        {total === 0 ? null : (
          <Text role="status" size={200} className={styles.shown}>
            {t.shown(shown, total)}
          </Text>
        )}
      </div>
      <FieldGrid>
        <FormField
          label={t.search}
          className={grid.wide}
          control={{ kind: "input", type: "search" }}
          value={filter.search}
          onChange={filter.setSearch}
        />
        <FormField
          label={t.colourFilter}
          control={{ kind: "select", options: [{ value: "", label: t.allColours }, ...INDICATORS.map((i) => ({ value: i, label: i }))] }}
          value={filter.indicator ?? ""}
          onChange={(value) => filter.setIndicator(value === "" ? null : (value as Indicator))}
        />
        <FormField
          label={t.planFilter}
          control={{ kind: "select", options: [{ value: "", label: t.allUnits }, ...PLAN_FILTERS.map((p) => ({ value: p, label: t.planFilters[p] }))] }}
          value={filter.plan ?? ""}
          onChange={(value) => filter.setPlan(value === "" ? null : (value as PlanFilter))}
        />
        <FormField
          label={t.sort}
          {...(sheets.length < 2 ? { className: grid.wide } : {})}
          control={{ kind: "select", options: UNIT_SORTS.map((sort) => ({ value: sort, label: t.sortOptions[sort] })) }}
          value={filter.sort}
          onChange={(value) => filter.setSort(value as UnitSort)}
        />
        {sheets.length < 2 ? null : (
          <FormField
            label={t.sheetFilter}
            control={{ kind: "select", options: [{ value: "", label: t.allSheets }, ...sheets.map((sheet) => ({ value: sheet, label: sheet }))] }}
            value={filter.sheet ?? ""}
            onChange={(value) => filter.setSheet(value === "" ? null : value)}
          />
        )}
      </FieldGrid>
    </>
  );
}
