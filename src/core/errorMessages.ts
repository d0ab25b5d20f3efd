/**
 * The core's error codes and their Danish messages (`errors.ts` raises them, `reason.ts` renders
 * them): a module of their own so that both can use them without importing each other.
 */

/** Stable codes of everything the core can refuse. */
export type ErrorCode =
  | "base-zero"
  | "not-a-number"
  | "amount-too-large"
  | "years-out-of-range"
  | "negative-debt"
  | "profile-mismatch"
  | "invalid-policy"
  | "invalid-argument";

/** Danish messages, one per code: the words a user sees. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  "base-zero": "Procentgrundlaget er 0 kr., så der kan ikke beregnes en procent.",
  "not-a-number": "Værdien er ikke et tal.",
  "amount-too-large": "Beløbet er for stort til at regne præcist med.",
  "years-out-of-range": "Antal år skal være et helt tal mellem 1 og politikkens maksimum.",
  "negative-debt": "Gælden kan ikke være negativ.",
  "profile-mismatch": "Afdragene summerer ikke til gælden.",
  "invalid-policy": "Politikken er ugyldig.",
  "invalid-argument": "Ugyldigt argument.",
};
