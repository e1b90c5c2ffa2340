import { describe, expect, it } from 'vitest';
import { compareStepIds } from './step-order';

describe('compareStepIds', () => {
  it('orders ids as the runbook lists them: by scenario, symptoms first, then steps by number, then causes, checks and notes', () => {
    const ids = ['3.3.10', '3.10.1', '3.5.k1', '3.3.1', '3.3.s2', '3.1.c1', '3.3', '3.3.s1', '3.3.2', '3.1.1', '3.5.1', '3.2.n1', '3.2.5'];
    expect([...ids].sort(compareStepIds)).toEqual(['3.1.1', '3.1.c1', '3.2.5', '3.2.n1', '3.3', '3.3.s1', '3.3.s2', '3.3.1', '3.3.2', '3.3.10', '3.5.1', '3.5.k1', '3.10.1']);
  });
});
