// Checks HTTP traffic against docs/network-api.openapi.yaml. Operations, parameters and schemas
// are all read from the document, so a change there is enforced here without editing this file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const documentPath = fileURLToPath(new URL('../../docs/network-api.openapi.yaml', import.meta.url));

type Node = Record<string, unknown>;
type Headers = Record<string, string | string[] | undefined>;

const document = parse(readFileSync(documentPath, 'utf8')) as Node;
const DOCUMENT_ID = 'https://opencounter.test/network-api.openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
// OpenAPI ignores header parameters with these names (they are described elsewhere).
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
addFormats(ajv);
// Ajv compiles the document's root when it resolves a $ref into it, so the OpenAPI fields of the
// root must be known keywords; so must the schema annotations (oneOf already picks a discriminator's branch).
ajv.addVocabulary(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags']);
ajv.addVocabulary(['discriminator', 'example', 'xml', 'externalDocs']);
ajv.addSchema({ ...document, $id: DOCUMENT_ID });

const compiled = new Map<string, ValidateFunction>();
function validatorAt(pointer: string): ValidateFunction {
  let validate = compiled.get(pointer);
  if (!validate) {
    const fragment = pointer.split('/').map(encodeURIComponent).join('/');
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${fragment}` });
    compiled.set(pointer, validate);
  }
  return validate;
}

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** A node of the document and its JSON pointer, following `$ref`s inside the document. */
interface Located {
  node: Node;
  pointer: string;
}

function locate(pointer: string): Located {
  let node: unknown = document;
  for (const token of pointer.split('/').slice(1)) {
    node = (node as Node | undefined)?.[token.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`Nothing at ${pointer} in ${documentPath}`);
  const ref = (node as Node).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) return locate(ref.slice(1));
  return { node: node as Node, pointer };
}

function child(parent: Located, ...tokens: string[]): Located | undefined {
  let node: unknown = parent.node;
  for (const token of tokens) node = (node as Node | undefined)?.[token];
  if (typeof node !== 'object' || node === null) return undefined;
  return locate(`${parent.pointer}/${tokens.map(escapeToken).join('/')}`);
}

// A oneOf reports the errors of every branch; the same line can come from several of them.
function formatErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  const lines = (errors ?? []).map((e) => {
    const at = e.instancePath === '' ? '' : ` at ${e.instancePath}`;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` '${String(e.params.additionalProperty)}'`
        : e.keyword === 'const' || e.keyword === 'enum'
          ? ` ${JSON.stringify(e.params.allowedValue ?? e.params.allowedValues)}`
          : '';
    return `${where}${at}: ${e.message ?? e.keyword}${extra}`;
  });
  return [...new Set(lines)];
}

function check(where: string, schema: Located, value: unknown): string[] {
  const validate = validatorAt(schema.pointer);
  return validate(value) ? [] : formatErrors(where, validate.errors);
}

export interface MatchedOperation {
  operationId: string;
  pathTemplate: string;
  method: string;
  pathParams: Record<string, string>;
  operation: Located;
  pathItem: Located;
}

const routes = Object.keys((document.paths ?? {}) as Node).map((template) => {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{(.+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { template, names, regex: new RegExp(`^${source}$`) };
});

/** The operation of the document for this method and path (the path below the server's base URL). */
export function findOperation(method: string, path: string): MatchedOperation | undefined {
  const lower = method.toLowerCase();
  if (!METHODS.includes(lower)) return undefined;
  for (const route of routes) {
    const found = route.regex.exec(path);
    if (!found) continue;
    const pathItem = locate(`/paths/${escapeToken(route.template)}`);
    const operation = child(pathItem, lower);
    if (!operation) continue;
    const pathParams: Record<string, string> = {};
    route.names.forEach((name, i) => (pathParams[name] = decodeURIComponent(found[i + 1] ?? '')));
    const operationId = typeof operation.node.operationId === 'string' ? operation.node.operationId : `${lower} ${route.template}`;
    return { operationId, pathTemplate: route.template, method: lower, pathParams, operation, pathItem };
  }
  return undefined;
}

function parametersOf(match: MatchedOperation): Located[] {
  const byKey = new Map<string, Located>();
  for (const owner of [match.pathItem, match.operation]) {
    const list = owner.node.parameters;
    if (!Array.isArray(list)) continue;
    // An operation's parameter overrides the path item's one with the same name and location.
    list.forEach((_, i) => {
      const param = child(owner, 'parameters', String(i));
      if (param) byKey.set(`${String(param.node.in)}:${String(param.node.name)}`, param);
    });
  }
  return [...byKey.values()];
}

/** Query and header values are strings on the wire; the schema may ask for a number or a boolean. */
function coerce(raw: string, schema: Located): unknown {
  const type = schema.node.type;
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

function jsonSchemaOf(owner: Located | undefined): Located | undefined {
  if (!owner) return undefined;
  const content = (owner.node.content ?? {}) as Node;
  const mediaType = 'application/json' in content ? 'application/json' : Object.keys(content).find((t) => t.endsWith('+json'));
  return mediaType === undefined ? undefined : child(owner, 'content', mediaType, 'schema');
}

export interface RequestToCheck {
  method: string;
  /** Below the server's base URL, e.g. `/stores/s1/events`. */
  path: string;
  query?: URLSearchParams | Record<string, string | undefined>;
  /** Lower-case names, as node:http gives them. */
  headers?: Headers;
  /** The parsed JSON body; undefined when the request has none. */
  body?: unknown;
}

export function validateRequest(request: RequestToCheck): string[] {
  const match = findOperation(request.method, request.path);
  if (!match) return [`no operation of the document for ${request.method.toUpperCase()} ${request.path}`];
  const query = request.query instanceof URLSearchParams ? Object.fromEntries(request.query) : (request.query ?? {});
  const headers = request.headers ?? {};
  const violations: string[] = [];
  for (const param of parametersOf(match)) {
    const { name, in: location, required } = param.node as { name: string; in: string; required?: boolean };
    if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) continue;
    const raw =
      location === 'path'
        ? match.pathParams[name]
        : location === 'query'
          ? query[name]
          : location === 'header'
            ? headerValue(headers, name)
            : undefined;
    const where = `${location} parameter ${name}`;
    if (raw === undefined) {
      if (required === true) violations.push(`${where} is required`);
      continue;
    }
    const schema = child(param, 'schema');
    if (schema) violations.push(...check(where, schema, coerce(raw, schema)));
  }

  const requestBody = child(match.operation, 'requestBody');
  if (!requestBody) {
    if (request.body !== undefined) violations.push('request body is not expected by this operation');
    return violations;
  }
  if (request.body === undefined) {
    if (requestBody.node.required === true) violations.push('request body is required');
    return violations;
  }
  const contentType = headerValue(headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (request.headers && contentType !== undefined && !(contentType in ((requestBody.node.content ?? {}) as Node))) {
    violations.push(`request content-type ${contentType} is not one of the document`);
  }
  const schema = jsonSchemaOf(requestBody);
  if (schema) violations.push(...check('request body', schema, request.body));
  return violations;
}

export interface ResponseToCheck {
  method: string;
  path: string;
  status: number;
  /** The parsed JSON body; undefined when the response has none. */
  body?: unknown;
}

export function validateResponse(response: ResponseToCheck): string[] {
  const match = findOperation(response.method, response.path);
  if (!match) return [`no operation of the document for ${response.method.toUpperCase()} ${response.path}`];
  const status = String(response.status);
  const responses = child(match.operation, 'responses');
  const key = [status, `${status[0]}XX`, 'default'].find((k) => responses?.node[k] !== undefined);
  const described = key === undefined ? undefined : child(responses!, key);
  if (!described) return [`status ${status} is not documented for ${match.operationId}`];
  const schema = jsonSchemaOf(described);
  if (!schema) return response.body === undefined ? [] : [`response ${status} of ${match.operationId} should have no body`];
  if (response.body === undefined) return [`response ${status} of ${match.operationId} has no body`];
  return check(`response ${status} body`, schema, response.body);
}

/** Checks a value against `#/components/schemas/<name>`, e.g. to catch a bad fixture early. */
export function validateComponent(name: string, value: unknown): string[] {
  return check(name, locate(`/components/schemas/${escapeToken(name)}`), value);
}
