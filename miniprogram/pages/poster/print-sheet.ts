/** H5: the poster's print layout, one A4 page per poster (print-sheet.css; weapp's WXSS has no printing). */
import './print-sheet.css';
export {};
