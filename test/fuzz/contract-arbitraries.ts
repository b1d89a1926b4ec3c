import fc, { type Arbitrary } from 'fast-check';
import { z } from 'zod';
import { calls, type CallName } from '../../main/api/contract';

/** The subset of JSON Schema that z.toJSONSchema gives for the contract's inputs. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Values a field of this name takes in a real store, so valid-shaped calls also reach existing rows. */
const HINTS: Record<string, Arbitrary<unknown>> = {
  networkId: fc.constantFrom('demo-it', 'demo-fr'),
  language: fc.constantFrom('it', 'fr', 'en'),
  path: fc.constantFrom('/dev/ttyUSB0', '/dev/ttyACM3', 'COM4', '/dev/serial/by-id/usb-scanner-if00'),
};

/** Texts an attacker tries in any string field. */
const NASTY_STRINGS = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u202e',
  '../../etc/passwd',
  "'; DROP TABLE parcels; --",
  '%',
  '=1+1',
  'x'.repeat(600),
  '\ud800',
  '🙂',
);

const STRING_LIMIT = 80;
const ARRAY_LIMIT = 4;

/** A fast-check arbitrary of values shaped like the schema (they may still break a refinement: the router must say so). */
export function arbitraryOf(schema: JsonSchema, name = ''): Arbitrary<unknown> {
  const hint = HINTS[name];
  const own = plainArbitraryOf(schema);
  return hint ? fc.oneof(hint, own) : own;
}

function plainArbitraryOf(schema: JsonSchema): Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryOf(s)));
  if (schema.allOf?.length) return arbitraryOf(schema.allOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, s]) => [key, arbitraryOf(s, key)]));
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? ARRAY_LIMIT, ARRAY_LIMIT));
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => arbitraryOf(s)));
      return fc.array(arbitraryOf(schema.items ?? {}), { minLength, maxLength });
    }
    case 'string':
      return fc.oneof({ weight: 4, arbitrary: stringOf(schema) }, { weight: 1, arbitrary: NASTY_STRINGS });
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6), -1e9);
      const max = Math.min(schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6), 1e9);
      // Small values reach the rows a fresh store has (ids 1, 2, 3…); the rest try the edges.
      const near = fc.integer({ min, max: Math.min(max, min + 5) });
      const anywhere = type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
      return fc.oneof(near, anywhere, fc.constantFrom(min, max));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(schema: JsonSchema): Arbitrary<string> {
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'base64') return fc.base64String({ maxLength: 400 });
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  return fc.string({
    minLength,
    maxLength: Math.max(minLength, Math.min(schema.maxLength ?? STRING_LIMIT, STRING_LIMIT)),
    unit: 'grapheme',
  });
}

/** Inputs shaped by the call's own zod schema (through its JSON Schema). */
export function validShapedInputOf(name: CallName): Arbitrary<unknown> {
  const schema = calls[name].input;
  if (schema.safeParse(undefined).success) return fc.constant(undefined);
  return arbitraryOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}

/** Inputs that break the shape: anything at all, a field given any value, an unknown key added. */
export function malformedInputOf(name: CallName): Arbitrary<unknown> {
  const shaped = validShapedInputOf(name);
  const broken = shaped.chain((value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return fc.anything();
    const keys = Object.keys(value);
    return fc.oneof(
      fc.record({ key: fc.string({ maxLength: 20 }), junk: fc.anything() }).map(({ key, junk }) => ({ ...value, [`x${key}`]: junk })),
      ...(keys.length > 0
        ? [fc.record({ key: fc.constantFrom(...keys), junk: fc.anything() }).map(({ key, junk }) => ({ ...value, [key]: junk }))]
        : []),
    );
  });
  return fc.oneof(fc.anything(), broken);
}
