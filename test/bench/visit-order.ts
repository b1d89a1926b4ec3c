import { seededRandom } from '../../main/core/seeded-random';
import {
  exactOrder,
  improveOrder,
  nearestNeighbourOrder,
  planVisitOrder,
  routeEvaluator,
  type VisitDay,
} from '../../main/core/service/visit-order';
import { ms, percentile } from './stats';

const DAYS = 40;

/** A day of `n` visits scattered over ~30 km around Milan, without windows, from a seed. */
function randomDay(n: number, seed: number): VisitDay {
  const random = seededRandom(seed);
  return {
    start: { latitude: 45.4642, longitude: 9.19 },
    dayStart: 0,
    dayEnd: 24 * 60,
    roadFactor: 1.3,
    speedKmh: 40,
    visits: Array.from({ length: n }, (_, id) => ({
      id,
      point: { latitude: 45.4642 + (random() - 0.5) * 0.3, longitude: 9.19 + (random() - 0.5) * 0.4 },
      minutes: 10,
      windows: [],
    })),
  };
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/**
 * The visit planner: with 9 visits the heuristic (nearest neighbour, 2-opt,
 * or-opt) against the exact optimum by dynamic programming; with 50 visits
 * (no exact answer in reach) the heuristic against nearest neighbour alone.
 */
export async function benchVisitOrder(): Promise<{ rows: [string, string][] }> {
  const ratios9: number[] = [];
  const exactMs: number[] = [];
  const heuristic9Ms: number[] = [];
  for (let seed = 1; seed <= DAYS; seed++) {
    const day = randomDay(9, seed);
    const route = routeEvaluator(day);
    const exact = timed(() => exactOrder(day));
    const heuristic = timed(() => improveOrder(day, nearestNeighbourOrder(day)));
    exactMs.push(exact.ms);
    heuristic9Ms.push(heuristic.ms);
    ratios9.push(route(heuristic.value).totalKm / route(exact.value).totalKm);
  }
  const ratios50: number[] = [];
  const nnMs: number[] = [];
  const planMs: number[] = [];
  for (let seed = 1; seed <= DAYS; seed++) {
    const day = randomDay(50, 1000 + seed);
    const route = routeEvaluator(day);
    const nn = timed(() => nearestNeighbourOrder(day));
    const planned = timed(() => planVisitOrder(day));
    nnMs.push(nn.ms);
    planMs.push(planned.ms);
    ratios50.push(planned.value.totalKm / route(nn.value).totalKm);
  }
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  return {
    rows: [
      [
        `9 visits, heuristic ÷ exact optimum (${DAYS} days): mean / worst`,
        `${mean(ratios9).toFixed(4)} / ${Math.max(...ratios9).toFixed(4)} (aim ≤ 1.02)`,
      ],
      ['9 visits, exact DP (what the app uses) p50 / p95', `${ms(percentile(exactMs, 50))} / ${ms(percentile(exactMs, 95))}`],
      ['9 visits, heuristic p50', ms(percentile(heuristic9Ms, 50))],
      [
        `50 visits, planned ÷ nearest neighbour alone (${DAYS} days): mean / worst`,
        `${mean(ratios50).toFixed(4)} / ${Math.max(...ratios50).toFixed(4)}`,
      ],
      ['50 visits, planning time p50 / p95 (aim < 100 ms)', `${ms(percentile(planMs, 50))} / ${ms(percentile(planMs, 95))}`],
      ['50 visits, nearest neighbour alone p50 (baseline)', ms(percentile(nnMs, 50))],
    ],
  };
}
