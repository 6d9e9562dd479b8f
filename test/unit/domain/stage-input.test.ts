import { describe, expect, it } from 'vitest';
import { parseAmount, parseStageBody, parseStageCommand } from '../../../src/domain/stage-input.js';

const RULES = {
  lostReasons: ['lost_to_competitor', 'no_budget', 'timing'],
  disqualifyReasons: ['not_a_fit', 'spam_or_fake'],
};
const command = (text: string) => parseStageCommand(text, RULES);

describe('parseAmount', () => {
  it('reads plain and grouped numbers', () => {
    expect(parseAmount('12000')).toBe(12000);
    expect(parseAmount('12,000.50')).toBe(12000.5);
    expect(parseAmount(' 1 200 ')).toBe(1200);
    expect(parseAmount('0')).toBe(0);
  });

  it('refuses negatives, words and stray characters', () => {
    for (const text of ['-5', 'ten', '12k', '1.2.3', '', '$100']) expect(parseAmount(text)).toBeUndefined();
  });
});

describe('parseStageCommand', () => {
  it('is not a stage command without "stage" as the second word', () => {
    expect(command('42')).toBeUndefined();
    expect(command('touch 42')).toBeUndefined();
    expect(command('Acme staging')).toBeUndefined();
  });

  it('notices a missing stage', () => {
    expect(command('42 stage')).toEqual({ kind: 'no_stage', ref: '42' });
  });

  it('reads the lead and the stage', () => {
    expect(command('#42 stage SQL')).toEqual({ kind: 'move', ref: '#42', request: { to: 'SQL' } });
    expect(command('kim@acme.io STAGE sal')).toEqual({
      kind: 'move',
      ref: 'kim@acme.io',
      request: { to: 'sal' },
    });
  });

  it('reads an amount and currency right after the stage, and the rest as a note', () => {
    expect(command('42 stage Opportunity 12,000 usd demo went well')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'Opportunity', amount: 12000, currency: 'USD', note: 'demo went well' },
    });
    expect(command('42 stage Opportunity 9000')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'Opportunity', amount: 9000 },
    });
  });

  it('does not take a number inside the note for the amount', () => {
    expect(command('42 stage SQL called 2 times')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'SQL', note: 'called 2 times' },
    });
  });

  it('reads a reason for Lost, in key or in words, then the competitor for "lost to competitor"', () => {
    expect(command('42 stage Lost lost_to_competitor Acme CRM')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'Lost', reason: 'lost_to_competitor', competitor: 'Acme CRM' },
    });
    expect(command('42 stage lost lost to competitor Globex')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'lost', reason: 'lost_to_competitor', competitor: 'Globex' },
    });
    expect(command('42 stage Lost no budget until Q3')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'Lost', reason: 'no_budget', note: 'until Q3' },
    });
  });

  it('passes an unlisted first word on as the reason, for the rules to refuse', () => {
    expect(command('42 stage Disqualified bogus lead')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'Disqualified', reason: 'bogus', note: 'lead' },
    });
  });

  it('reads a revisit day, with or without the word "revisit"', () => {
    expect(command('42 stage Recycle revisit 2027-01-15 budget next year')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'Recycle', revisitOn: '2027-01-15', note: 'budget next year' },
    });
    expect(command('42 stage Recycle 2027-01-15')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'Recycle', revisitOn: '2027-01-15' },
    });
    expect(command('42 stage Recycle revisit 15/01/2027')).toMatchObject({
      request: { revisitOn: '15/01/2027' },
    });
  });

  it('keeps "revisit" as a word of the note when no day follows', () => {
    expect(command('42 stage SQL revisit pricing')).toEqual({
      kind: 'move',
      ref: '42',
      request: { to: 'SQL', note: 'revisit pricing' },
    });
  });
});

describe('parseStageBody', () => {
  it('reads every field', () => {
    expect(
      parseStageBody({
        stage: 'Lost',
        reason: 'lost_to_competitor',
        competitor: 'Acme',
        amount: '12,000',
        currency: 'usd',
        revisit_on: null,
        note: 'Price',
        actor: 'U0SDR0001',
      }),
    ).toEqual({
      ok: true,
      body: {
        request: {
          to: 'Lost',
          reason: 'lost_to_competitor',
          competitor: 'Acme',
          amount: 12000,
          currency: 'usd',
          revisitOn: null,
          note: 'Price',
        },
        actorId: 'U0SDR0001',
      },
    });
  });

  it('needs a JSON object with a stage', () => {
    expect(parseStageBody([])).toEqual({
      ok: false,
      errors: [{ field: '(body)', message: 'must be a JSON object' }],
    });
    expect(parseStageBody({ stage: ' ' })).toEqual({
      ok: false,
      errors: [{ field: 'stage', message: 'is required: the stage to move the lead to' }],
    });
  });

  it('reports every badly typed field', () => {
    const result = parseStageBody({
      stage: 5,
      reason: ['x'],
      amount: 'lots',
      note: 'x'.repeat(1001),
      actor: 'bob',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'stage', message: 'must be text' },
        { field: 'reason', message: 'must be text' },
        { field: 'note', message: 'must be at most 1000 characters' },
        { field: 'amount', message: 'must be a number such as 12000 or 12000.50' },
        { field: 'actor', message: 'must be a Slack user id such as U0123ABCD' },
      ],
    });
  });
});
