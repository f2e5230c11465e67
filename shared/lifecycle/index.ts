export * from './actions';
export * from './apply';
export * from './draft';
export * from './errors';
export * from './holder';
export * from './transitions';
export * from './primary';
