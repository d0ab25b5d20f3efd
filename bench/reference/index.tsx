// The benchmarks' reference page: the barest React + Fluent UI v9 page (FluentProvider, one
// Button, one Text), built by the add-in's own production webpack config so that the task pane's
// bundle size and startup time have a fair yardstick (see docs/benchmarks.md).
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Text as="h1" data-bench="first-render">
        Reference
      </Text>
      <Button appearance="primary">OK</Button>
    </FluentProvider>,
  );
}
