/**
 * The grid's state hook: geometry for the sheet's content, the viewport (measured and followed on
 * scroll and resize), keeping the selected cell in view, and the cell editor.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type UIEvent } from "react";
import type { ConditionalFormatModel } from "../../officeFake/model";
import { barMaximum, cellLook } from "../cellLook";
import {
  DEFAULT_COL_WIDTH,
  ROW_HEIGHT,
  autoColumnWidths,
  gridSize,
  mergesOf,
  offsetsOf,
  pointsToPx,
  scrollToShow,
  visibleRange,
  type Viewport,
} from "./geometry";
import { afterCommit, gridKeyAction, type CommitMove } from "./keys";
import type { GridGeometry, GridProps, GridState } from "./Grid.types";

/** The viewport before the grid has been measured. */
const INITIAL_VIEWPORT: Viewport = { top: 0, left: 0, width: 800, height: 600 };

const viewportOf = (el: HTMLElement): Viewport => ({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });

/** Where rows and columns are; recomputed when the sheet or the document's version changes. */
function useGridGeometry({ doc, sheet, version }: Pick<GridProps, "doc" | "sheet" | "version">): GridGeometry {
  const extent = useMemo(() => doc.extent(sheet), [doc, sheet, version]);
  const { rows: rowCount, cols: colCount } = gridSize(extent);
  const rowOffsets = useMemo(() => offsetsOf(rowCount, (r) => (sheet.hiddenRows.has(r) ? 0 : ROW_HEIGHT)), [rowCount, sheet, version]);
  const autoWidths = useMemo(
    () =>
      autoColumnWidths(
        extent,
        (c) => sheet.columnWidths.has(c),
        (r, c) => {
          const view = doc.view(sheet, r, c);
          // Text with an empty neighbour runs on into it, as in Excel: it does not widen its column.
          if (view.value === null || (typeof view.value === "string" && doc.view(sheet, r, c + 1).value === null)) return null;
          return cellLook(sheet, r, c, view, () => 0).text.length;
        },
      ),
    [doc, sheet, version, extent],
  );
  const colOffsets = useMemo(
    () =>
      offsetsOf(colCount, (c) => {
        if (sheet.hiddenColumns.has(c)) return 0;
        const points = sheet.columnWidths.get(c);
        return points === undefined ? (autoWidths.get(c) ?? DEFAULT_COL_WIDTH) : pointsToPx(points);
      }),
    [colCount, sheet, version, autoWidths],
  );
  const merges = useMemo(() => mergesOf(sheet.merges), [sheet, version]);
  const barMax = useMemo(() => {
    const cache = new Map<ConditionalFormatModel, number>();
    return (cf: ConditionalFormatModel) => {
      let max = cache.get(cf);
      if (max === undefined) {
        max = barMaximum(cf, (r, c) => doc.view(sheet, r, c).value);
        cache.set(cf, max);
      }
      return max;
    };
  }, [doc, sheet, version]);
  return { rowCount, colCount, rowOffsets, colOffsets, merges, barMax };
}

/** The grid's state (see {@link GridState}). */
export function useGrid(props: GridProps): GridState {
  const { doc, sheet, selected, onSelect, onEnter } = props;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLInputElement>(null);
  const [viewport, setViewport] = useState<Viewport>(INITIAL_VIEWPORT);
  const [editing, setEditing] = useState<string | null>(null);
  const geometry = useGridGeometry(props);
  const { rowOffsets, colOffsets } = geometry;

  useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const measure = () => setViewport(viewportOf(el));
    measure();
    const observer = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  // Keep the selected cell in view (also when the task pane selects a cell).
  useEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const top = rowOffsets[selected.row] ?? 0;
    const left = colOffsets[selected.col] ?? 0;
    const scrollTop = scrollToShow(el.scrollTop, el.clientHeight, top, rowOffsets[selected.row + 1] ?? top + ROW_HEIGHT);
    const scrollLeft = scrollToShow(el.scrollLeft, el.clientWidth, left, colOffsets[selected.col + 1] ?? left + DEFAULT_COL_WIDTH);
    if (scrollTop !== el.scrollTop) el.scrollTop = scrollTop;
    if (scrollLeft !== el.scrollLeft) el.scrollLeft = scrollLeft;
  }, [selected.row, selected.col, sheet, rowOffsets, colOffsets]);

  // Another sheet: whatever was being typed is dropped.
  useEffect(() => {
    setEditing(null);
  }, [sheet]);

  // Layout effect: the editor has focus before the next key arrives.
  const isEditing = editing !== null;
  useLayoutEffect(() => {
    const input = editorRef.current;
    if (!isEditing || !input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [isEditing]);

  const focusGrid = useCallback(() => scrollerRef.current?.focus(), []);

  const commit = useCallback(
    (move: CommitMove) => {
      if (editing === null) return;
      onEnter(selected.row, selected.col, editing);
      setEditing(null);
      if (move !== "none") {
        const to = afterCommit(selected, move);
        onSelect(to.row, to.col);
      }
      requestAnimationFrame(focusGrid);
    },
    [editing, onEnter, onSelect, selected, focusGrid],
  );

  const cancelEditing = useCallback(() => {
    setEditing(null);
    requestAnimationFrame(focusGrid);
  }, [focusGrid]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return;
    const action = gridKeyAction(event, selected, Math.floor(viewport.height / ROW_HEIGHT));
    if (action === null) return;
    event.preventDefault();
    if (action.kind === "move") onSelect(action.to.row, action.to.col);
    else if (action.kind === "editCell") setEditing(doc.inputText(sheet, selected.row, selected.col));
    else if (action.kind === "type") setEditing(action.text);
    else onEnter(selected.row, selected.col, "");
  };

  const onScroll = (event: UIEvent<HTMLDivElement>) => setViewport(viewportOf(event.currentTarget));

  return {
    ...props,
    geometry,
    viewport,
    range: visibleRange(rowOffsets, colOffsets, viewport),
    editing,
    scrollerRef,
    editorRef,
    startEditing: setEditing,
    setEditing,
    commit,
    cancelEditing,
    focusGrid,
    onKeyDown,
    onScroll,
  };
}
