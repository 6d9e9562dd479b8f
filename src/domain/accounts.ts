/**
 * Matching a new lead to an account Baton already knows: by the email's domain (unless it is a
 * free-mail provider, which says nothing about the company) or by the company name.
 */

/** Mail providers anyone can sign up with: a shared domain there is not a shared company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'kakao.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.trim().toLowerCase());
}

/** The domain to match accounts by: lower-cased, or null when empty or a free-mail provider. */
export function accountDomain(emailDomain: string | null | undefined): string | null {
  const domain = emailDomain?.trim().toLowerCase();
  return domain && !isFreeMailDomain(domain) ? domain : null;
}

/** The company name as accounts are matched: trimmed and lower-cased; null when blank. */
export function companyKey(company: string | null | undefined): string | null {
  const key = company?.trim().toLowerCase();
  return key ? key : null;
}
