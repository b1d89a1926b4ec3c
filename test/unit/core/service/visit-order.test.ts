import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactOrder,
  improveOrder,
  isBetterRoute,
  nearestNeighbourOrder,
  planVisitOrder,
  routeEvaluator,
  routeInOrder,
  type PlannedRoute,
  type VisitDay,
} from '../../../../main/core/service/visit-order';

const MILAN = { latitude: 45.4642, longitude: 9.19 };

/** Every order of n visits (Heap's algorithm): the oracle the planner is checked against. */
function* permutations(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  const c = Array<number>(n).fill(0);
  yield [...a];
  for (let i = 0; i < n;) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[j], a[i]] = [a[i]!, a[j]!];
      yield [...a];
      c[i]!++;
      i = 0;
    } else c[i++] = 0;
  }
}

function bruteForce(day: VisitDay): PlannedRoute {
  const route = routeEvaluator(day);
  let best: PlannedRoute | null = null;
  for (const order of permutations(day.visits.length)) {
    const r = route(order);
    if (best === null || isBetterRoute(r, best)) best = r;
  }
  return best!;
}

/** Visits within ~20 km of Milan; some with a window of an hour or more between 08:00 and 17:00. */
const dayArbitrary = (min: number, max: number, withWindows: boolean) =>
  fc
    .array(
      fc.record({
        dLat: fc.double({ min: -0.18, max: 0.18, noNaN: true }),
        dLon: fc.double({ min: -0.25, max: 0.25, noNaN: true }),
        minutes: fc.integer({ min: 15, max: 90 }),
        window: withWindows
          ? fc.option(fc.tuple(fc.integer({ min: 8 * 60, max: 15 * 60 }), fc.integer({ min: 60, max: 240 })), { freq: 2 })
          : fc.constant(null),
      }),
      { minLength: min, maxLength: max },
    )
    .map((visits): VisitDay => ({
      start: MILAN,
      dayStart: 8 * 60,
      dayEnd: 18 * 60,
      roadFactor: 1.3,
      speedKmh: 40,
      visits: visits.map((v, i) => ({
        id: i,
        point: { latitude: MILAN.latitude + v.dLat, longitude: MILAN.longitude + v.dLon },
        minutes: v.minutes,
        windows: v.window ? [{ from: v.window[0], to: v.window[0] + v.window[1] }] : [],
      })),
    }));

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

describe('visit order', () => {
  it('works out arrival times, waits for a window and counts the way back', () => {
    const day: VisitDay = {
      start: { latitude: 0, longitude: 0 },
      dayStart: 480,
      dayEnd: 1080,
      roadFactor: 1,
      speedKmh: 60,
      visits: [{ id: 5, point: { latitude: 0, longitude: 0.5 }, minutes: 30, windows: [{ from: 600, to: 660 }] }],
    };
    const route = routeInOrder(day);
    const km = route.stops[0]!.legKm;
    expect(km).toBeCloseTo(55.6, 1);
    expect(route.stops[0]!.arrival).toBeCloseTo(480 + km, 6);
    expect(route.stops[0]!.startsAt).toBe(600);
    expect(route.totalKm).toBeCloseTo(2 * km, 6);
    expect(route.backAt).toBeCloseTo(630 + km, 6);
    expect(route.lateMinutes).toBe(0);
  });

  it('is never worse than the order given (fewer late minutes, else no more km)', () => {
    fc.assert(
      fc.property(dayArbitrary(0, 14, true), (day) => {
        const given = routeInOrder(day);
        const planned = planVisitOrder(day);
        expect(isBetterRoute(given, planned)).toBe(false);
        if (close(planned.lateMinutes, given.lateMinutes)) expect(planned.totalKm).toBeLessThanOrEqual(given.totalKm + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('without windows is never longer than the order given, however many visits', () => {
    fc.assert(
      fc.property(dayArbitrary(0, 40, false), (day) => {
        expect(planVisitOrder(day).totalKm).toBeLessThanOrEqual(routeInOrder(day).totalKm + 1e-9);
      }),
      { numRuns: 30 },
    );
  });

  it('equals the optimum of every order on random days of up to 8 visits, windows included', () => {
    fc.assert(
      fc.property(dayArbitrary(1, 8, true), (day) => {
        const best = bruteForce(day);
        const exact = routeEvaluator(day)(exactOrder(day));
        expect(close(exact.lateMinutes, best.lateMinutes)).toBe(true);
        expect(exact.totalKm).toBeCloseTo(best.totalKm, 6);
        const planned = planVisitOrder(day);
        expect(close(planned.lateMinutes, best.lateMinutes)).toBe(true);
        expect(planned.totalKm).toBeCloseTo(best.totalKm, 6);
      }),
      { numRuns: 40 },
    );
  });

  it('equals the optimum on random days of 9 visits', () => {
    fc.assert(
      fc.property(dayArbitrary(9, 9, true), (day) => {
        const best = bruteForce(day);
        const planned = planVisitOrder(day);
        expect(close(planned.lateMinutes, best.lateMinutes)).toBe(true);
        expect(planned.totalKm).toBeCloseTo(best.totalKm, 6);
      }),
      { numRuns: 2 },
    );
  }, 30_000);

  it('keeps every window whenever some order can', () => {
    fc.assert(
      fc.property(dayArbitrary(1, 7, true), (day) => {
        const planned = planVisitOrder(day);
        if (bruteForce(day).lateMinutes === 0) {
          expect(planned.lateMinutes).toBe(0);
          for (const stop of planned.stops) {
            const windows = day.visits.find((v) => v.id === stop.id)!.windows;
            if (windows.length > 0) expect(windows.some((w) => stop.startsAt >= w.from && stop.startsAt <= w.to)).toBe(true);
          }
          expect(planned.backAt).toBeLessThanOrEqual(day.dayEnd + 1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('improves nearest neighbour by local search, and the exact order is at least as good as both', () => {
    fc.assert(
      fc.property(dayArbitrary(2, 10, false), (day) => {
        const route = routeEvaluator(day);
        const nn = route(nearestNeighbourOrder(day));
        const improved = route(improveOrder(day, nearestNeighbourOrder(day)));
        const exact = route(exactOrder(day));
        expect(improved.totalKm).toBeLessThanOrEqual(nn.totalKm + 1e-9);
        expect(exact.totalKm).toBeLessThanOrEqual(improved.totalKm + 1e-9);
      }),
      { numRuns: 30 },
    );
  });
});
