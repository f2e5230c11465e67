/** weapp has no printing: the poster is printed from the admin console or the H5 page. */
export const CAN_PRINT = false;

export function printPage(): void {}
