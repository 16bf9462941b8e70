/**
 * Why a transport step was refused, as a code the pages translate (`transport.error.<code>`).
 *
 * @example
 * throw new TransportError('route_full');
 */
export const transportErrorCodes = [
  /** Every seat of the chosen bus is held. */
  'route_full',
  /** The route is not one of this event's routes. */
  'unknown_route',
  /** An organiser tried to set fewer seats than are already held. */
  'seats_below_held',
  /** Someone has chosen the route, so it cannot be deleted. */
  'route_in_use',
] as const;
export type TransportErrorCode = (typeof transportErrorCodes)[number];

export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    /** For `seats_below_held`: how many seats are held; for `route_in_use`: how many chose it. */
    readonly held?: number,
  ) {
    super(code);
    this.name = 'TransportError';
  }
}
