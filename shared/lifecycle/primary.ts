/**
 * The one action that moves a ticket on from where it stands, for the big button at the top of a
 * staff ticket (issue 18 §4): of the actions this user may take now, the first in the order a ticket
 * travels — take it in (受理), report in and get there (报到, 认领, 到场), finish (办结), check (核验)
 * — then what a grid worker does with a ticket in hand: close it on the spot (就地办结) before
 * calling departments in (吹哨), as 网格员 are meant to settle what they can. Refusals, returns and
 * the rest stay secondary buttons.
 */
import type { LifecycleAction } from './actions';

export const FORWARD_ORDER: readonly LifecycleAction[] = [
  'accept',
  'acknowledge',
  'claim',
  'arrive',
  'resolve',
  'verify',
  'settle',
  'whistle',
  'mediate',
  'handle',
  'approve-extension',
  'reroute',
];

/** The forward action among those allowed, or null when none of them moves the ticket on. */
export function primaryAction<A extends string>(allowed: readonly A[]): A | null {
  for (const action of FORWARD_ORDER) if ((allowed as readonly string[]).includes(action)) return action as string as A;
  return null;
}
