/**
 * Everything below the shell's tabs, loaded lazily by `App` right after the first paint: the
 * confirmation dialog, the warnings about saved state, the read error, and the pages. The Oversigt
 * is part of this chunk (it is the first page); the other pages are chunks of their own.
 */
import { lazy, Suspense } from "react";
import { Button } from "@fluentui/react-components";
import { LEGEND_ID, useNavigation, useStrings, useWorkbook, type PageId } from "./context";
import { ConfirmProvider } from "./components/ConfirmProvider";
import { Notice } from "./components/Notice";
import { Status } from "./components/Status";
import { RuleLegend } from "./components/RuleLegend";
import { OverviewPage } from "./pages/OverviewPage";
import { describeError } from "./state/errors";
import { useMissingFeatures } from "./hostFeatures";
import { minimumText, OPTIONAL_FEATURES } from "../host/features";

const UnitPage = lazy(() => import("./pages/UnitPage"));
const AllPlansPage = lazy(() => import("./pages/AllPlansPage"));
const FollowUpPage = lazy(() => import("./pages/FollowUpPage"));
const ColumnsPage = lazy(() => import("./pages/ColumnsPage"));
const SettingsPage = lazy(() => import("./pages/SettingsPage"));

/** The pages with their providers (default export for `React.lazy`). */
export default function Content(): JSX.Element {
  const strings = useStrings();
  const workbook = useWorkbook();
  const navigation = useNavigation();
  const missing = useMissingFeatures();
  return (
    <ConfirmProvider>
      {missing.map((feature) => {
        const needs = OPTIONAL_FEATURES[feature];
        return (
          <Notice
            key={feature}
            notice={{ intent: "info", body: strings.common.featureNeedsExcel(feature, `${needs.set} ${needs.version}`, minimumText(needs.set)) }}
          />
        );
      })}
      {workbook.warnings.map((warning) => (
        <Notice
          key={warning}
          notice={{
            intent: "warning",
            body: warning === "policyInvalid" ? strings.common.savedPolicyInvalid : strings.common.savedMappingInvalid,
          }}
        />
      ))}
      {navigation.legendOpen ? <RuleLegend id={LEGEND_ID} /> : null}
      {workbook.stale ? (
        <Notice
          notice={{
            intent: "warning",
            title: strings.common.staleTitle,
            body: strings.common.staleBody,
            action: { label: strings.common.refresh, onClick: () => void workbook.refresh(), disabled: workbook.refreshing },
          }}
        />
      ) : null}
      <PageContent page={navigation.page} />
    </ConfirmProvider>
  );
}

function PageContent({ page }: { readonly page: PageId }): JSX.Element {
  const strings = useStrings();
  const workbook = useWorkbook();
  if (workbook.status === "loading") return <Status label={strings.app.reading} />;
  if (workbook.status === "failed") {
    return (
      <>
        <Notice
          notice={{ intent: "error", title: strings.common.readFailed, body: describeError(workbook.error, strings) }}
        />
        <Button appearance="primary" onClick={() => void workbook.refresh()} disabled={workbook.refreshing}>
          {strings.overview.refresh}
        </Button>
      </>
    );
  }
  return (
    <Suspense fallback={<Status label={strings.app.pageLoading} />}>
      {page === "overview" ? <OverviewPage /> : null}
      {page === "unit" ? <UnitPage /> : null}
      {page === "allPlans" ? <AllPlansPage /> : null}
      {page === "followUp" ? <FollowUpPage /> : null}
      {page === "columns" ? <ColumnsPage /> : null}
      {page === "settings" ? <SettingsPage /> : null}
    </Suspense>
  );
}
