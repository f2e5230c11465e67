/**
 * Where an owner group comes from, H5 / local runtime: no WeChat group exists here, so the binding
 * screen offers the estate's demo groups (`ticket.demoGroups`) and nothing is read from the launch.
 * The weapp build uses groupEntry.weapp.ts (the group chat the mini-program was opened from).
 */

/** 'demo': pick a demo group of the estate; 'wechat': the group chat the card was opened in. */
export const GROUP_SOURCE: 'demo' | 'wechat' = 'demo';

/** The `cloudId` to send for the group the app was opened from; never one in H5. */
export async function enteredGroupRef(): Promise<{ cloudId: unknown } | null> {
  return null;
}
