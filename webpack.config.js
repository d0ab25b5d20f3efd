// webpack 5 configuration of the add-in: the task pane, the custom functions, the ribbon's
// function file and, in development only, the preview host (never in a production build).
//
// ADDIN_BASE_URL sets the URLs the production manifest points at (default: https://localhost:3000).
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import webpack from "webpack";
import { readManifestRequirements } from "./scripts/manifestRequirements.mjs";

const require = createRequire(import.meta.url);
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const here = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000";
/** The webpack layer of the custom functions' modules. */
const FUNCTIONS_LAYER = "functions";
/** The ECMAScript level of dist/functions.js (test/functions/es2016.test.ts parses it at 2016). */
export const FUNCTIONS_TARGET = "ES2016";

/** package.json's version as the manifest's four-part <Version> ("0.1.0" → "0.1.0.0"). */
export function manifestVersion() {
  const { version } = JSON.parse(fs.readFileSync(path.join(here, "package.json"), "utf8"));
  const parts = String(version).split(/[.+-]/).slice(0, 3).map((p) => String(Number.parseInt(p, 10) || 0));
  return [...parts, "0", "0", "0"].slice(0, 4).join(".");
}

/**
 * Sets `allowErrorForDataTypeAny` in the generated functions metadata, which the metadata
 * generator cannot write: only with it does Excel pass error cells to parameters of type any, so
 * one #N/A in a column gives that row's error instead of one error for the whole spilled result
 * (docs/excel.md). functions-da.json, hand-written, carries the same flag.
 */
class AllowErrorCellsPlugin {
  constructor(asset) {
    this.asset = asset;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("AllowErrorCellsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AllowErrorCellsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.asset);
        if (!asset) return; // the generator reported its errors already
        const metadata = JSON.parse(asset.source.source().toString());
        const withFlag = { allowErrorForDataTypeAny: true, ...metadata };
        compilation.updateAsset(this.asset, new sources.RawSource(JSON.stringify(withFlag, null, 2)));
      });
    });
  }
}

/** The base URL the manifest points at, without a trailing slash. */
export function addinBaseUrl(mode) {
  const url = (process.env.ADDIN_BASE_URL ?? DEV_URL).replace(/\/+$/, "");
  if (mode === "production" && !url.startsWith("https://")) {
    throw new Error(`ADDIN_BASE_URL skal være en https-adresse (fik "${url}").`);
  }
  return url;
}

export default (_env, argv) => {
  const mode = argv.mode ?? "production";
  const dev = mode === "development";
  const baseUrl = addinBaseUrl(mode);
  const previewEntry = path.join(here, "src/preview/index.tsx");
  const withPreview = dev && fs.existsSync(previewEntry);
  // `npm run bench` (bench/pane.ts): the preview with React and Griffel in their production form,
  // so the pane's timings are those of the code Office loads, not of React's development checks.
  const productionReact = dev && process.env.BUDGETLYS_PREVIEW_PRODUCTION_REACT === "1";
  const referenceEntry = path.join(here, "bench/reference/index.tsx");
  const withReference = process.env.BUDGETLYS_REFERENCE === "1" && fs.existsSync(referenceEntry);

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    // The functions run in Excel's JavaScript-only runtime, which Microsoft documents at the
    // ES2016 level: their own layer, compiled down to ES2016 (see FUNCTIONS_TARGET).
    functions: { import: "./src/functions/functions.ts", layer: FUNCTIONS_LAYER },
    commands: "./src/commands/commands.ts",
    ...(withPreview ? { preview: "./src/preview/index.tsx" } : {}),
    ...(withReference ? { reference: "./bench/reference/index.tsx" } : {}),
  };

  return {
    mode,
    devtool: dev && !productionReact ? "eval-source-map" : false,
    entry,
    output: {
      path: path.join(here, process.env.BUDGETLYS_OUT_DIR ?? "dist"),
      // Entries keep their names (the manifest and the HTML pages load them, revalidated on every
      // load); every other file — lazy chunks and the vendor chunks split off the entries, which
      // the pages load at first paint — carries its content hash, so hosting can cache it for a
      // year (deploy/nginx.conf).
      filename: (pathData) => (dev || pathData.chunk?.name ? "[name].js" : "[name].[contenthash:8].js"),
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
      publicPath: "auto",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false },
    },
    // webpack's own runtime code in ES2016 too (no optional chaining, no async arrows).
    target: ["web", "es2016"],
    experiments: { layers: true },
    module: {
      rules: [
        {
          // Every module reached from the functions entry is in its layer (modules inherit their
          // issuer's layer), and is compiled to ES2016: no ??, ?., class fields or BigInt
          // literals (TypeScript refuses those below ES2020: the core compares without BigInt).
          test: /\.tsx?$/,
          exclude: /node_modules/,
          issuerLayer: FUNCTIONS_LAYER,
          // Its own ts-loader instance (one instance shares the first rule's options), and class
          // fields keep the define semantics the ES2022 build and the tests have.
          use: {
            loader: "ts-loader",
            options: {
              instance: FUNCTIONS_LAYER,
              transpileOnly: true,
              compilerOptions: { noEmit: false, target: FUNCTIONS_TARGET, useDefineForClassFields: true },
            },
          },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          issuerLayer: (layer) => layer !== FUNCTIONS_LAYER,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      ...(productionReact ? { nodeEnv: "production" } : {}),
      // The functions runtime loads one file: keep functions.js self-contained.
      splitChunks: {
        chunks: (chunk) => chunk.name !== "functions",
        cacheGroups: { default: false },
      },
    },
    plugins: [
      // The manifest's minimum requirement sets, for the task pane's "which Excel is needed" note.
      new webpack.DefinePlugin({ __BUDGETLYS_REQUIREMENTS__: JSON.stringify(readManifestRequirements()) }),
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new AllowErrorCellsPlugin("functions.json"),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      ...(withPreview
        ? [new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] })]
        : []),
      ...(withReference
        ? [new HtmlWebpackPlugin({ filename: "reference.html", template: "./bench/reference/reference.html", chunks: ["reference"] })]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/functions/functions-da.json", to: "functions-da.json" },
          ...(withPreview ? [{ from: "assets/*.xlsx", to: "assets/[name][ext]", noErrorOnMissing: true }] : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // The version from package.json: Office updates an installed manifest only when
            // <Version> changes (README, "Drift").
            transform: (content) => content.toString().replaceAll(DEV_URL, baseUrl).replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion()}</Version>`),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(here, "dist") },
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      client: { overlay: false },
    },
  };
};
