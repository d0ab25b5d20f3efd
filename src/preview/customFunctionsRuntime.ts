/**
 * Side-effect module: installs the `CustomFunctions` global before `src/functions/functions.ts`
 * is evaluated. Import it first in the preview's entry.
 */
import { installCustomFunctionsRuntime } from "./customFunctions";

/** The functions `CustomFunctions.associate` registered, by id. */
export const customFunctionRegistry = installCustomFunctionsRuntime();
