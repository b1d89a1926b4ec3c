import type { CounterCore } from '../../core/counter-core';
import type { Handlers } from '../router';

type HoursCallName = Extract<keyof Handlers, `hours.${string}`>;

/** Opening hours: the editor's load and save, today's hours for the home screen, and "Reviewed, nothing to change". */
export function hoursHandlers(core: CounterCore, changed: () => void): Pick<Handlers, HoursCallName> {
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
