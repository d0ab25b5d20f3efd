/**
 * Vitest setup: the `CustomFunctions` global that Excel provides and vitest does not (see
 * test/fakes/customFunctionsRuntime.ts).
 */
import { installCustomFunctionsRuntime } from "../fakes/customFunctionsRuntime";

installCustomFunctionsRuntime();
