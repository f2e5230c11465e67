export * from './rectification';
export * from './estate-class';
export * from './visits';
