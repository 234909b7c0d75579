/**
 * Rounds to 6 decimal places: how result.json stores derived figures (means, hours, ms totals) so
 * that float noise in the last bits does not show. Charts round to 6 significant digits instead
 * (report/charts/chart-spec.ts `round6`).
 */
export function roundDecimals6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
