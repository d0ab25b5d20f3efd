/**
 * Vitest setup: the `CustomFunctions` global that Excel provides and vitest does not (see
 * src/officeFake/customFunctionsRuntime.ts).
 */
import { installCustomFunctionsRuntime } from "../../src/officeFake/customFunctionsRuntime";

installCustomFunctionsRuntime();
