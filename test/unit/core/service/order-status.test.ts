import { describe, expect, it } from 'vitest';
import { deriveOrderStatus, type RepairStatus } from '../../../../main/core/service/order-states';

describe('order status derived from its lines', () => {
  it.each<[RepairStatus[], string]>([
    [[], 'pending'],
    [['initial'], 'pending'],
    [['in_process'], 'in_process'],
    [['partly_serviced'], 'pending'],
    [['referred'], 'pending'],
    [['on_hold'], 'on_hold'],
    [['finished'], 'finished'],
    [['finished', 'finished'], 'finished'],
    [['finished', 'initial'], 'pending'],
    [['finished', 'on_hold'], 'on_hold'],
    [['on_hold', 'initial'], 'pending'],
    [['on_hold', 'in_process'], 'in_process'],
    [['initial', 'in_process', 'finished'], 'in_process'],
    [['partly_serviced', 'on_hold', 'finished'], 'pending'],
    [['referred', 'finished'], 'pending'],
    [['on_hold', 'on_hold', 'finished'], 'on_hold'],
  ])('%j → %s', (lines, status) => {
    expect(deriveOrderStatus(lines)).toBe(status);
  });

  it('does not depend on the order of the lines', () => {
    expect(deriveOrderStatus(['finished', 'on_hold', 'in_process'])).toBe(deriveOrderStatus(['in_process', 'finished', 'on_hold']));
  });
});
