import { describe, expect, it } from 'vitest';
import { ConfigFileError, parseWorkspaceConfig } from '../../../src/config/workspace.js';
import { emptyLabels, humaniseKey, labelFor } from '../../../src/domain/labels.js';
import { messages } from '../../../src/i18n/index.js';
import { keyLabels, workspaceKeyLabels } from '../../../src/slack/blocks/key-labels.js';

const BASE = `
channels: { leads: C0123LEADS }
segments: [smb, enterprise]
roster: [{ user: U0AAAAAAA, roles: [sdr] }]
`;
const parse = (rest: string, locale = 'ko') =>
  parseWorkspaceConfig(`locale: ${locale}\n${BASE}${rest}`, 'baton.yaml');

describe('humaniseKey', () => {
  it.each([
    ['demo_request', 'demo request'],
    ['trade-show', 'trade show'],
    ['smb', 'smb'],
    ['MQL', 'MQL'],
    ['__', '__'],
  ])('%s → %s', (key, shown) => expect(humaniseKey(key)).toBe(shown));
});

describe('labelFor', () => {
  const table = {
    ...emptyLabels(),
    segments: { smb: { en: 'SMB', ko: '중소기업' }, enterprise: { en: 'Enterprise' } },
  };

  it('takes the label in the workspace language first', () => {
    expect(labelFor(table, 'segments', 'smb', 'ko')).toBe('중소기업');
    expect(labelFor(table, 'segments', 'smb', 'en')).toBe('SMB');
  });

  it('then Baton’s own word, then the other language’s label, then the readable key', () => {
    expect(labelFor(table, 'forms', 'demo_request', 'ko', '데모 요청')).toBe('데모 요청');
    expect(labelFor(table, 'segments', 'enterprise', 'ko')).toBe('Enterprise');
    expect(labelFor(table, 'sources', 'trade_show', 'ko')).toBe('trade show');
    expect(labelFor(undefined, 'sources', 'trade_show', 'en')).toBe('trade show');
  });
});

describe('labels in the config', () => {
  const config = parse(`
labels:
  segments:
    smb: { en: SMB, ko: 중소기업 }
    enterprise: 엔터프라이즈
  sources:
    website: { en: Website, ko: 웹사이트 }
  forms:
    demo_request: { ko: 데모 신청 }
stages:
  working: [Lead, { key: MQL, label: { en: Marketing qualified, ko: 마케팅 검증 리드 } }, SQL, Won]
  lost_reasons: [no_budget, { key: price, label: { en: Too expensive, ko: 가격 부담 } }]
  disqualify_reasons: [{ key: student, label: 학생 }, spam_or_fake]
routing: { threshold_stage: MQL }
cadence: { stop_at_stage: SQL }
`);
  const ko = workspaceKeyLabels(messages('ko'), config);

  it('shows each key in the workspace language, one text counting for every language', () => {
    expect(ko.segment('smb')).toBe('중소기업');
    expect(ko.segment('enterprise')).toBe('엔터프라이즈');
    expect(ko.source('website')).toBe('웹사이트');
    expect(ko.source('referral')).toBe('referral');
    expect(ko.form('demo_request')).toBe('데모 신청');
    // A built-in form without a configured label keeps Baton's own Korean word.
    expect(ko.form('trial')).toBe('무료 체험');
  });

  it('takes reasons with a label next to the key, and keeps the keys for machines', () => {
    expect(config.stages.lostReasons).toEqual(['no_budget', 'price']);
    expect(config.stages.disqualifyReasons).toEqual(['student', 'spam_or_fake']);
    expect(ko.reason('price')).toBe('가격 부담');
    expect(ko.reason('student')).toBe('학생');
    expect(ko.reason('no_budget')).toBe('예산 없음');
    expect(workspaceKeyLabels(messages('en'), { ...config, locale: 'en' }).reason('price')).toBe(
      'Too expensive',
    );
  });

  it('labels a working stage per language', () => {
    expect(config.stages.working.map((s) => s.label)).toEqual(['Lead', '마케팅 검증 리드', 'SQL', 'Won']);
    expect(
      parse(
        'stages: { working: [Lead, { key: MQL, label: { en: Marketing qualified } }, Won] }\nrouting: { threshold_stage: MQL }\ncadence: { stop_at_stage: Won }',
      ).stages.working[1]!.label,
    ).toBe('Marketing qualified');
  });

  it('names labels for keys that do not exist', () => {
    let problems: readonly string[] = [];
    try {
      parse(
        'labels: { segments: { mid: Mid }, lost_reasons: { nope: Nope }, stages: { Lost: 실주 } }\nstages: { lost_reasons: [no_budget] }',
      );
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigFileError);
      problems = (error as ConfigFileError).problems;
    }
    expect(problems).toEqual([
      'baton.yaml: labels.segments.mid: "mid" is not a segment (segments: smb, enterprise)',
      'baton.yaml: labels.lost_reasons.nope: "nope" is not one of the lost_reasons (no_budget)',
      'baton.yaml: labels.stages.Lost: "Lost" is not a working stage (stages: Lead, MQL, SAL, SQL, Opportunity, Negotiation, Closing, Retention)',
    ]);
  });

  it('without a workspace table, shows Baton’s words and readable keys', () => {
    const plain = keyLabels(messages('en'));
    expect(plain.form('demo_request')).toBe('Demo request');
    expect(plain.reason('lost_to_competitor')).toBe('lost to competitor');
    expect(plain.segment('smb')).toBe('smb');
  });
});
