/**
 * Requirement sets, checked — not remembered. Lists every Office.js member the product uses, from
 * the TypeScript program itself (the type checker resolves each property read or write, method
 * call, event and object-literal property to its declaration), looks up the `[Api set: … x.y]`
 * annotation of that declaration in @types/office-js (and the custom-functions / office-runtime
 * typings), and compares it with the minimum that manifest.xml asks of the host.
 *
 * A member above the minimum is allowed only behind a requirement-set check: it must sit inside an
 * `if`, `?:` or `&&`/`||` whose condition calls `isSetSupported(set, version)` /
 * `isRequirementSetSupported(set, version)` itself, or names a flag that is assigned from such a
 * call somewhere in the product (`const mergedAreas = isRequirementSetSupported("ExcelApi", "1.13")`
 * … `if (options.mergedAreas !== false)`), with a version at least the member's.
 *
 * `npx tsx scripts/requirementSets.ts --write` regenerates docs/requirement-sets.md and
 * src/officeFake/requirementSets.json (the fake Excel enforces the same annotations);
 * test/requirementSets.test.ts fails when either is stale or a member is unguarded.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { readManifestRequirements } from "./manifestRequirements.mjs";
import { compareVersions } from "../src/officeFake/base";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The typings whose declarations count as Office.js. */
const OFFICE_TYPINGS = ["@types/office-js/", "@types/custom-functions-runtime/", "@types/office-runtime/"];

/** A requirement: a set and the lowest version that has the member. */
export interface Requirement {
  readonly set: string;
  readonly version: string;
}

/** One member the product uses. */
export interface MemberUse {
  /** `Excel.Range.getMergedAreasOrNullObject`. */
  readonly member: string;
  /** Null when the typings name no requirement set (common API, OfficeExtension). */
  readonly requirement: Requirement | null;
  /** The annotation as written, for the table. */
  readonly annotation: string;
  /** `src/excel/readSheets.ts (readAllSheets)` for every place it is used. */
  readonly where: readonly string[];
  /** Every use sits behind a requirement-set check that covers it. */
  readonly guarded: boolean;
  /** Needs more than the manifest's minimum. */
  readonly aboveMinimum: boolean;
}

/** "1.13" vs "1.9": one definition, the fake's (which enforces the same sets). */
export { compareVersions };

/**
 * The requirement of an annotation such as "ExcelApi 1.1 for get, 1.8 for set": the first set
 * named, at the highest version the annotation mentions for it (conservative: "for set" is
 * assumed). "Preview" versions count as unreachable (9999).
 */
export function parseAnnotation(text: string): Requirement | null {
  const first = /^\s*([A-Za-z]+)\s+(\d+(?:\.\d+)*|Preview)/.exec(text);
  if (first === null) return null;
  const set = first[1] as string;
  let version = first[2] === "Preview" ? "9999" : (first[2] as string);
  for (const m of text.matchAll(/(?:^|[\s,;/(])(\d+\.\d+)(?=[\s,;.)]|$)/g)) {
    if (compareVersions(m[1] as string, version) > 0) version = m[1] as string;
  }
  if (new RegExp(`${set}\\s+Preview`).test(text)) version = "9999";
  return { set, version };
}

function isOfficeDeclaration(decl: ts.Declaration): boolean {
  const file = decl.getSourceFile().fileName.replaceAll("\\", "/");
  return OFFICE_TYPINGS.some((p) => file.includes(`node_modules/${p}`));
}

/** `[Api set: …]` from the JSDoc right before a declaration, or "". */
function annotationOf(decl: ts.Declaration): string {
  const source = decl.getSourceFile();
  const node = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const last = ranges[ranges.length - 1];
  if (last === undefined) return "";
  const comment = source.text.slice(last.pos, last.end);
  return /\[Api set:\s*([^\]]*)\]/.exec(comment)?.[1]?.trim() ?? "";
}

/** `Excel.Range.values` for a member declaration (namespaces and owner type). */
function qualifiedName(decl: ts.Declaration, name: string): string {
  const parts = [name];
  let node: ts.Node | undefined = decl.parent;
  while (node !== undefined && !ts.isSourceFile(node)) {
    if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isModuleDeclaration(node) || ts.isEnumDeclaration(node)) && node.name !== undefined) {
      parts.unshift(node.name.text);
    }
    node = node.parent;
  }
  return parts.join(".");
}

