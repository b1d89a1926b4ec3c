import { frenchPolicy, italianPolicy } from './policy';
import type { NewNetwork } from './network-repository';

/** The embedded demo networks a fresh install starts with, so there is something to show and train on. */
export const demoNetworks: readonly NewNetwork[] = [
  { id: 'demo-it', name: 'Demo Express IT', adapter: 'demo', policy: italianPolicy },
  { id: 'demo-fr', name: 'Démo Relais FR', adapter: 'demo', policy: frenchPolicy },
];
