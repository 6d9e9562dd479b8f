import { describe, expect, it } from 'vitest';
import { parseLeadInput } from '../../../src/domain/lead-input.js';
import { en } from '../../../src/i18n/en.js';
import { leadFormErrors, readLeadForm } from '../../../src/slack/lead-form.js';

const input = (value: string | null) => ({ value: { type: 'plain_text_input', value } });

describe('readLeadForm', () => {
  it('reads each input by block id into the intake body, leaving out empty ones', () => {
    const body = readLeadForm({
      email: input(' kim@acme.io '),
      name: input(null),
      company: input('   '),
      company_size: input('200-500'),
      form: { value: { selected_option: { value: 'demo_request' } } },
      source: input('slack'),
      unrelated: input('ignored'),
    });
    expect(body).toEqual({
      email: ' kim@acme.io ',
      company_size: '200-500',
      form: 'demo_request',
      source: 'slack',
    });
  });
});

describe('leadFormErrors', () => {
  const errorsFor = (body: Record<string, string>) => {
    const parsed = parseLeadInput(body);
    if (parsed.ok) throw new Error('expected the body to be refused');
    return leadFormErrors(en, body, parsed.errors);
  };

  it('puts a message under each bad input, keyed by its block id', () => {
    expect(
      errorsFor({
        email: 'not-an-email',
        company_size: 'lots',
        website: 'javascript:alert(1)',
        source: 'my source!',
      }),
    ).toEqual({
      email: 'Enter an email address like name@company.com.',
      company_size: 'Enter a number of employees like 250, a range like 200-500, or 1000+.',
      website: 'Enter a website like acme.com or https://acme.com.',
      source: 'Use letters, digits, _ and - only, like slack or trade_show.',
    });
  });

  it('asks for the required fields when they are empty', () => {
    expect(errorsFor({})).toEqual({
      email: 'Enter the lead’s email address.',
      source: 'Say where the lead came from, like slack.',
    });
  });

  it('names the limit for text that is too long', () => {
    expect(errorsFor({ email: 'a@b.io', source: 'slack', name: 'x'.repeat(201) })).toEqual({
      name: 'Keep it to 200 characters or fewer.',
    });
  });
});
