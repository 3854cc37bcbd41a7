import type { GangSpec, ScaleParams } from './plan';
import type { Rng } from './rng';
import { BASES } from './places';
import { DAY } from './time';

export const DEMO_PARAMS: ScaleParams = { shanghaiShare: 0.85, membersPerCase: 0.5, targetsPerCase: 2, quickReport: 0.3 };

export function demoSpecs(rng: Rng): GangSpec[] {
  void rng;
  return [
    { index: 1, known: true, crew: false, categoryCounts: [0, 2, 0, 10, 0, 0, 40, 0, 0], base: BASES[6]!, start: 60 * DAY, end: 320 * DAY },
  ];
}
