import type { z } from 'zod';
import type { FieldIssue } from './errors';

/**
 * Each field a schema refused, with a reason code the renderer translates
 * (errors.reasons.<reason>) and the bound it broke: zod's own English text
 * never reaches a person.
 */
export function inputIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const at = issue.path.map(String);
    const field = at.join('.');
    // An empty or missing value is "required" whatever rule it then broke (the router asks zod to report inputs).
    const input = (issue as { input?: unknown }).input;
    if (issue.code !== 'unrecognized_keys' && (input === undefined || input === null || input === ''))
      return [{ field, reason: 'required' }];
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ field: [...at, key].join('.'), reason: 'unknownField' }));
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') return [{ field, reason: min <= 1 ? 'required' : 'tooShort', params: { min } }];
        if (issue.origin === 'array' || issue.origin === 'set') return [{ field, reason: 'tooFew', params: { min } }];
        return [{ field, reason: 'tooSmall', params: { min } }];
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') return [{ field, reason: 'tooLong', params: { max } }];
        if (issue.origin === 'array' || issue.origin === 'set') return [{ field, reason: 'tooMany', params: { max } }];
        return [{ field, reason: 'tooBig', params: { max } }];
      }
      case 'invalid_format':
        return [{ field, reason: issue.format === 'email' ? 'email' : 'format' }];
      case 'invalid_value':
        return [{ field, reason: 'choose' }];
      case 'not_multiple_of':
        return [{ field, reason: 'wholeNumber' }];
      default:
        return [{ field, reason: 'invalid' }];
    }
  });
}
