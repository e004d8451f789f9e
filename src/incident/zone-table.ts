/**
 * A time zone's UTC offsets as ICU gives them, computed by scripts/build.mjs: with it, dates in
 * the default zone are converted without creating an `Intl.DateTimeFormat`, whose first creation
 * loads ICU's locale and time-zone data (a tenth of a cold render). Used only by a Node.js whose
 * time-zone data (`process.versions.tz`) is the one the table was computed from, and only inside
 * the years it covers; anything else is asked of ICU as before.
 */
export interface ZoneTable {
  zone: string;
  /** `process.versions.tz` of the Node.js that computed it. */
  tz: string;
  /** The UTC milliseconds covered: [from, to). */
  from: number;
  to: number;
  /** The offset in minutes in force from `from`, then each change: [UTC ms, offset in minutes]. */
  offset: number;
  changes: readonly (readonly [number, number])[];
}

/** Empty in the source: the build replaces this module (in lib/ and in the CLI bundle). */
export const ZONE_TABLES: readonly ZoneTable[] = [];
