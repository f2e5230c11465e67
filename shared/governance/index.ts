export * from './rectification';
export * from './estate-class';
export * from './visits';
export * from './access';
export * from './names';
