/** H5: the printed sheet is A4 (the @page rule stays out of weapp's WXSS, which has no printing). */
import './page-size.css';
export {};
