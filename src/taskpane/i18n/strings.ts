/**
 * The task pane's languages and how their dictionaries are loaded. Components take their text
 * from the dictionary only (`useStrings()`), never from literals. Danish is the default; the
 * traffic-light labels Grøn/Gul/Rød are data (Randersmodellen's terms) and stay Danish in every
 * language. The core's reasons and refusals are rendered from their code and parameters with the
 * dictionary's `reasons` (`state/reasonText.ts`); only the writers' and the host's messages
 * (a failed write, a setting that could not be stored) are Danish by contract.
 *
 * Only the shell's words (shell.ts) are part of the first paint; each full dictionary (da.ts,
 * en.ts) is a chunk of its own, fetched with {@link loadStrings} — so the language not in use is
 * never downloaded.
 */
import type { Strings } from "./da";

export type { Strings } from "./da";
export { LANGUAGE_NAMES, SHELL_STRINGS, type ShellStrings } from "./shell";

/** The task pane's languages. */
export type Language = "da" | "en";

/** All languages, in the order the settings show them. */
export const LANGUAGES: readonly Language[] = ["da", "en"];

const loading = new Map<Language, Promise<Strings>>();
const loaded = new Map<Language, Strings>();

/** Loads a language's dictionary (once; later calls share the first load). */
export function loadStrings(language: Language): Promise<Strings> {
  let promise = loading.get(language);
  if (promise === undefined) {
    promise = (language === "da" ? import("./da").then((m) => m.da) : import("./en").then((m) => m.en)).then((strings) => {
      loaded.set(language, strings);
      return strings;
    });
    // A failed chunk load may be retried later.
    promise.catch(() => loading.delete(language));
    loading.set(language, promise);
  }
  return promise;
}

/** The dictionary when it has been loaded already, else null. */
export function loadedStrings(language: Language): Strings | null {
  return loaded.get(language) ?? null;
}

/** A language from untrusted text (stored preference); null when unknown. */
export function parseLanguage(value: string | null | undefined): Language | null {
  return value === "da" || value === "en" ? value : null;
}
