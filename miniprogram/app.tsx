import type { PropsWithChildren } from 'react';
import { useTextScaleOnDocument } from './ui/TextScale';
import './app.css';

/** The app shell: Taro renders the current page as children. */
export default function App({ children }: PropsWithChildren) {
  // Large-text mode (适老化): in H5 the browser's font size scales every page's text (ui/TextScale).
  useTextScaleOnDocument();
  return children;
}
