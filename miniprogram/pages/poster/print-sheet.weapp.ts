/** weapp has no printing: no print layout (see print-sheet.ts). */
export {};
