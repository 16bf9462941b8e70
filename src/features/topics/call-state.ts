/**
 * Whether an edition's call for topics is open: it opens and closes at the dates the committee
 * set; without dates it is closed.
 *
 * @example
 * callState(call, new Date()); // { open: true, closesAt: … }
 */
import type { TopicCall } from './schema';

export type CallState =
  | { open: true; closesAt: Date }
  | { open: false; reason: 'no_call' | 'not_open_yet' | 'closed'; opensAt: Date | null };

export function callState(call: TopicCall | undefined, now = new Date()): CallState {
  if (!call?.opensAt || !call.closesAt) return { open: false, reason: 'no_call', opensAt: null };
  if (now < call.opensAt) return { open: false, reason: 'not_open_yet', opensAt: call.opensAt };
  if (now >= call.closesAt) return { open: false, reason: 'closed', opensAt: call.opensAt };
  return { open: true, closesAt: call.closesAt };
}
