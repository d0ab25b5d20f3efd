/**
 * Renders the task pane on a {@link MemoryWorkbookPort} and waits until the workbook is read.
 */
import { configure, render, screen, type RenderResult } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { App, type AppProps } from "../../src/taskpane/App";
import type { SheetGrid } from "../../src/core/grid";
import { MemoryWorkbookPort } from "./memoryPort";

// jsdom does no layout, so `offsetParent` is always null and Fluent's focus management (tabster)
// takes every element for invisible: a dialog would never receive the focus. Elements in the
// document count as laid out here.
if (typeof HTMLElement !== "undefined") {
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      return this.isConnected ? this.parentElement : null;
    },
  });
}

// Lazy pages and Fluent's first render can take more than the default second on a busy CI box.
configure({ asyncUtilTimeout: 5000 });

export interface Rendered extends RenderResult {
  readonly port: MemoryWorkbookPort;
  readonly user: UserEvent;
}

/** Renders the App and waits for the Oversigt table (or the page asked for). */
export async function renderTaskpane(
  grids: SheetGrid[],
  props: Partial<Omit<AppProps, "port">> & { port?: MemoryWorkbookPort } = {},
): Promise<Rendered> {
  const port = props.port ?? new MemoryWorkbookPort(grids);
  const user = userEvent.setup();
  const result = render(<App {...props} port={port} />);
  await screen.findByRole("tablist");
  // The first read is done when the spinner is gone.
  await screen.findByRole("main");
  await waitForRead();
  return { ...result, port, user };
}

async function waitForRead(): Promise<void> {
  const { waitFor } = await import("@testing-library/react");
  await waitFor(() => {
    if (screen.queryByText(/Læser projektmappen|Reading the workbook/)) throw new Error("still reading");
  });
}
