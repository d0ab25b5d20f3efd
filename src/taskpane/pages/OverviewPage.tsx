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
import { countByIndicator, filterUnits, notAssessed, sortUnits, unitKey, UNIT_SORTS, type UnitSort } from "../state/units";
import { rowRangeOf } from "../state/sheetRanges";
import { describeError } from "../state/errors";

const useStyles = makeStyles({
  toolbar: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9rem, 1fr))", gap: tokens.spacingHorizontalS },
  headingRow: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, listStyleType: "none", margin: 0, padding: 0 },
  table: { tableLayout: "auto" },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

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

  const select = async (unit: UnitRecord): Promise<void> => {
    navigation.chooseUnit(unitKey(unit));
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
    <section aria-labelledby="overview-heading">
      <div className={styles.headingRow}>
        <Text as="h2" id="overview-heading" size={400} weight="semibold">
          {t.heading}
        </Text>
        <Button onClick={() => void workbook.refresh()} disabled={workbook.refreshing}>
          {workbook.refreshing ? t.refreshing : t.refresh}
        </Button>
      </div>
      <Notice notice={state.notice} onDismiss={() => state.setNotice(null)} />
      {workbook.error !== null && workbook.status === "ready" ? (
        <Notice
          notice={{ intent: "error", title: strings.common.readFailed, body: describeError(workbook.error, strings) }}
        />
      ) : null}

      <ul className={styles.counts} aria-label={t.counts}>
        {INDICATORS.map((indicator) => (
          <li key={indicator} aria-label={t.countLabel(indicator, state.counts[indicator])}>
            <IndicatorBadge indicator={indicator} />{" "}
            <Text weight="semibold" aria-hidden>
              {state.counts[indicator]}
            </Text>
          </li>
        ))}
      </ul>

      <div className={styles.toolbar}>
        <Field label={t.search}>
          <Input type="search" value={filter.search} onChange={(_e, data) => filter.setSearch(data.value)} />
        </Field>
        <Field label={t.colourFilter}>
          <Select
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
        <Field label={t.sheetFilter}>
          <Select value={filter.sheet ?? ""} onChange={(_e, data) => filter.setSheet(data.value === "" ? null : data.value)}>
            <option value="">{t.allSheets}</option>
            {state.sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.sort}>
          <Select value={filter.sort} onChange={(_e, data) => filter.setSort(data.value as UnitSort)}>
            {UNIT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t.sortOptions[sort]}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {state.units.length === 0 ? (
        <Notice notice={{ intent: "info", body: t.noTable }} />
      ) : (
        <>
          <Text role="status" size={200}>
            {t.shown(state.shown.length, state.assessedCount)}
          </Text>
          {state.shown.length === 0 ? (
            <Text as="p">{t.noMatch}</Text>
          ) : (
            <Table className={styles.table} size="extra-small" aria-label={t.tableLabel}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.columns.name}</TableHeaderCell>
                  <TableHeaderCell>{t.columns.indicator}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{t.columns.pct}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{t.columns.result}</TableHeaderCell>
                  <TableHeaderCell>{t.columns.requirement}</TableHeaderCell>
                  <TableHeaderCell>{t.columns.open}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {state.shown.map((unit) => {
                  const key = unitKey(unit);
                  const chosen = state.navigation.unitKey === key;
                  return (
                    <TableRow key={key} className={mergeClasses(chosen && styles.selected)}>
                      <TableCell>
                        <Link
                          as="button"
                          aria-label={t.selectInSheet(unit.name)}
                          aria-current={chosen ? "true" : undefined}
                          onClick={() => void state.select(unit)}
                        >
                          {unit.name}
                        </Link>
                        {unit.id === null ? null : (
                          <div className={styles.small}>
                            {t.columns.id} {unit.id}
                          </div>
                        )}
                      </TableCell>
                      <TableCell>
                        <IndicatorBadge indicator={unit.assessment?.indicator ?? null} size="small" />
                      </TableCell>
                      <TableCell className={styles.number}>
                        {unit.assessment === null ? "" : formatPercent(unit.assessment.deficitFraction)}
                      </TableCell>
                      <TableCell className={styles.number}>
                        {unit.assessment === null ? "" : formatKroner(unit.assessment.totalResult, { ore: "never" })}
                      </TableCell>
                      <TableCell>
                        <span className={styles.small}>{unit.assessment?.requirementText}</span>
                      </TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          aria-label={t.openUnit(unit.name)}
                          onClick={() => state.navigation.chooseUnit(key, true)}
                        >
                          {t.open}
                        </Button>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </>
      )}

      {state.failed.length === 0 ? null : (
        <section aria-labelledby="not-assessed-heading">
          <Text as="h3" id="not-assessed-heading" size={300} weight="semibold">
            {t.notAssessedHeading}
          </Text>
          <ul className={styles.list}>
            {state.failed.map((unit) => (
              <li key={unitKey(unit)}>{t.notAssessedRow(unit.name, unit.sheet, unit.row, unit.error ?? "")}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
