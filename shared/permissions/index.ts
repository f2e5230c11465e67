export * from './permissions';
export * from './privacy';
