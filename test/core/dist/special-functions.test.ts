import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  erfc,
  gammaFunction,
  inverseNormalCdf,
  logGamma,
  normalCdf,
  normalPdf,
} from "../../../src/core/dist/special-functions.js";

// Reference values below were computed with mpmath 1.3 at 30 significant digits
// (mp.erfc, mp.ncdf, mp.gamma, mp.loggamma; inverse-Φ by mp.findroot on ln Φ), each at the double
// nearest the argument shown.

/** |got − want| / |want|. */
function relativeError(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}

describe("erfc", () => {
  it("matches mpmath to 1e-15 relative from the centre to far in the upper tail", () => {
    const table: Array<[number, number]> = [
      [0.3, 0.67137324054087258],
      [1, 0.15729920705028513],
      [2, 0.0046777349810472658],
      [5, 1.5374597944280349e-12],
      [10, 2.0884875837625448e-45],
      [20, 5.3958656116079009e-176],
      [-1, 1.8427007929497149],
      [-3, 1.9999779095030014],
    ];
    for (const [x, want] of table) expect(relativeError(erfc(x), want), `erfc(${x})`).toBeLessThan(1e-15);
  });

  it("satisfies erfc(−x) = 2 − erfc(x)", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(erfc(-x)).toBeCloseTo(2 - erfc(x), 15);
      }),
    );
  });
});

describe("normalCdf (Φ)", () => {
  it("gives 0.975 at 1.959963984540054 and exactly one half at 0", () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normalCdf(0)).toBe(0.5);
  });

  it("matches mpmath to 1e-13 relative, down to Φ(−37) ≈ 5.7e-300", () => {
    const table: Array<[number, number]> = [
      [-37, 5.7255712225245768e-300],
      [-20, 2.7536241186062337e-89],
      [-10, 7.6198530241605261e-24],
      [-5, 2.8665157187919391e-7],
      [-3, 0.0013498980316300945],
      [-1, 0.15865525393145705],
      [-0.5, 0.3085375387259869],
      [0.3, 0.61791142218895263],
      [1, 0.84134474606854295],
      [2, 0.97724986805182079],
      [3, 0.99865010196836991],
      [5, 0.99999971334842812],
      [8, 0.99999999999999938],
    ];
    for (const [z, want] of table) expect(relativeError(normalCdf(z), want), `Φ(${z})`).toBeLessThan(1e-13);
  });

  it("is symmetric: Φ(z) + Φ(−z) = 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
        expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
      }),
    );
  });

  it("has the density φ as its derivative", () => {
    const h = 1e-5;
    for (const z of [-4, -1.5, 0, 0.7, 2.5]) {
      const slope = (normalCdf(z + h) - normalCdf(z - h)) / (2 * h);
      expect(relativeError(slope, normalPdf(z)), `z = ${z}`).toBeLessThan(1e-8);
    }
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
  });
});

describe("inverseNormalCdf (Φ⁻¹)", () => {
  it("gives 2.326347874 at 0.99 and matches mpmath to 1e-14 from 1e-300 to 1 − 1e-6", () => {
    expect(inverseNormalCdf(0.99)).toBeCloseTo(2.326347874, 9);
    const table: Array<[number, number]> = [
      [1e-300, -37.047096299361199],
      [1e-20, -9.2623400897984076],
      [1e-10, -6.3613409024040562],
      [0.001, -3.0902323061678135],
      [0.02425, -1.9729610513118849], // Acklam's break point between tail and centre
      [0.1, -1.2815515655446005],
      [0.3, -0.52440051270804078],
      // Upper half: references are for the double nearest each p (0.999999 is 1 − 1.0000000000287557e-6).
      [0.9, 1.2815515655446006],
      [0.975, 1.9599639845400539],
      [0.99, 2.3263478740408408],
      [0.999999, 4.7534243088170878],
    ];
    for (const [p, want] of table) expect(relativeError(inverseNormalCdf(p), want), `Φ⁻¹(${p})`).toBeLessThan(1e-14);
    expect(inverseNormalCdf(0.5)).toBe(0);
  });

  it("returns −∞ at 0, +∞ at 1 and NaN outside [0, 1]", () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(inverseNormalCdf(-0.1)).toBeNaN();
    expect(inverseNormalCdf(1.5)).toBeNaN();
    expect(inverseNormalCdf(NaN)).toBeNaN();
  });

  it("undoes Φ for z from −37 to 3", () => {
    // Above 3, Φ(z) is within 0.0013 of 1 and its last-bit rounding alone moves z by 2e-16/φ(z).
    fc.assert(
      fc.property(fc.double({ min: -37, max: 3, noNaN: true }), (z) => {
        expect(Math.abs(inverseNormalCdf(normalCdf(z)) - z)).toBeLessThan(1e-13 * Math.max(1, Math.abs(z)));
      }),
    );
  });

  it("is undone by Φ to 5e-13 relative for p from 1e-300 to 1", () => {
    // Conditioning bound: d(ln Φ)/dz ≈ |z| and z itself is rounded to |z|·1.1e-16, so Φ(z) at z ≈ −37
    // (p = 1e-300) is only defined to about 37²·1.1e-16 = 1.5e-13 relative.
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1, noNaN: true, maxExcluded: true }), (p) => {
        // Above ½ compare absolutely: there Φ only carries absolute precision.
        const got = normalCdf(inverseNormalCdf(p));
        if (p <= 0.5) expect(relativeError(got, p)).toBeLessThan(5e-13);
        else expect(Math.abs(got - p)).toBeLessThan(1e-13 * (1 - p) + 2.3e-16);
      }),
    );
  });
});

describe("gammaFunction and logGamma", () => {
  it("gives Γ(5) = 24, Γ(½) = √π and Γ(n) = (n − 1)! up to n = 20", () => {
    expect(gammaFunction(5)).toBeCloseTo(24, 12);
    expect(relativeError(gammaFunction(0.5), Math.sqrt(Math.PI))).toBeLessThan(1e-15);
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(relativeError(gammaFunction(n), factorial), `Γ(${n})`).toBeLessThan(1e-14);
      factorial *= n;
    }
  });

  it("matches mpmath at fractional, tiny, negative and large arguments", () => {
    const table: Array<[number, number]> = [
      [1 / 3, 2.6789385347077476],
      [2.5, 1.329340388179137],
      [10.5, 1133278.3889487856],
      [1e-5, 99999.422794225559],
      [-0.5, -3.5449077018110321],
      [170.5, 5.5620924145599996e305],
    ];
    for (const [x, want] of table) expect(relativeError(gammaFunction(x), want), `Γ(${x})`).toBeLessThan(2e-13);
  });

  it("satisfies Γ(x + 1) = x·Γ(x)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (x) => {
        expect(relativeError(gammaFunction(x + 1), x * gammaFunction(x))).toBeLessThan(1e-13);
      }),
    );
  });

  it("gives ln Γ, finite where Γ overflows", () => {
    expect(relativeError(logGamma(100), 359.1342053695754)).toBeLessThan(1e-15);
    expect(relativeError(logGamma(1000), 5905.2204232091812)).toBeLessThan(1e-15);
    expect(relativeError(logGamma(0.01), 4.5994798780420217)).toBeLessThan(1e-14);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
  });
});
