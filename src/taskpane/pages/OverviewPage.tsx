/**
 * Oversigt: every unit of every recognised sheet with its traffic light, counts per colour,
 * filter, search and sort; the units that could not be assessed with their reason. Choosing a
 * unit selects its row in the sheet; "Åbn" opens its page; "Opdatér" re-reads the workbook.
 */
import { useMemo, useState } from "react";
import {
  Button,
  Field,
  Input,
  Link,
  makeStyles,
  mergeClasses,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { INDICATORS, type Indicator } from "../../core/assessment";
import { formatKroner, formatPercent } from "../../core/format";
import type { UnitRecord } from "../../core/unit";
import { useNavigation, usePort, useStrings, useWorkbook } from "../context";
import { IndicatorBadge } from "../components/IndicatorBadge";
import { Notice, type NoticeValue } from "../components/Notice";
import { countByIndicator, filterUnits, notAssessed, sortUnits, UNIT_SORTS, type UnitSort } from "../state/units";
import { unitKeyMap } from "../../core/unitKey";
import { rowRangeOf } from "../state/sheetRanges";
import { describeError } from "../state/errors";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  headingRow: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
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
  // Search on its own line; colour and order side by side; the sheet filter (several sheets only) below.
  toolbar: {
    display: "grid",
    gridTemplateColumns: "minmax(7rem, 2fr) 3fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    "& > *": { minWidth: 0 },
  },
  // A select is as wide as its longest option unless told otherwise.
  select: { minWidth: 0, width: "100%", "& select": { minWidth: 0 } },
  wide: { gridColumn: "1 / -1" },
  // Fixed layout: the table is exactly as wide as the pane; the name takes what the figures leave.
  table: { tableLayout: "fixed", width: "100%" },
  headName: { paddingLeft: tokens.spacingHorizontalXS },
  headFigures: { width: "6.5rem", textAlign: "right" },
  headOpen: { width: "2rem", paddingLeft: 0, paddingRight: 0 },
  headFiguresButton: { justifyContent: "flex-end" },
  headFiguresInner: { display: "flex", flexDirection: "column", alignItems: "flex-end", lineHeight: tokens.lineHeightBase200 },
  row: { ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover } },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorCompoundBrandStroke}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Selected },
    // Forced colours drop backgrounds and shadows: mark the chosen row with a system-coloured outline.
    "@media (forced-colors: active)": { outlineWidth: "2px", outlineStyle: "solid", outlineColor: "Highlight", outlineOffset: "-2px" },
  },
  cell: { paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, verticalAlign: "middle" },
  nameCell: { paddingLeft: tokens.spacingHorizontalXS, overflow: "hidden" },
  name: {
    display: "block",
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
  },
  line2: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    marginTop: "2px",
    minWidth: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
  },
  id: { overflow: "hidden", textOverflow: "ellipsis" },
  figures: {
    textAlign: "right",
    whiteSpace: "nowrap",
    fontVariantNumeric: "tabular-nums",
  },
  pct: { display: "block", fontWeight: tokens.fontWeightSemibold },
  result: {
    display: "block",
    marginTop: "2px",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  openCell: { paddingLeft: 0, paddingRight: 0, textAlign: "center" },
  open: { minWidth: "28px", width: "28px", height: "28px", padding: 0 },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** "›": the open button's chevron (an inline icon, so no icon package is needed). */
function Chevron(): JSX.Element {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false">
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function useOverviewState() {
  const workbook = useWorkbook();
  const navigation = useNavigation();
  const port = usePort();
  const strings = useStrings();
  const [indicator, setIndicator] = useState<Indicator | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<UnitSort>("source");
  const [notice, setNotice] = useState<NoticeValue | null>(null);

  const units = useMemo(() => workbook.scan?.units ?? [], [workbook.scan]);
  const assessedCount = useMemo(() => units.filter((u) => u.assessment !== null).length, [units]);
  const shown = useMemo(() => sortUnits(filterUnits(units, { indicator, sheet, search }), sort), [units, indicator, sheet, search, sort]);
  const counts = useMemo(() => countByIndicator(units), [units]);
  const failed = useMemo(() => notAssessed(units), [units]);
  const sheets = useMemo(() => Array.from(new Set(units.map((u) => u.sheet))), [units]);
  const keys = useMemo(() => unitKeyMap(units), [units]);

  const select = async (unit: UnitRecord): Promise<void> => {
    navigation.chooseUnit(keys.get(unit) ?? null);
    try {
      await port.select(unit.sheet, rowRangeOf(workbook.grids, unit.sheet, unit.row));
      setNotice(null);
    } catch {
      setNotice({ intent: "warning", body: strings.overview.selectFailed });
    }
  };

  return {
    strings,
    workbook,
    navigation,
    filter: { indicator, setIndicator, sheet, setSheet, search, setSearch, sort, setSort },
    units,
    assessedCount,
    shown,
    counts,
    failed,
    sheets,
    keys,
    notice,
    setNotice,
    select,
  };
}

/** The Oversigt page. */
export function OverviewPage(): JSX.Element {
  const state = useOverviewState();
  const styles = useStyles();
  const { strings, workbook, filter } = state;
  const t = strings.overview;
  return (
    <section className={styles.section} aria-labelledby="overview-heading">
      <div className={styles.headingRow}>
        <Text block as="h2" id="overview-heading" size={400} weight="semibold">
          {t.heading}
        </Text>
        <Button size="small" onClick={() => void workbook.refresh()} disabled={workbook.refreshing}>
          {workbook.refreshing ? t.refreshing : t.refresh}
        </Button>
      </div>
      <Notice notice={state.notice} onDismiss={() => state.setNotice(null)} />
      {workbook.error !== null && workbook.status === "ready" ? (
        <Notice
          notice={{ intent: "error", title: strings.common.readFailed, body: describeError(workbook.error, strings) }}
        />
      ) : null}

      <div className={styles.summary}>
        <ul className={styles.counts} aria-label={t.counts}>
          {INDICATORS.map((indicator) => (
            <li key={indicator} className={styles.count} aria-label={t.countLabel(indicator, state.counts[indicator])}>
              <IndicatorBadge indicator={indicator} size="small" />
              <Text weight="semibold" aria-hidden>
                {state.counts[indicator]}
              </Text>
            </li>
          ))}
        </ul>
        {state.units.length === 0 ? null : (
          <Text role="status" size={200} className={styles.shown}>
            {t.shown(state.shown.length, state.assessedCount)}
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
        <Field label={t.sort}>
          <Select className={styles.select} value={filter.sort} onChange={(_e, data) => filter.setSort(data.value as UnitSort)}>
            {UNIT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t.sortOptions[sort]}
              </option>
            ))}
          </Select>
        </Field>
        {state.sheets.length < 2 ? null : (
          <Field label={t.sheetFilter} className={styles.wide}>
            <Select className={styles.select} value={filter.sheet ?? ""} onChange={(_e, data) => filter.setSheet(data.value === "" ? null : data.value)}>
              <option value="">{t.allSheets}</option>
              {state.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>

      {state.units.length === 0 ? (
        <Notice notice={{ intent: "info", body: t.noTable }} />
      ) : state.shown.length === 0 ? (
        <Text block as="p">{t.noMatch}</Text>
      ) : (
        <Table className={styles.table} size="extra-small" aria-label={t.tableLabel}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.headName}>{t.columns.unit}</TableHeaderCell>
              <TableHeaderCell className={styles.headFigures} button={{ className: styles.headFiguresButton }}>
                <span className={styles.headFiguresInner}>
                  <span>{t.columns.pct}</span>
                  <span>{t.columns.result}</span>
                </span>
              </TableHeaderCell>
              <TableHeaderCell className={styles.headOpen}>
                <span className={styles.hidden}>{t.columns.open}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.shown.map((unit) => {
              const key = state.keys.get(unit);
              const chosen = state.navigation.unitKey === key;
              return (
                <TableRow key={key} className={mergeClasses(styles.row, chosen && styles.selected)}>
                  <TableCell className={mergeClasses(styles.cell, styles.nameCell)}>
                    <Link
                      as="button"
                      className={styles.name}
                      title={unit.name}
                      aria-label={t.selectInSheet(unit.name)}
                      aria-current={chosen ? "true" : undefined}
                      onClick={() => void state.select(unit)}
                    >
                      {unit.name}
                    </Link>
                    <span className={styles.line2}>
                      <IndicatorBadge indicator={unit.assessment?.indicator ?? null} size="small" />
                      {unit.id === null ? null : (
                        <span className={styles.id}>
                          {t.columns.id} {unit.id}
                        </span>
                      )}
                    </span>
                  </TableCell>
                  <TableCell className={mergeClasses(styles.cell, styles.figures)}>
                    {unit.assessment === null ? null : (
                      <>
                        <span className={styles.pct}>{formatPercent(unit.assessment.deficitFraction)}</span>
                        <span className={styles.result}>{formatKroner(unit.assessment.totalResult, { ore: "never" })}</span>
                      </>
                    )}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.cell, styles.openCell)}>
                    <Button
                      className={styles.open}
                      appearance="subtle"
                      size="small"
                      icon={<Chevron />}
                      title={t.open}
                      aria-label={t.openUnit(unit.name)}
                      onClick={() => state.navigation.chooseUnit(key ?? null, true)}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}

      {state.failed.length === 0 ? null : (
        <section aria-labelledby="not-assessed-heading">
          <Text block as="h3" id="not-assessed-heading" size={300} weight="semibold">
            {t.notAssessedHeading}
          </Text>
          <ul className={styles.list}>
            {state.failed.map((unit) => (
              <li key={state.keys.get(unit)}>{t.notAssessedRow(unit.name, unit.sheet, unit.row, unit.error ?? "")}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
