/** The qualification section: rules that set a new lead's segment, stage and score. */
import { z } from 'zod';
import { LEAD_FIELDS, type LeadField } from '../../domain/lead-input.js';
import { CONDITION_TESTS } from './constants.js';
import { DEFAULT_QUALIFICATION_DEFAULTS } from './defaults.js';
import {
  isMapWithoutTypos,
  pattern,
  perLeadField,
  slug,
  stageKey,
  strictMap,
  unlessMissing,
  wholeNumber,
} from './primitives.js';

/** Fields compared as numbers; all others are text. */
const NUMERIC_FIELDS: readonly LeadField[] = ['company_size'];
/** Fields `domain_in` understands. */
const DOMAIN_FIELDS: readonly LeadField[] = ['email', 'website'];

const regexSource = z
  .string()
  .min(1)
  .max(500)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source, 'iu');
    } catch (error) {
      const reason = (error as Error).message.replace(/^.*: /, '');
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(source)} is not a valid regular expression (${reason})`,
      });
    }
  });

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ''))
  .pipe(
    pattern(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'a domain like "acme.com"'),
  );

const matchValue = z.union([z.string().trim().min(1), z.number()], {
  error: unlessMissing('must be text or a number'),
});

const matchTests = strictMap({
  gte: z.number().optional(),
  gt: z.number().optional(),
  lte: z.number().optional(),
  lt: z.number().optional(),
  contains: z.string().trim().min(1).optional(),
  matches: regexSource.optional(),
  exists: z.boolean().optional(),
  domain_in: z.array(domainName).min(1).optional(),
}).superRefine(
  (tests, ctx) => {
    if (CONDITION_TESTS.every((name) => tests[name] === undefined)) {
      ctx.addIssue({ code: 'custom', message: `needs at least one test (${CONDITION_TESTS.join(', ')})` });
    }
  },
  // A misspelt test already says what is allowed.
  { when: isMapWithoutTypos },
);

// Flat, so the loader can tell which form was meant and report inside it.
const matcher = z.union([z.string().trim().min(1), z.number(), z.array(matchValue).min(1), matchTests], {
  error: unlessMissing(
    `must be a value, a list of values (any of them), or a map of tests (${CONDITION_TESTS.join(', ')})`,
  ),
});

function checkCondition(field: LeadField, test: z.output<typeof matcher>, ctx: z.core.$RefinementCtx) {
  const numeric = NUMERIC_FIELDS.includes(field);
  const report = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: 'custom', path: [field, ...path], message });
  const checkValue = (value: string | number, path: PropertyKey[]) => {
    if (numeric && typeof value !== 'number') {
      report(path, `${JSON.stringify(value)} is not a number (${field} is compared as a number)`);
    }
  };
  if (typeof test !== 'object') {
    checkValue(test, []);
    return;
  }
  if (Array.isArray(test)) {
    test.forEach((value, i) => {
      checkValue(value, [i]);
    });
    return;
  }
  const used = CONDITION_TESTS.filter((name) => test[name] !== undefined);
  for (const name of used) {
    const forNumbers = ['gte', 'gt', 'lte', 'lt'].includes(name);
    if (forNumbers && !numeric) {
      report([name], `only applies to ${NUMERIC_FIELDS.join(', ')}; ${field} is text`);
    } else if ((name === 'contains' || name === 'matches') && numeric) {
      report([name], `only applies to text; ${field} is a number (use gte, gt, lte or lt)`);
    } else if (name === 'domain_in' && !DOMAIN_FIELDS.includes(field)) {
      report([name], `only applies to ${DOMAIN_FIELDS.join(' and ')}`);
    }
  }
  if (test.exists === false && used.length > 1) {
    report(
      ['exists'],
      'exists: false cannot be combined with other tests (a missing value passes none of them)',
    );
  }
}

const conditionSchema = perLeadField(matcher).superRefine((when, ctx) => {
  for (const field of LEAD_FIELDS) {
    const test = when[field];
    if (test !== undefined) checkCondition(field, test, ctx);
  }
});

const qualificationSet = strictMap({
  segment: slug.optional(),
  stage: stageKey.optional(),
  score: wholeNumber(0, 100).optional(),
}).superRefine(
  (set, ctx) => {
    if (set.segment === undefined && set.stage === undefined && set.score === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one of segment, stage or score' });
    }
  },
  { when: isMapWithoutTypos },
);

export const qualificationSchema = strictMap({
  rules: z
    .array(strictMap({ when: conditionSchema.default({}), set: qualificationSet }))
    .max(100)
    .optional(),
  defaults: strictMap({
    segment: slug.optional(),
    stage: stageKey.optional(),
    score: wholeNumber(0, 100).default(DEFAULT_QUALIFICATION_DEFAULTS.score),
  }).prefault({}),
});
