/**
 * Wished sheet names of plans: a short prefix (HP handleplan, AP afviklingsplan, OP overskudsplan)
 * and the unit's name. An apostrophe becomes ’ so the tab looks the same but needs no quoting in
 * references (ExcelJS mis-quotes such names in print titles). Writers make names unique and valid.
 */

function tabText(unitName: string): string {
  return unitName.replace(/'/g, "’").trim();
}

/** "HP Søndermarkskolen". */
export function handleplanName(unitName: string): string {
  return `HP ${tabText(unitName)}`;
}

/** "AP Søndermarkskolen". */
export function afviklingsplanName(unitName: string): string {
  return `AP ${tabText(unitName)}`;
}

/** "OP Søndermarkskolen". */
export function overskudsplanName(unitName: string): string {
  return `OP ${tabText(unitName)}`;
}
