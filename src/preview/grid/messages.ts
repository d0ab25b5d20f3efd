/** The grid's words for assistive technology (Danish, as the preview is). */

/** The grid's accessible name. */
export const gridLabel = (sheetName: string): string => `Regnearket ${sheetName}`;

/** The cell editor's accessible name. */
export const editorLabel = (address: string): string => `Rediger ${address}`;
