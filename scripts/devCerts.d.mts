// Types of scripts/devCerts.mjs for test/scripts/devCerts.test.ts (the script itself stays plain JS).
export declare const CERT_FILES: { readonly cert: string; readonly key: string; readonly ca: string };
export declare function defaultCertDir(): string;
export declare const NO_CERTIFICATE_MESSAGE: (dir: string) => string;
export declare const SELF_SIGNED_WARNING: (dir: string) => string;
export interface ServerChoice {
  readonly protocol: "https" | "http";
  readonly source: "office-addin-dev-certs" | "self-signed" | "http";
  readonly options?: { cert: Buffer; key: Buffer; ca: Buffer };
  readonly warning?: string;
}
export declare function serverChoice(args: readonly string[], certDir?: string, read?: (file: string) => Buffer): ServerChoice & {
  readonly options: { cert: Buffer; key: Buffer; ca: Buffer };
};
