/**
 * The one argument parser of every subcommand: `node:util` `parseArgs` (tokens, so every message
 * is ours and Danish) plus the checks all commands share. A command declares its options once
 * ({@link OptionSpecs}); bad usage throws {@link UsageError}, which `main.ts` prints the same way
 * for every command.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./io";

/** One option of a command. `--help`/`-h` is added to every command. */
export type OptionSpec =
  | { readonly type: "boolean"; readonly short?: string }
  | {
      readonly type: "string";
      readonly short?: string;
      /** The option may be given more than once; its value is then a list. */
      readonly multiple?: boolean;
      /** What the value is, in Danish, for "--x mangler <value>." (e.g. "et arknavn"). */
      readonly value: string;
    };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed value of each option: a flag is a boolean, a repeatable option a list, another option its text or undefined. */
export type OptionValues<O extends OptionSpecs> = {
  -readonly [K in keyof O]: O[K] extends { readonly type: "boolean" }
    ? boolean
    : O[K] extends { readonly multiple: true }
      ? string[]
      : string | undefined;
};

export interface ParsedArgs<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: string[];
  /** `--help` or `-h` was given. */
  readonly help: boolean;
}

/**
 * Parses `argv` against `options`. Accepts `--x VALUE`, `--x=VALUE`, short flags, and `--` before
 * file names that start with a dash. Throws {@link UsageError} (Danish) for an unknown option, a
 * missing value, or a value given to a flag.
 */
export function parseCommandLine<const O extends OptionSpecs>(argv: readonly string[], options: O): ParsedArgs<O> {
  const config: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = { help: { type: "boolean", short: "h" } };
  for (const [name, spec] of Object.entries(options)) {
    config[name] = { type: spec.type, ...(spec.short !== undefined ? { short: spec.short } : {}) };
  }
  // strict: false so that nothing is reported in Node's English; every check is below.
  const { tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(options)) values[name] = spec.type === "boolean" ? false : spec.type === "string" && spec.multiple === true ? [] : undefined;
  const positionals: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === "option-terminator") continue;
    if (token.name === "help") {
      help = true;
      continue;
    }
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (spec === undefined) throw new UsageError(`Ukendt tilvalg "${token.rawName}".`);
    if (spec.type === "boolean") {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} tager ikke en værdi (fik "${token.value}").`);
      values[token.name] = true;
      continue;
    }
    // "--sheet --json": parseArgs takes "--json" as the value; the user forgot the value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) throw new UsageError(`${token.rawName} mangler ${spec.value}.`);
    if (spec.multiple === true) (values[token.name] as string[]).push(token.value);
    else if (values[token.name] !== undefined) throw new UsageError(`${token.rawName} er angivet mere end én gang.`);
    else values[token.name] = token.value;
  }
  return { values: values as OptionValues<O>, positionals, help };
}

/** A whole number given to `flag` ("--years"), or a Danish {@link UsageError}. */
export function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} skal være et helt tal, ikke "${text}".`);
  return Number(text);
}
