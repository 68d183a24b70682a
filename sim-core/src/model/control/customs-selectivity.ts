import type { Rng } from '../../random/rng.ts';
import type { Channel, ChannelShares, Direction } from './types.ts';

/** What customs' risk engine sees of a declaration (telemetry). */
export interface DeclarationInfo {
  direction: Direction;
  /** Submitted through the National Single Window before the truck arrived. */
  preArrival: boolean;
  /** Whether the real-time data exchange with China is up when the channel is assigned. */
  dataExchangeUp: boolean;
}

/** Customs selectivity: assigns a channel to each declaration. */
export interface CustomsSelectivity {
  readonly name: string;
  assign(declaration: DeclarationInfo): Channel;
}

/**
 * Default: channels drawn by the scenario's shares per direction. Without the data exchange with
 * China, advance data is missing and nothing can be released unseen: a green declaration gets a
 * document check (yellow) instead.
 */
export class ShareSelectivity implements CustomsSelectivity {
  readonly name = 'default';

  constructor(
    private readonly shares: Readonly<Record<Direction, ChannelShares>>,
    private readonly rng: Rng,
  ) {}

  assign(d: DeclarationInfo): Channel {
    const s = this.shares[d.direction];
    const u = this.rng.next();
    const channel: Channel = u < s.green ? 'green' : u < s.green + s.yellow ? 'yellow' : 'red';
    return channel === 'green' && !d.dataExchangeUp ? 'yellow' : channel;
  }
}