/** `src/excel/readSheets.ts (readAllSheets)`: the file and the nearest named function or class (stable when lines move). */
function location(node: ts.Node): string {
  const file = path.relative(root, node.getSourceFile().fileName).replaceAll("\\", "/");
  const names: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n !== undefined && !ts.isSourceFile(n); n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isClassDeclaration(n) || ts.isGetAccessorDeclaration(n)) && n.name !== undefined) {
      names.unshift(n.name.getText());
    } else if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) {
      names.unshift(n.parent.name.text);
    }
  }
  return names.length === 0 ? file : `${file} (${names.join(".")})`;
}

function lineOf(node: ts.Node): number {
  return node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
}

/** A call `isSetSupported("ExcelApi", "1.13")` / `isRequirementSetSupported(…)`: its requirement. */
function checkCall(node: ts.Node): Requirement | null {
  if (!ts.isCallExpression(node)) return null;
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
  if (name !== "isSetSupported" && name !== "isRequirementSetSupported") return null;
  const [setArg, versionArg] = node.arguments;
  if (setArg === undefined || !ts.isStringLiteralLike(setArg)) return null;
  return { set: setArg.text, version: versionArg !== undefined && ts.isStringLiteralLike(versionArg) ? versionArg.text : "1.1" };
}

/** The name a check's result is kept under: `const x = check(…)`, `{ x: check(…) }`, `this.x = …`. */
function flagName(call: ts.Node): string | null {
  let node = call.parent;
  while (node !== undefined && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))) node = node.parent;
  if (node === undefined) return null;
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) return node.name.text;
  if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return node.name.text;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = node.left;
    if (ts.isPropertyAccessExpression(left)) return left.name.text;
    if (ts.isIdentifier(left)) return left.text;
  }
  return null;
}

function covers(check: Requirement, need: Requirement): boolean {
  return check.set === need.set && compareVersions(check.version, need.version) >= 0;
}

/** What a condition checks: direct calls in it, and the flags it names. */
function conditionChecks(condition: ts.Node, flags: ReadonlyMap<string, Requirement[]>): Requirement[] {
  const found: Requirement[] = [];
  const visit = (node: ts.Node): void => {
    const call = checkCall(node);
    if (call !== null) found.push(call);
    if (ts.isIdentifier(node)) found.push(...(flags.get(node.text) ?? []));
    ts.forEachChild(node, visit);
  };
  visit(condition);
  return found;
}

/** A statement that leaves the block: return, throw, continue, break (or a block ending so). */
function exits(statement: ts.Statement): boolean {
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement) || ts.isBreakStatement(statement);
}

/** Whether a use sits in a branch whose condition checks a set that covers `need`. */
function isGuarded(use: ts.Node, need: Requirement, flags: ReadonlyMap<string, Requirement[]>): boolean {
  let child: ts.Node = use;
  let node: ts.Node | undefined = use.parent;
  while (node !== undefined) {
    let condition: ts.Node | undefined;
    if (ts.isIfStatement(node) && child !== node.expression) condition = node.expression;
    else if (ts.isConditionalExpression(node) && child !== node.condition) condition = node.condition;
    else if (
      ts.isBinaryExpression(node) &&
      child === node.right &&
      (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      condition = node.left;
    }
    if (condition !== undefined && conditionChecks(condition, flags).some((c) => covers(c, need))) return true;
    // An early exit before the use: `if (!supported) return fallback; … use …`.
    if (ts.isBlock(node) || ts.isSourceFile(node)) {
      const statements: readonly ts.Statement[] = node.statements;
      const at = statements.indexOf(child as ts.Statement);
      for (const earlier of statements.slice(0, Math.max(0, at))) {
        if (ts.isIfStatement(earlier) && exits(earlier.thenStatement) && conditionChecks(earlier.expression, flags).some((c) => covers(c, need))) return true;
      }
    }
    child = node;
    node = node.parent;
  }
  return false;
}

/** The product's source files: src/ without tests and without the fake Excel. */
export function productFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "officeFake") continue;
        walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        out.push(full);
      }
    }
  };
  walk(path.join(root, "src"));
  return out.sort();
}

/** One use of a member at one place. */
export interface RawUse {
  readonly member: string;
  readonly annotation: string;
  readonly requirement: Requirement | null;
  /** `src/excel/readSheets.ts (readAllSheets)`. */
  readonly where: string;
  readonly line: number;
  readonly guarded: boolean;
}

