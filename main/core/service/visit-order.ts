import { roadKm, type Point } from './geo';

/** A visit to plan: where, how long the work takes, and when the customer can receive (minutes after midnight). */
export interface Visit {
  id: number;
  point: Point;
  minutes: number;
  /** The work may start inside any of these; none means any time. */
  windows: readonly { from: number; to: number }[];
}

export interface VisitDay {
  start: Point;
  visits: readonly Visit[];
  /** Working hours: leave the start no earlier than dayStart, be back by dayEnd (minutes after midnight). */
  dayStart: number;
  dayEnd: number;
  roadFactor: number;
  speedKmh: number;
}

export interface PlannedStop {
  id: number;
  legKm: number;
  /** Arrival, and when the work starts after any wait for the window (minutes after midnight). */
  arrival: number;
  startsAt: number;
  lateMinutes: number;
}

export interface PlannedRoute {
  /** Indexes into the visits, in the planned order. */
  order: number[];
  stops: PlannedStop[];
  totalKm: number;
  backAt: number;
  /** Minutes past a window or past the end of the day, summed; 0 means every window and the day are kept. */
  lateMinutes: number;
}

/** Up to this many visits the order is exact (dynamic programming); above, a heuristic. */
export const EXACT_LIMIT = 10;
const EPS = 1e-9;

type Matrix = number[][];

/** Node 0 is the start; node i + 1 is visit i. */
function distances(day: VisitDay): Matrix {
  const points = [day.start, ...day.visits.map((v) => v.point)];
  return points.map((a) => points.map((b) => roadKm(a, b, day.roadFactor)));
}

/** Arriving at a visit at `arrival`: when its work can start, and how late that is for its windows. */
function serve(visit: Visit, arrival: number): { startsAt: number; late: number } {
  if (visit.windows.length === 0) return { startsAt: arrival, late: 0 };
  let latest = -Infinity;
  let best: { startsAt: number; late: number } | null = null;
  for (const w of visit.windows) {
    if (arrival <= w.to && (best === null || Math.max(arrival, w.from) < best.startsAt))
      best = { startsAt: Math.max(arrival, w.from), late: 0 };
    latest = Math.max(latest, w.to);
  }
  return best ?? { startsAt: arrival, late: arrival - latest };
}

/** Lateness first, then distance: a shorter route that misses a window is not better. */
function better(a: { late: number; km: number }, b: { late: number; km: number }): boolean {
  if (a.late < b.late - EPS) return true;
  if (a.late > b.late + EPS) return false;
  return a.km < b.km - EPS;
}

function simulate(day: VisitDay, d: Matrix, order: readonly number[]): PlannedRoute {
  const minutesPerKm = 60 / day.speedKmh;
  let at = 0;
  let time = day.dayStart;
  let totalKm = 0;
  let late = 0;
  const stops: PlannedStop[] = [];
  for (const i of order) {
    const leg = d[at]![i + 1]!;
    totalKm += leg;
    const arrival = time + leg * minutesPerKm;
    const visit = day.visits[i]!;
    const served = serve(visit, arrival);
    late += served.late;
    stops.push({ id: visit.id, legKm: leg, arrival, startsAt: served.startsAt, lateMinutes: served.late });
    time = served.startsAt + visit.minutes;
    at = i + 1;
  }
  const back = d[at]![0]!;
  totalKm += back;
  const backAt = time + back * minutesPerKm;
  late += Math.max(0, backAt - day.dayEnd);
  return { order: [...order], stops, totalKm, backAt, lateMinutes: late };
}

const cost = (r: PlannedRoute) => ({ late: r.lateMinutes, km: r.totalKm });

/** The route in the order given (the order the visits were allocated in). */
export function routeInOrder(day: VisitDay, order: readonly number[] = day.visits.map((_, i) => i)): PlannedRoute {
  return simulate(day, distances(day), order);
}

/** Routes for many orders of the same day, the distances computed once. */
export function routeEvaluator(day: VisitDay): (order: readonly number[]) => PlannedRoute {
  const d = distances(day);
  return (order) => simulate(day, d, order);
}

/** Whether route a is better than b: fewer late minutes, then fewer km. */
export const isBetterRoute = (a: PlannedRoute, b: PlannedRoute): boolean => better(cost(a), cost(b));

interface Label {
  km: number;
  time: number;
  late: number;
  node: number;
  prev: Label | null;
}

/**
 * The best order by dynamic programming over (visited set, last visit),
 * keeping per state every label no other beats on lateness, distance and
 * time together: with windows a longer way in can be the only way to be on
 * time later, so one label per state would not be exact.
 */
