// Types of scripts/manifestRequirements.mjs (plain JS: webpack.config.js imports it too).
export function manifestRequirements(xml: string): Record<string, string>;
export function readManifestRequirements(file?: string): Record<string, string>;
