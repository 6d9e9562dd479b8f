import { describe, expect, it } from 'vitest';
import {
  accountDomain,
  companyKey,
  FREE_MAIL_DOMAINS,
  isFreeMailDomain,
} from '../../../src/domain/accounts.js';

describe('account matching keys', () => {
  it('matches by a company domain, lower-cased, but never by a free-mail provider', () => {
    expect(accountDomain('Globex.co.kr')).toBe('globex.co.kr');
    for (const domain of ['gmail.com', 'NAVER.com', 'daum.net', 'hanmail.net', 'kakao.com', 'proton.me']) {
      expect(accountDomain(domain), domain).toBeNull();
    }
    expect(accountDomain('')).toBeNull();
    expect(accountDomain(null)).toBeNull();
    // A company that merely sounds like a provider is still a company.
    expect(isFreeMailDomain('gmail.com.acme.io')).toBe(false);
    expect(FREE_MAIL_DOMAINS.size).toBe(14);
  });

  it('compares company names trimmed and case-insensitively', () => {
    expect(companyKey('  GLOBEX ')).toBe('globex');
    expect(companyKey('Globex')).toBe(companyKey('globex'));
    expect(companyKey('   ')).toBeNull();
    expect(companyKey(null)).toBeNull();
  });
});
