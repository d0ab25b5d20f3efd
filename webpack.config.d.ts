// Types of webpack.config.js for test/build-config.test.ts (the config itself stays plain JS).
declare const config: (env: unknown, argv: { mode?: string }) => unknown;
export default config;
export function addinBaseUrl(mode: string): string;
export function manifestVersion(): string;
