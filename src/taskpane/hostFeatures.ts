/** Which optional features (src/host/features.ts) this Excel lacks, for the pages. */
import { createContext, useContext } from "react";
import type { HostFeature } from "../host/features";

export const HostFeaturesContext = createContext<readonly HostFeature[]>([]);

/** The features this Excel lacks (empty outside Office and in tests unless given). */
export function useMissingFeatures(): readonly HostFeature[] {
  return useContext(HostFeaturesContext);
}
