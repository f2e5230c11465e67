import { createCloudbaseStore, loadCloudbase } from '../../cloudfunctions/_adapters/cloudbase/store';
import { CloudbaseLoopback } from '../support/cloudbase-loopback';
import { describeStaffQueueContract } from './staff-queue.contract';

describeStaffQueueContract('CloudBase (real @cloudbase/node-sdk against the loopback CloudBase server)', async () => {
  const loopback = await CloudbaseLoopback.start();
  const app = loadCloudbase(loopback.sdkOptions());
  return { store: createCloudbaseStore(app), cleanup: () => loopback.close() };
});
