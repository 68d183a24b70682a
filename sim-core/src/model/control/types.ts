/** Vocabulary shared by the plant and the controllers. */

/** Export: Vietnam → China; import: China → Vietnam. */
export type Direction = 'export' | 'import';
export type Country = 'VN' | 'CN';
/** Customs channel: green = release, yellow = document check, red = documents and goods. */
export type Channel = 'green' | 'yellow' | 'red';

/** Shares of the three channels (they sum to 1). */
export interface ChannelShares {
  green: number;
  yellow: number;
  red: number;
}
