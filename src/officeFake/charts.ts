/** Charts: the collection, a chart, its title and its one series. */
import { rangeAddress } from "../core/grid";
import { SheetModel, type ChartModel } from "./model";
import { FakeObject, FakeOfficeError, accessDenied, install, make, parseA1Range, type PropTable } from "./base";
import type { FakeRange } from "./ranges";

export class FakeChartCollection extends FakeObject<SheetModel> {
  readonly _typeName = "ChartCollection";
  static props: PropTable<SheetModel> = {};

  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    let created: ChartModel | undefined;
    this._call("add", (s) => {
      if (s.isProtected) throw accessDenied("ChartCollection.add");
      const source = sourceData._model();
      created = { type, source: { sheet: source.sheet, range: source.rect }, seriesBy };
      s.charts.push(created);
    });
    return make(
      new FakeChart(this._ctx, () => {
        if (created === undefined) throw new FakeOfficeError("InvalidObjectPath", "The chart was never created.");
        return created;
      }),
    );
  }
}
install(FakeChartCollection);

export class FakeChart extends FakeObject<ChartModel> {
  readonly _typeName = "Chart";
  static props: PropTable<ChartModel> = {
    name: {
      read: (c) => c.name ?? "",
      write: (c, v: string) => {
        c.name = v;
      },
    },
  };

  get title(): FakeChartTitle {
    return make(new FakeChartTitle(this._ctx, () => this._model()));
  }

  get series(): FakeChartSeriesCollection {
    return make(new FakeChartSeriesCollection(this._ctx, () => this._model()));
  }

  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    this._call("setPosition", (c) => {
      const a = (r: FakeRange | string) => (typeof r === "string" ? rangeAddress(parseA1Range(r)) : rangeAddress(r._model().rect));
      c.position = { start: a(start), ...(end === undefined ? {} : { end: a(end) }) };
    });
  }
}
install(FakeChart);

export class FakeChartTitle extends FakeObject<ChartModel> {
  readonly _typeName = "ChartTitle";
  static props: PropTable<ChartModel> = {
    text: {
      read: (c) => c.title ?? "",
      write: (c, v: string) => {
        c.title = v;
      },
    },
  };
}
install(FakeChartTitle);

export class FakeChartSeriesCollection extends FakeObject<ChartModel> {
  readonly _typeName = "ChartSeriesCollection";
  static props: PropTable<ChartModel> = {};

  getItemAt(index: number): FakeChartSeries {
    return make(
      new FakeChartSeries(this._ctx, () => {
        if (index !== 0) throw new FakeOfficeError("ItemNotFound", `The fake's charts have one series (asked for ${index}).`);
        return this._model();
      }),
    );
  }
}
install(FakeChartSeriesCollection);

export class FakeChartSeries extends FakeObject<ChartModel> {
  readonly _typeName = "ChartSeries";
  static props: PropTable<ChartModel> = {};

  setXAxisValues(source: FakeRange): void {
    this._call("setXAxisValues", (c) => {
      const m = source._model();
      c.xAxisValues = { sheet: m.sheet, range: m.rect };
    });
  }
}
install(FakeChartSeries);
