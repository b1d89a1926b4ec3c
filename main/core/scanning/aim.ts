/**
 * AIM symbology identifiers (ISO/IEC 15424; AIM "Guidelines on Symbology Identifiers"): a scanner set up to
 * send them puts `]` + a code character + a modifier character before the data, e.g.
 *   ]C1 GS1-128 (Code 128, FNC1 in first position)   ]C0 plain Code 128
 *   ]E0 EAN-13 / UPC-A / UPC-E, ]E4 EAN-8            ]e0 GS1 DataBar
 *   ]d1 Data Matrix, ]d2 GS1 DataMatrix               ]Q1 QR Code (model 2), ]Q3 GS1 QR Code
 *   ]A0 Code 39, ]I0/]I1 Interleaved 2 of 5, ]L0 PDF417, ]z0 Aztec, ]U0 MaxiCode, ]J1 GS1 DotCode
 * (references: Zebra "AIM Code Identifiers" programming reference; barcode-software.eu "Barcode symbology
 * identifiers"; Denso QR-scanner manuals, which quote the AIM USA guidelines). The code character is case
 * sensitive (`d` Data Matrix vs `D` Code One), so it is read before anything is upper-cased. Some modifiers are
 * letters (iQR Code: A/C/E), so the modifier is any alphanumeric character.
 */

export interface AimIdentifier {
  /** The three characters as sent, e.g. "]C1". */
  readonly id: string;
  /** The code character, e.g. "C" (Code 128) or "d" (Data Matrix). */
  readonly symbology: string;
  readonly modifier: string;
  /** The data is a GS1 element string (FNC1 in first position): application identifiers follow. */
  readonly gs1: boolean;
}

/** Identifiers whose modifier says "FNC1 in first position", i.e. GS1 application-identifier data follows. */
const GS1_ELEMENT_STRING_IDS = new Set([']C1', ']e0', ']d2', ']d5', ']Q3', ']Q5', ']J1']);

const AIM_PREFIX = /^\]([A-Za-z])([0-9A-Za-z])/;

/** Splits a leading AIM symbology identifier off `text`; text without one comes back unchanged. */
export function stripAimIdentifier(text: string): { aim?: AimIdentifier; data: string } {
  const match = AIM_PREFIX.exec(text);
  if (!match) return { data: text };
  const id = match[0];
  return {
    aim: { id, symbology: match[1]!, modifier: match[2]!, gs1: GS1_ELEMENT_STRING_IDS.has(id) },
    data: text.slice(id.length),
  };
}
