/** Owner WeChat groups (业主群) bound to estates: demo groups for the local runtime, CloudID reading. */
export * from './demo';
export * from './cloud-id';
