/** Stands in for imported .css files in jsdom page tests. */
export {};
