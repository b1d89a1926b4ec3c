import type { CounterCore } from '../../core/counter-core';
import type { HandlersOf } from '../call';
import type { hoursCalls } from './calls';

/** Opening hours: the editor's load and save, today's hours for the home screen, and "Reviewed, nothing to change". */
export function hoursHandlers(core: CounterCore, changed: () => void): HandlersOf<typeof hoursCalls> {
  return {
    'hours.get': () => core.hours.get(),
    'hours.save': (input) => {
      const { issues, hours } = core.hours.save(input);
      // A saved change queued one event per network: the pump delivers them.
      if (issues.length === 0) changed();
      return { saved: issues.length === 0, issues, hours };
    },
    'hours.today': () => core.hours.today(),
    'hours.markReviewed': () => {
      core.hours.markReviewed();
      return core.hours.today();
    },
  };
}
