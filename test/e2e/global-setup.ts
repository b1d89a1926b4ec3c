import { buildHost } from '../../scripts/build-host.mjs';

/** Every spec's hosts run the bundle built here, from the sources as they are now. */
export default async function globalSetup(): Promise<void> {
  await buildHost();
}
