/** H5: the poster prints from the browser; the print stylesheet hides the page's own buttons. */
import './print.css';

export const CAN_PRINT = true;

export function printPage(): void {
  window.print();
}