/** Every use of an Office.js member in `files` (default: the product), one record per place. */
export function findUses(files: readonly string[] = productFiles()): RawUse[] {
  const configFile = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (configFile === undefined) throw new Error("tsconfig.json kunne ikke læses");
  const program = ts.createProgram({ rootNames: [...files], options: { ...configFile.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const flags = new Map<string, Requirement[]>();
  const found: { node: ts.Node; decl: ts.Declaration; name: string }[] = [];

  const declarationsOf = (symbol: ts.Symbol | undefined): readonly ts.Declaration[] => {
    if (symbol === undefined) return [];
    const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return resolved.declarations ?? [];
  };

  const record = (node: ts.Node, decls: readonly ts.Declaration[], name: string): void => {
    const office = decls.filter(isOfficeDeclaration);
    if (office.length === 0) return;
    // Overloads: the signature the checker resolved for this call, else the first declaration.
    let decl = office[0] as ts.Declaration;
    const call = node.parent;
    if (call !== undefined && ts.isCallExpression(call) && call.expression === node) {
      const resolved = checker.getResolvedSignature(call)?.getDeclaration();
      if (resolved !== undefined && isOfficeDeclaration(resolved)) decl = resolved;
    }
    found.push({ node, decl, name });
  };

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`${file} er ikke i programmet`);
    const visit = (node: ts.Node): void => {
      const call = checkCall(node);
      if (call !== null) {
        const flag = flagName(node);
        if (flag !== null) flags.set(flag, [...(flags.get(flag) ?? []), call]);
      }
      if (ts.isPropertyAccessExpression(node)) {
        record(node, declarationsOf(checker.getSymbolAtLocation(node.name)), node.name.text);
      } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
        record(node, declarationsOf(checker.getSymbolAtLocation(node.argumentExpression)), node.argumentExpression.text);
      } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent)) {
        const contextual = checker.getContextualType(node.parent);
        const name = node.name.getText(source).replace(/^["']|["']$/g, "");
        const property = contextual?.getNonNullableType().getProperty(name);
        record(node, declarationsOf(property), name);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  // Flags are collected over all files first: a check in one module guards a use in another.
  return found.map(({ node, decl, name }) => {
    const annotation = annotationOf(decl);
    const requirement = parseAnnotation(annotation);
    return {
      member: qualifiedName(decl, name),
      annotation,
      requirement,
      where: location(node),
      line: lineOf(node),
      guarded: requirement !== null && isGuarded(node, requirement, flags),
    };
  });
}

/** The table: one row per member, with every place it is used. */
export function summarize(uses: readonly RawUse[], minimum: Readonly<Record<string, string>> = readManifestRequirements()): MemberUse[] {
  const byMember = new Map<string, { requirement: Requirement | null; annotation: string; where: string[]; guarded: boolean }>();
  for (const use of uses) {
    const entry = byMember.get(use.member) ?? { requirement: use.requirement, annotation: use.annotation, where: [], guarded: true };
    if (!entry.where.includes(use.where)) entry.where.push(use.where);
    if (!use.guarded) entry.guarded = false;
    byMember.set(use.member, entry);
  }
  return [...byMember.entries()]
    .map(([member, e]) => {
      const min = e.requirement === null ? undefined : minimum[e.requirement.set];
      const aboveMinimum = e.requirement !== null && (min === undefined || compareVersions(e.requirement.version, min) > 0);
      return { member, requirement: e.requirement, annotation: e.annotation, where: e.where, guarded: aboveMinimum && e.guarded, aboveMinimum };
    })
    .sort((a, b) => a.member.localeCompare(b.member, "en"));
}

/** The product's members, with requirement and guard (see the file comment). */
export function analyze(minimum: Readonly<Record<string, string>> = readManifestRequirements()): MemberUse[] {
  return summarize(findUses(), minimum);
}

/** The members that break the rule: above the minimum and not behind a check. */
export function violations(uses: readonly MemberUse[]): MemberUse[] {
  return uses.filter((u) => u.aboveMinimum && !u.guarded);
}

/** docs/requirement-sets.md. */
export function renderTable(uses: readonly MemberUse[], minimum: Readonly<Record<string, string>> = readManifestRequirements()): string {
  const minText = Object.entries(minimum)
    .map(([set, version]) => `${set} ${version}`)
    .join(", ");
  const lines = [
    "# Office.js requirement sets used by Budgetlys",
    "",
    "<!-- Generated by `npx tsx scripts/requirementSets.ts --write`; test/requirementSets.test.ts fails when it is stale. -->",
    "",
    `Every Office.js member the product's code (src/, without tests and the fake Excel) uses — property`,
    `reads and writes, method calls (the overload the type checker resolved), events and object-literal`,
    `properties — with the requirement set its \`@types/office-js\` annotation names. The manifest's minimum is`,
    `**${minText}** (read from manifest.xml). A member above it must be behind an \`isSetSupported\` check`,
    `with a fallback ("guarded"); "—" means the typings name no set (common API, \`OfficeExtension\`).`,
    "",
    "| Member | Set | Above minimum | Guarded | Where used |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const u of uses) {
    const set = u.requirement === null ? "—" : `${u.requirement.set} ${u.requirement.version === "9999" ? "Preview" : u.requirement.version}`;
    const note = u.requirement !== null && u.annotation !== `${u.requirement.set} ${u.requirement.version}` ? ` (“${u.annotation.replaceAll("|", "\\|")}”)` : "";
    lines.push(`| \`${u.member}\` | ${set}${note} | ${u.aboveMinimum ? "**yes**" : "no"} | ${u.aboveMinimum ? (u.guarded ? "yes" : "**NO**") : "—"} | ${u.where.join(", ")} |`);
  }
  lines.push("");
  return lines.join("\n");
}

/** The fake Excel's object families: the `_typeName`s of src/officeFake. */
function fakeTypeNames(): string[] {
  const dir = path.join(root, "src", "officeFake");
  const names = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    for (const m of fs.readFileSync(path.join(dir, file), "utf8").matchAll(/_typeName = "([A-Za-z]+)"/g)) names.add(m[1] as string);
  }
  return [...names].sort();
}

/**
 * src/officeFake/requirementSets.json: the ExcelApi version of every member of the fake's object
 * families above 1.1 (`"Range.getMergedAreasOrNullObject": "1.13"`), and `$newest`, the highest
 * ExcelApi version the typings know. The fake refuses a member above the sets it is configured with.
 */
export function fakeRequirementTable(): Record<string, string> {
  const file = path.join(root, "node_modules", "@types", "office-js", "index.d.ts");
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const wanted = new Set(fakeTypeNames());
  const table: Record<string, string> = {};
  let newest = "1.1";
  const visit = (node: ts.Node, inExcel: boolean): void => {
    if (ts.isModuleDeclaration(node)) {
      const excel = node.name.text === "Excel";
      if (node.body !== undefined) ts.forEachChild(node.body, (child) => visit(child, excel));
      return;
    }
    if (!inExcel || !(ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) || node.name === undefined) return;
    for (const member of node.members) {
      const requirement = parseAnnotation(annotationOf(member));
      if (requirement === null || requirement.set !== "ExcelApi" || requirement.version === "9999") continue;
      if (compareVersions(requirement.version, newest) > 0) newest = requirement.version;
      const name = member.name !== undefined && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
      if (!ts.isClassDeclaration(node) || !wanted.has(node.name.text) || name === undefined) continue;
      if (compareVersions(requirement.version, "1.1") <= 0) continue;
      const key = `${node.name.text}.${name}`;
      const before = table[key];
      // Overloads: the lowest version that has the member at all.
      if (before === undefined || compareVersions(requirement.version, before) < 0) table[key] = requirement.version;
    }
  };
  ts.forEachChild(source, (child) => visit(child, false));
  const sorted: Record<string, string> = { $newest: newest };
  for (const key of Object.keys(table).sort()) sorted[key] = table[key] as string;
  return sorted;
}

export const FAKE_TABLE_FILE = path.join(root, "src", "officeFake", "requirementSets.json");

export const DOC_FILE = path.join(root, "docs", "requirement-sets.md");

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const uses = analyze();
  const bad = violations(uses);
  if (process.argv.includes("--write")) {
    fs.writeFileSync(DOC_FILE, renderTable(uses));
    fs.writeFileSync(FAKE_TABLE_FILE, `${JSON.stringify(fakeRequirementTable(), null, 2)}\n`);
    console.log(`Skrev ${path.relative(root, DOC_FILE)} (${uses.length} medlemmer) og ${path.relative(root, FAKE_TABLE_FILE)}.`);
  }
  for (const u of bad) console.error(`Kræver ${u.annotation} uden isSetSupported-tjek: ${u.member} (${u.where.join(", ")})`);
  process.exit(bad.length === 0 ? 0 : 1);
}