export function exactOrder(day: VisitDay): number[] {
  const n = day.visits.length;
  if (n === 0) return [];
  const d = distances(day);
  const minutesPerKm = 60 / day.speedKmh;
  const labels: Label[][][] = Array.from({ length: 1 << n }, () => Array.from({ length: n }, () => []));
  const add = (set: Label[], label: Label) => {
    if (set.some((o) => o.late <= label.late + EPS && o.km <= label.km + EPS && o.time <= label.time + EPS)) return;
    for (let k = set.length - 1; k >= 0; k--) {
      const o = set[k]!;
      if (label.late <= o.late + EPS && label.km <= o.km + EPS && label.time <= o.time + EPS) set.splice(k, 1);
    }
    set.push(label);
  };
  const extend = (from: Label | null, i: number): Label => {
    const at = from ? from.node + 1 : 0;
    const leg = d[at]![i + 1]!;
    const served = serve(day.visits[i]!, (from?.time ?? day.dayStart) + leg * minutesPerKm);
    return {
      km: (from?.km ?? 0) + leg,
      time: served.startsAt + day.visits[i]!.minutes,
      late: (from?.late ?? 0) + served.late,
      node: i,
      prev: from,
    };
  };
  for (let i = 0; i < n; i++) add(labels[1 << i]![i]!, extend(null, i));
  for (let mask = 1; mask < 1 << n; mask++) {
    for (let last = 0; last < n; last++) {
      for (const label of labels[mask]![last]!) {
        for (let next = 0; next < n; next++) {
          if (mask & (1 << next)) continue;
          add(labels[mask | (1 << next)]![next]!, extend(label, next));
        }
      }
    }
  }
  let best: { label: Label; late: number; km: number } | null = null;
  for (let last = 0; last < n; last++) {
    for (const label of labels[(1 << n) - 1]![last]!) {
      const back = d[last + 1]![0]!;
      const total = { label, km: label.km + back, late: label.late + Math.max(0, label.time + back * minutesPerKm - day.dayEnd) };
      if (best === null || better(total, best)) best = total;
    }
  }
  const order: number[] = [];
  for (let l: Label | null = best!.label; l; l = l.prev) order.unshift(l.node);
  return order;
}

/** Always the nearest unvisited stop next: the usual first draft, and the baseline the benchmark compares against. */
export function nearestNeighbourOrder(day: VisitDay): number[] {
  const d = distances(day);
  const left = new Set(day.visits.map((_, i) => i));
  const order: number[] = [];
  let at = 0;
  while (left.size > 0) {
    let next = -1;
    for (const i of left) if (next < 0 || d[at]![i + 1]! < d[at]![next + 1]!) next = i;
    order.push(next);
    left.delete(next);
    at = next + 1;
  }
  return order;
}

/** Improves an order by 2-opt (reverse a stretch) and or-opt (move one to three stops elsewhere) until neither helps. */
export function improveOrder(day: VisitDay, start: readonly number[]): number[] {
  const d = distances(day);
  // Without windows lateness can only grow with distance, so distance deltas decide every move in O(1).
  if (day.visits.every((v) => v.windows.length === 0)) return improveByDistance(d, start);
  let order = [...start];
  let current = simulate(day, d, order);
  const n = order.length;
  const tryOrder = (candidate: number[]): boolean => {
    const route = simulate(day, d, candidate);
    if (!better(cost(route), cost(current))) return false;
    order = candidate;
    current = route;
    return true;
  };
  for (let improved = true; improved;) {
    improved = false;
    for (let i = 0; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        if (tryOrder([...order.slice(0, i), ...order.slice(i, j + 1).reverse(), ...order.slice(j + 1)])) improved = true;
      }
    }
    for (let len = 1; len <= 3; len++) {
      for (let i = 0; i + len <= n; i++) {
        const segment = order.slice(i, i + len);
        const rest = [...order.slice(0, i), ...order.slice(i + len)];
        for (let k = 0; k <= rest.length; k++) {
          if (k === i) continue;
          if (tryOrder([...rest.slice(0, k), ...segment, ...rest.slice(k)])) {
            improved = true;
            break;
          }
        }
      }
    }
  }
  return order;
}

/** 2-opt and or-opt on distance alone, each move judged by its change in length (the matrix is symmetric). */
function improveByDistance(d: Matrix, start: readonly number[]): number[] {
  // The tour as nodes: 0 (the start), the visits (i + 1), and 0 again.
  const t = [0, ...start.map((i) => i + 1), 0];
  const n = start.length;
  const reverse = (i: number, j: number) => {
    for (; i < j; i++, j--) [t[i], t[j]] = [t[j]!, t[i]!];
  };
  for (let improved = true; improved;) {
    improved = false;
    for (let i = 1; i < n; i++) {
      for (let j = i + 1; j <= n; j++) {
        const delta = d[t[i - 1]!]![t[j]!]! + d[t[i]!]![t[j + 1]!]! - d[t[i - 1]!]![t[i]!]! - d[t[j]!]![t[j + 1]!]!;
        if (delta < -EPS) {
          reverse(i, j);
          improved = true;
        }
      }
    }
    for (let len = 1; len <= 3; len++) {
      for (let i = 1; i + len - 1 <= n; i++) {
        const first = t[i]!;
        const last = t[i + len - 1]!;
        const before = t[i - 1]!;
        const after = t[i + len]!;
        const removal = d[before]![after]! - d[before]![first]! - d[last]![after]!;
        for (let k = 0; k <= n; k++) {
          if (k >= i - 1 && k <= i + len - 1) continue;
          const insertion = d[t[k]!]![first]! + d[last]![t[k + 1]!]! - d[t[k]!]![t[k + 1]!]!;
          if (removal + insertion < -EPS) {
            const segment = t.splice(i, len);
            t.splice(k < i ? k + 1 : k + 1 - len, 0, ...segment);
            improved = true;
            break;
          }
        }
      }
    }
  }
  return t.slice(1, -1).map((node) => node - 1);
}

/**
 * The order to visit in: exact up to EXACT_LIMIT visits, nearest neighbour
 * improved by 2-opt and or-opt above, and never worse than the order given.
 */
export function planVisitOrder(day: VisitDay, given: readonly number[] = day.visits.map((_, i) => i)): PlannedRoute {
  const d = distances(day);
  const order = day.visits.length <= EXACT_LIMIT ? exactOrder(day) : improveOrder(day, nearestNeighbourOrder(day));
  const planned = simulate(day, d, order);
  const asGiven = simulate(day, d, given);
  return better(cost(asGiven), cost(planned)) ? asGiven : planned;
}
