/**
 * The Oversigt's summary and filters: the number of units per colour, how many are shown, search
 * by name or number, colour, plan ("Kræver plan" / "Mangler plan"), sort order and — for several
 * sheets — the sheet.
 */
import { Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
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
  toolbar: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    "& > *": { minWidth: 0 },
  },
  select: { minWidth: 0, width: "100%", "& select": { minWidth: 0 } },
  wide: { gridColumn: "1 / -1" },
});

/** Counts and filters above the list. */
export function OverviewToolbar({ filter, counts, shown, total, sheets, strings: t }: OverviewToolbarProps): JSX.Element {
  const styles = useStyles();
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
      <div className={styles.toolbar}>
        <Field label={t.search} className={styles.wide}>
          <Input type="search" value={filter.search} onChange={(_e, data) => filter.setSearch(data.value)} />
        </Field>
        <Field label={t.colourFilter}>
          <Select
            className={styles.select}
            value={filter.indicator ?? ""}
            onChange={(_e, data) => filter.setIndicator(data.value === "" ? null : (data.value as Indicator))}
          >
            <option value="">{t.allColours}</option>
            {INDICATORS.map((indicator) => (
              <option key={indicator} value={indicator}>
                {indicator}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.planFilter}>
          <Select
            className={styles.select}
            value={filter.plan ?? ""}
            onChange={(_e, data) => filter.setPlan(data.value === "" ? null : (data.value as PlanFilter))}
          >
            <option value="">{t.allUnits}</option>
            {PLAN_FILTERS.map((plan) => (
              <option key={plan} value={plan}>
                {t.planFilters[plan]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.sort} className={sheets.length < 2 ? styles.wide : undefined}>
          <Select className={styles.select} value={filter.sort} onChange={(_e, data) => filter.setSort(data.value as UnitSort)}>
            {UNIT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t.sortOptions[sort]}
              </option>
            ))}
          </Select>
        </Field>
        {sheets.length < 2 ? null : (
          <Field label={t.sheetFilter}>
            <Select className={styles.select} value={filter.sheet ?? ""} onChange={(_e, data) => filter.setSheet(data.value === "" ? null : data.value)}>
              <option value="">{t.allSheets}</option>
              {sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
    </>
  );
}
