import { exponentialGapMs, type Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";

/** One state of a Markov-modulated Poisson process: its arrival rate and mean sojourn time. */
export interface MmppState {
  /** Poisson rate while in this state, per second (0 for an "off" state). */
  ratePerSec: number;
  /** Mean time spent in the state per visit (exponential), ms. */
  meanHoldingMs: number;
}

/**
 * Markov-modulated Poisson process: a continuous-time Markov chain over `states` (exponential
 * sojourns; on leaving, the next state is drawn from the row of `transitions`, by default uniform
 * over the other states, so two states alternate: on/off), with Poisson arrivals at the current
 * state's rate. Starts in a state drawn from the chain's stationary distribution. Exact (no time
 * grid), allocation-free per arrival.
 */
export class MmppArrivals implements ArrivalProcess {
  /** This source carries no durations. */
  readonly lastDurationMs = NaN;
  private readonly rates: Float64Array;
  private readonly holding: Float64Array;
  /** Cumulative transition probabilities, row-major n × n. */
  private readonly cumulative: Float64Array;
  /** Stationary probability of each state (time fraction). */
  readonly stationary: Float64Array;
  private state = 0;
  private stateEndMs = 0;

  constructor(states: readonly MmppState[], transitions: ReadonlyArray<readonly number[]> | null = null) {
    const n = states.length;
    if (n < 2) throw new RangeError("an MMPP needs at least 2 states");
    if (states.some((s) => !(s.ratePerSec >= 0) || !Number.isFinite(s.ratePerSec) || !(s.meanHoldingMs > 0))) {
      throw new RangeError("MMPP states need rates ≥ 0 and mean holding times > 0");
    }
    if (!states.some((s) => s.ratePerSec > 0)) throw new RangeError("an MMPP needs a state with a rate > 0");
    this.rates = Float64Array.from(states, (s) => s.ratePerSec);
    this.holding = Float64Array.from(states, (s) => s.meanHoldingMs);
    const p = transitions ?? states.map((_, i) => states.map((__, j) => (i === j ? 0 : 1 / (n - 1))));
    this.cumulative = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const given = p[i]!;
      const max = Math.max(...given);
      if (given.length !== n || given[i] !== 0 || !(max > 0) || !Number.isFinite(max) || given.some((x) => !(x >= 0))) {
        throw new RangeError(`MMPP transition row ${i} must have ${n} finite probabilities ≥ 0, 0 on the diagonal, with a positive sum`);
      }
      // Divided by the largest first: weights near 1e308 would make the sum Infinity and every probability 0.
      const row = given.map((x) => x / max);
      const sum = row.reduce((a, b) => a + b, 0);
      let acc = 0;
      for (let j = 0; j < n; j++) this.cumulative[i * n + j] = acc += row[j]! / sum;
      // From the last possible target on, exactly 1: a draw u < 1 always finds a state despite rounding.
      let last = n - 1;
      while (row[last] === 0) last--;
      for (let j = last; j < n; j++) this.cumulative[i * n + j] = 1;
    }
    this.stationary = stationaryTimeFractions(this.cumulative, this.holding);
  }

  first(startMs: number, rng: Rng): number {
    const n = this.rates.length;
    const u = rng();
    let acc = 0;
    this.state = n - 1;
    for (let i = 0; i < n; i++) {
      acc += this.stationary[i]!;
      if (u < acc) {
        this.state = i;
        break;
      }
    }
    // Time left in the initial state: exponential again (memoryless).
    this.stateEndMs = startMs + exponentialGapMs(this.holding[this.state]!, rng);
    return this.next(startMs, rng);
  }

  next(nowMs: number, rng: Rng): number {
    let t = nowMs;
    for (;;) {
      const rate = this.rates[this.state]!;
      if (rate > 0) {
        const candidate = t + exponentialGapMs(1000 / rate, rng);
        if (candidate < this.stateEndMs) return candidate;
      }
      t = this.stateEndMs;
      this.jump(rng);
      this.stateEndMs = t + exponentialGapMs(this.holding[this.state]!, rng);
    }
  }

  /** Long-run mean rate: Σ stationary(i) · rate(i), per second. */
  meanRatePerSec(): number {
    let mean = 0;
    for (let i = 0; i < this.rates.length; i++) mean += this.stationary[i]! * this.rates[i]!;
    return mean;
  }

  private jump(rng: Rng): void {
    const n = this.rates.length;
    const u = rng();
    const row = this.state * n;
    let j = 0;
    while (!(u < this.cumulative[row + j]!)) j++;
    this.state = j;
  }
}

/**
 * Fraction of time in each state: the embedded jump chain's stationary vector (power iteration on
 * the lazy chain, which converges for any irreducible chain) weighted by mean holding times.
 */
function stationaryTimeFractions(cumulative: Float64Array, holding: Float64Array): Float64Array {
  const n = holding.length;
  let pi = new Float64Array(n).fill(1 / n);
  for (let iter = 0; iter < 100_000; iter++) {
    const nextPi = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let prev = 0;
      for (let j = 0; j < n; j++) {
        const pij = cumulative[i * n + j]! - prev;
        prev = cumulative[i * n + j]!;
        nextPi[j] += 0.5 * pi[i]! * pij;
      }
      nextPi[i] += 0.5 * pi[i]!;
    }
    let diff = 0;
    for (let i = 0; i < n; i++) diff += Math.abs(nextPi[i]! - pi[i]!);
    pi = nextPi;
    if (diff < 1e-15) break;
  }
  const out = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += out[i] = pi[i]! * holding[i]!;
  for (let i = 0; i < n; i++) out[i] = out[i]! / total;
  return out;
}
