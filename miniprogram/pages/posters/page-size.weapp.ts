/** weapp has no printing: no @page rule (see page-size.ts). */
export {};
