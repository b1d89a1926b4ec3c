// Runs the test network by hand:
//   tsx test/network-server/cli.ts --port 4100 --token demo-token [--announce 20] [--fault-rate 0.2 --seed 7]
import { parseArgs } from 'node:util';
import { startNetworkTestServer, type ManifestChange } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4100' },
    token: { type: 'string', default: 'demo-token' },
    name: { type: 'string', default: 'Test network' },
    announce: { type: 'string', default: '0' },
    'fault-rate': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
  },
});

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const NAMES = ['Giulia Rossi', 'Marco Bianchi', 'Sofia Romano', 'Luca Colombo', 'Chiara Ricci', 'Andrea Marino'];
const SIZES = ['small', 'medium', 'large'] as const;

/** The same n gives the same parcels, so a store that pulls twice from two runs sees the same ones. */
function announcedParcels(count: number): ManifestChange[] {
  return Array.from({ length: count }, (_, i) => {
    let n = i + 1;
    let suffix = '';
    for (let d = 0; d < 10; d++, n = Math.floor(n / ALPHABET.length)) suffix = ALPHABET.charAt(n % ALPHABET.length) + suffix;
    return {
      type: 'parcel',
      trackingId: `IT${suffix}`,
      recipientName: NAMES[i % NAMES.length]!,
      size: SIZES[i % SIZES.length]!,
      pickupCode: String(100000 + ((i * 7919) % 900000)),
    };
  });
}

const integer = (name: string, raw: string): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, not ${raw}`);
  return value;
};

const server = await startNetworkTestServer({
  port: integer('port', values.port),
  token: values.token,
  networkName: values.name,
  defaultManifest: announcedParcels(integer('announce', values.announce)),
});
const rate = Number(values['fault-rate']);
if (rate > 0) server.setRandomFaults({ rate, seed: integer('seed', values.seed) });

console.log(`${values.name} listening at ${server.url}`);
console.log(`Token: ${values.token}${rate > 0 ? `; random faults on ${Math.round(rate * 100)}% of requests` : ''}. Ctrl+C stops it.`);

let requestsShown = 0;
let violationsShown = 0;
const report = setInterval(() => {
  for (const r of server.requests.slice(requestsShown))
    console.log(`${r.method} ${r.path} -> ${r.status ?? 'no answer'}${r.fault ? ` (${r.fault})` : ''}`);
  for (const v of server.violations.slice(violationsShown)) console.log(`VIOLATION ${v}`);
  requestsShown = server.requests.length;
  violationsShown = server.violations.length;
}, 200);

process.once('SIGINT', () => {
  clearInterval(report);
  void server.stop().then(() => process.exit(0));
});
