import { describe, expect, it } from 'vitest';
import type { SourceMapping } from '../../../src/config/workspace-schema.js';
import {
  type LeadInput,
  leadFieldValue,
  parseLeadField,
  parseLeadInput,
  pickSourceMapping,
  readPath,
} from '../../../src/domain/lead-input.js';

/** Parses a body that must be accepted. */
function lead(body: unknown, opts: Parameters<typeof parseLeadInput>[1] = {}): LeadInput {
  const result = parseLeadInput(body, opts);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
  return result.lead;
}

/** Parses a body that must be rejected, returning its errors. */
function errorsOf(body: unknown, opts: Parameters<typeof parseLeadInput>[1] = {}) {
  const result = parseLeadInput(body, opts);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.lead)}`);
  return result.errors;
}

const minimal = { email: 'jane@acme.com', source: 'website' };

describe('parseLeadInput: a body with Baton field names', () => {
  it('reads every field, normalized', () => {
    expect(
      lead({
        external_id: 'sub_123',
        source: ' Website ',
        email: '  Jane.Doe@ACME.com ',
        name: ' Jane Doe ',
        company: 'Acme Corp',
        title: 'VP Marketing',
        phone: '+82 10-1234-5678',
        company_size: '200-500',
        industry: 'Software',
        website: 'acme.com',
        message: 'Please call me.',
        form: 'Demo Request',
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'spring',
        utm_term: 'crm',
        utm_content: 'ad-1',
        page: '/pricing',
      }),
    ).toEqual({
      externalId: 'sub_123',
      source: 'website',
      email: 'jane.doe@acme.com',
      emailDomain: 'acme.com',
      name: 'Jane Doe',
      company: 'Acme Corp',
      title: 'VP Marketing',
      phone: '+82 10-1234-5678',
      companySize: 200,
      industry: 'Software',
      website: 'https://acme.com',
      message: 'Please call me.',
      form: 'demo_request',
      utm: {
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'spring',
        utm_term: 'crm',
        utm_content: 'ad-1',
      },
      extra: { page: '/pricing' },
    });
  });

  it('fills every optional field with null, and empty maps, when only email and source are sent', () => {
    expect(lead(minimal)).toEqual({
      externalId: null,
      source: 'website',
      email: 'jane@acme.com',
      emailDomain: 'acme.com',
      name: null,
      company: null,
      title: null,
      phone: null,
      companySize: null,
      industry: null,
      website: null,
      message: null,
      form: null,
      utm: {},
      extra: {},
    });
  });

  it('treats empty and blank text, and null, as not sent', () => {
    const parsed = lead({
      ...minimal,
      name: '   ',
      company: '',
      title: null,
      company_size: '',
      utm_term: ' ',
    });
    expect([parsed.name, parsed.company, parsed.title, parsed.companySize]).toEqual([null, null, null, null]);
    expect(parsed.utm).toEqual({});
  });

  it('takes numbers as text where text is expected (a numeric id or phone)', () => {
    const parsed = lead({ ...minimal, external_id: 98765, phone: 1012345678 });
    expect(parsed.externalId).toBe('98765');
    expect(parsed.phone).toBe('1012345678');
  });

  it('keeps any utm_* key in utm under its lower-case name, Baton’s own first', () => {
    const parsed = lead({
      ...minimal,
      utm_source: 'google',
      UTM_Source: 'ignored',
      utm_adgroup: 'ag-7',
      Utm_ID: 42,
    });
    expect(parsed.utm).toEqual({ utm_source: 'google', utm_adgroup: 'ag-7', utm_id: '42' });
    expect(parsed.extra).toEqual({});
  });

  it('keeps unknown fields as sent, nested ones included, and "__proto__" as plain data', () => {
    const body = JSON.parse(
      '{"email":"a@b.co","source":"x","consent":true,"answers":{"q1":[1,2]},"__proto__":{"polluted":1}}',
    );
    const parsed = lead(body);
    expect(parsed.extra.consent).toBe(true);
    expect(parsed.extra.answers).toEqual({ q1: [1, 2] });
    expect(Object.hasOwn(parsed.extra, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(parsed.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes the source from opts when the body has none, and the body’s when both do', () => {
    expect(lead({ email: 'a@b.co' }, { source: 'Landing Page' }).source).toBe('landing_page');
    expect(lead({ email: 'a@b.co', source: 'ads' }, { source: 'landing' }).source).toBe('ads');
    expect(lead({ email: 'a@b.co', source: '' }, { source: 'landing' }).source).toBe('landing');
  });
});

describe('parseLeadInput: company_size', () => {
  const size = (company_size: unknown) => lead({ ...minimal, company_size }).companySize;

  it('accepts whole numbers, plain or as text', () => {
    expect(size(250)).toBe(250);
    expect(size(0)).toBe(0);
    // JSON -0.0 is a number; a card must never show "-0 employees" (toLocaleString keeps the sign).
    expect(Object.is(size(-0), 0)).toBe(true);
    expect(size('250')).toBe(250);
    expect(size(' 1,000 ')).toBe(1000);
    expect(size('10,000,000')).toBe(10_000_000);
  });

  it('takes the lower bound of a range', () => {
    expect(size('200-500')).toBe(200);
    expect(size('200 - 500')).toBe(200);
    expect(size('1,000–5,000')).toBe(1000);
    expect(size('50~100')).toBe(50);
    expect(size('10 to 49')).toBe(10);
    expect(size('201-500 employees')).toBe(201);
    expect(size('300명')).toBe(300);
  });

  it('takes the floor of an open range', () => {
    expect(size('1,000+')).toBe(1000);
    expect(size('10000+')).toBe(10000);
  });

  it('rejects anything else, explaining the forms it takes', () => {
    const explained = 'send a number like 250, a range like "200-500" or a floor like "1000+"';
    const cases: [unknown, string][] = [
      ['lots', `"lots" is not a company size; ${explained}`],
      ['about 50', `"about 50" is not a company size; ${explained}`],
      ['1,0000', `"1,0000" is not a company size; ${explained}`],
      ['500-200', `"500-200" is a range from high to low; ${explained}`],
      [12.5, 'must be a whole number of employees, got 12.5'],
      [-3, 'must be a whole number of employees, got -3'],
      [10_000_001, 'must be at most 10000000'],
      ['20000000+', 'must be at most 10000000'],
      [true, 'must be text, got true'],
      [[200], 'must be text, got a list'],
    ];
    for (const [value, message] of cases) {
      expect(errorsOf({ ...minimal, company_size: value })).toEqual([{ field: 'company_size', message }]);
    }
  });
});

describe('parseLeadInput: website', () => {
  const site = (website: unknown) => lead({ ...minimal, website }).website;

  it('gives a bare domain a scheme and drops a lone trailing slash', () => {
    expect(site('acme.com')).toBe('https://acme.com');
    expect(site('www.Acme.COM')).toBe('https://www.acme.com');
    expect(site('acme.co.kr/en/about')).toBe('https://acme.co.kr/en/about');
    expect(site('acme.com:8080')).toBe('https://acme.com:8080');
    expect(site('https://acme.com/')).toBe('https://acme.com');
    expect(site('http://acme.com')).toBe('http://acme.com');
    expect(site('HTTPS://Acme.com/Pricing?plan=pro')).toBe('https://acme.com/Pricing?plan=pro');
  });

  it('rejects what is not an http(s) website', () => {
    const cases: [string, string][] = [
      ['acme', '"acme" is not a website address like "acme.com"'],
      ['acme .com', '"acme .com" is not a website address like "acme.com"'],
      ['http://localhost', '"http://localhost" is not a website address like "acme.com"'],
      ['https://user:pw@acme.com', '"https://user:pw@acme.com" is not a website address like "acme.com"'],
      ['javascript:alert(1)', '"javascript:alert(1)" is not an http or https address'],
      ['ftp://acme.com', '"ftp://acme.com" is not an http or https address'],
    ];
    for (const [value, message] of cases) {
      expect(errorsOf({ ...minimal, website: value })).toEqual([{ field: 'website', message }]);
    }
  });
});

describe('parseLeadInput: email, source and form', () => {
  it('accepts ordinary addresses, lower-cased', () => {
    expect(lead({ ...minimal, email: 'First.Last+tag@Sub.Example.co.kr' }).email).toBe(
      'first.last+tag@sub.example.co.kr',
    );
    expect(lead({ ...minimal, email: "o'brien@example.io" }).emailDomain).toBe('example.io');
  });

  it('rejects malformed addresses', () => {
    for (const email of [
      'jane',
      'jane@',
      '@acme.com',
      'jane@acme',
      'jane@@acme.com',
      'jane doe@acme.com',
      'jane@acme..com',
      '.jane@acme.com',
      'ja..ne@acme.com',
      'jane@-acme.com',
      'jane@acme.123',
    ]) {
      expect(errorsOf({ ...minimal, email })).toEqual([
        { field: 'email', message: `${JSON.stringify(email)} is not an email address` },
      ]);
    }
  });

  it('requires email and source, pointing at a differently-cased key', () => {
    expect(errorsOf({})).toEqual([
      {
        field: 'source',
        message: 'is required: say where the lead comes from, like "webflow", in the body or as ?source=',
      },
      { field: 'email', message: 'is required' },
    ]);
    expect(errorsOf({ Email: 'jane@acme.com', source: 'x' })).toEqual([
      { field: 'email', message: 'is required (the body has "Email"; field names are lowercase)' },
    ]);
  });

  it('makes source and form lowercase keys', () => {
    const parsed = lead({ ...minimal, source: 'Google Ads', form: ' Free-Trial ' });
    expect(parsed.source).toBe('google_ads');
    expect(parsed.form).toBe('free-trial');
    expect(errorsOf({ ...minimal, source: 'web/site', form: 'demo!' })).toEqual([
      { field: 'source', message: '"web/site" is not a key like "webflow" (letters, digits, _ and -)' },
      { field: 'form', message: '"demo!" is not a key like "demo_request" (letters, digits, _ and -)' },
    ]);
    expect(errorsOf({ email: 'a@b.co' }, { source: 'bad source!' })).toEqual([
      {
        field: 'source',
        message: '"bad source!" is not a key like "webflow" (letters, digits, _ and -) (from the request)',
      },
    ]);
  });
});

describe('parseLeadInput: bad requests', () => {
  it('requires a JSON object', () => {
    expect(errorsOf([minimal])).toEqual([{ field: 'body', message: 'must be a JSON object, got a list' }]);
    expect(errorsOf('email=a@b.co')).toEqual([
      { field: 'body', message: 'must be a JSON object, got "email=a@b.co"' },
    ]);
    expect(errorsOf(null)).toEqual([{ field: 'body', message: 'must be a JSON object, got null' }]);
  });

  it('reports every bad field at once, in field order', () => {
    expect(
      errorsOf({
        email: 'not-an-email',
        name: 'x'.repeat(201),
        company: { name: 'Acme' },
        title: false,
        phone: '1'.repeat(51),
        company_size: 'many',
        website: 'nope',
        message: 'm'.repeat(5001),
        utm_campaign: ['a'],
        utm_extra: { a: 1 },
      }),
    ).toEqual([
      {
        field: 'source',
        message: 'is required: say where the lead comes from, like "webflow", in the body or as ?source=',
      },
      { field: 'email', message: '"not-an-email" is not an email address' },
      { field: 'name', message: 'must be at most 200 characters, got 201' },
      { field: 'company', message: 'must be text, got an object' },
      { field: 'title', message: 'must be text, got false' },
      { field: 'phone', message: 'must be at most 50 characters, got 51' },
      {
        field: 'company_size',
        message:
          '"many" is not a company size; send a number like 250, a range like "200-500" or a floor like "1000+"',
      },
      { field: 'website', message: '"nope" is not a website address like "acme.com"' },
      { field: 'message', message: 'must be at most 5000 characters, got 5001' },
      { field: 'utm_campaign', message: 'must be text, got a list' },
      { field: 'utm_extra', message: 'must be text, got an object' },
    ]);
  });

  it('allows text exactly at the limits', () => {
    const parsed = lead({
      ...minimal,
      name: 'n'.repeat(200),
      message: 'm'.repeat(5000),
      external_id: 'i'.repeat(200),
    });
    expect(parsed.name).toHaveLength(200);
    expect(parsed.message).toHaveLength(5000);
    expect(errorsOf({ ...minimal, external_id: 'i'.repeat(201) })).toEqual([
      { field: 'external_id', message: 'must be at most 200 characters, got 201' },
    ]);
  });
});

describe('parseLeadInput with a mapping', () => {
  // Webflow's form_submission webhook: the fields sit under payload.data, keyed by their labels.
  const webflow: SourceMapping = {
    name: 'webflow',
    fields: {
      email: 'payload.data.Email',
      name: 'payload.data.Name',
      company: 'payload.data.Company',
      company_size: 'payload.data.Company Size',
      external_id: 'payload.id',
    },
    defaults: { form: 'contact' },
  };
  const webflowBody = {
    triggerType: 'form_submission',
    payload: {
      name: 'Contact Form',
      siteId: '65427cf400e02b306eaa049c',
      data: { Name: 'Jane Doe', Email: 'Jane@Acme.com', Company: 'Acme', 'Company Size': '51-200' },
      submittedAt: '2026-03-02T09:15:00.000Z',
      id: '6321ca84df3949bfc6752327',
    },
  };

  it('reads a Webflow-like submission', () => {
    expect(lead(webflowBody, { source: 'webflow', mapping: webflow })).toEqual({
      externalId: '6321ca84df3949bfc6752327',
      source: 'webflow',
      email: 'jane@acme.com',
      emailDomain: 'acme.com',
      name: 'Jane Doe',
      company: 'Acme',
      title: null,
      phone: null,
      companySize: 51,
      industry: null,
      website: null,
      message: null,
      form: 'contact',
      utm: {},
      extra: { triggerType: 'form_submission', payload: webflowBody.payload },
    });
  });

  // A HubSpot contact webhook: properties.<name>.value, and the contact id as a number.
  const hubspot: SourceMapping = {
    name: 'hubspot',
    fields: {
      email: 'properties.email.value',
      name: 'properties.fullname.value',
      company: 'properties.company.value',
      title: 'properties.jobtitle.value',
      phone: 'properties.phone.value',
      company_size: 'properties.numemployees.value',
      website: 'properties.website.value',
      form: 'form-submissions.0.title',
      utm_campaign: 'properties.hs_analytics_source_data_1.value',
      external_id: 'vid',
    },
    defaults: { industry: 'Unknown' },
  };
  const hubspotBody = {
    vid: 3351,
    'canonical-vid': 3351,
    properties: {
      email: { value: 'MIN@corp.kr' },
      fullname: { value: 'Min Park' },
      company: { value: 'Corp KR' },
      jobtitle: { value: 'Head of IT' },
      phone: { value: '' },
      numemployees: { value: '1000+' },
      website: { value: 'corp.kr' },
      hs_analytics_source_data_1: { value: 'spring-webinar' },
    },
    'form-submissions': [{ title: 'Free Trial', timestamp: 1_700_000_000_000 }],
    utm_source: 'linkedin',
  };

  it('reads a HubSpot-like contact, including a list item and a top-level utm key', () => {
    expect(lead(hubspotBody, { mapping: hubspot })).toEqual({
      externalId: '3351',
      source: 'hubspot',
      email: 'min@corp.kr',
      emailDomain: 'corp.kr',
      name: 'Min Park',
      company: 'Corp KR',
      title: 'Head of IT',
      phone: null,
      companySize: 1000,
      industry: 'Unknown',
      website: 'https://corp.kr',
      message: null,
      form: 'free_trial',
      utm: { utm_campaign: 'spring-webinar', utm_source: 'linkedin' },
      extra: {
        'canonical-vid': 3351,
        properties: hubspotBody.properties,
        'form-submissions': hubspotBody['form-submissions'],
      },
    });
  });

  it('does not read a mapped field from the top level (Webflow’s "name" is the form’s)', () => {
    const body = { name: 'Contact Form', data: { email: 'a@b.co' } };
    const mapping: SourceMapping = {
      name: 'wf',
      fields: { email: 'data.email', name: 'data.name' },
      defaults: {},
    };
    const parsed = lead(body, { mapping });
    expect(parsed.name).toBeNull();
    expect(parsed.extra).toEqual({ name: 'Contact Form', data: { email: 'a@b.co' } });
  });

  it('falls back to defaults for a blank path, then to top-level Baton fields for unmapped ones', () => {
    const mapping: SourceMapping = {
      name: 'typeform',
      fields: { email: 'answers.email', form: 'answers.form' },
      defaults: { form: 'ebook', company_size: '200-500' },
    };
    const parsed = lead(
      { answers: { email: 'a@b.co', form: '' }, company_size: 10, title: 'CTO', source: 'Typeform Ads' },
      { mapping },
    );
    expect(parsed.form).toBe('ebook');
    expect(parsed.companySize).toBe(200); // defaults come before the top level
    expect(parsed.title).toBe('CTO');
    expect(parsed.source).toBe('typeform_ads');
    expect(parsed.extra).toEqual({ answers: { email: 'a@b.co', form: '' }, company_size: 10 });
  });

  it('reads a one-part path from the top level and does not keep it in extra', () => {
    const mapping: SourceMapping = {
      name: 'crm',
      fields: { email: 'Email', name: 'FullName' },
      defaults: {},
    };
    const parsed = lead({ Email: 'a@b.co', FullName: 'Ann', Owner: 'x' }, { mapping });
    expect([parsed.email, parsed.name, parsed.source]).toEqual(['a@b.co', 'Ann', 'crm']);
    expect(parsed.extra).toEqual({ Owner: 'x' });
  });

  it('takes the source from opts before the mapping’s name', () => {
    expect(lead(webflowBody, { source: 'webflow-eu', mapping: webflow }).source).toBe('webflow-eu');
    expect(lead(webflowBody, { mapping: webflow }).source).toBe('webflow');
  });

  it('says where it looked, and where a bad value came from', () => {
    const body = { payload: { data: { Email: 'nope', 'Company Size': 'huge' }, id: { x: 1 } } };
    expect(errorsOf(body, { mapping: webflow })).toEqual([
      { field: 'external_id', message: 'must be text, got an object (from payload.id)' },
      { field: 'email', message: '"nope" is not an email address (from payload.data.Email)' },
      {
        field: 'company_size',
        message:
          '"huge" is not a company size; send a number like 250, a range like "200-500" or a floor like "1000+" (from payload.data.Company Size)',
      },
    ]);
    expect(errorsOf({ payload: { data: {} } }, { mapping: webflow })).toEqual([
      { field: 'email', message: 'is required (nothing at payload.data.Email)' },
    ]);
  });

  it('reports a bad default with its origin', () => {
    const mapping: SourceMapping = { name: 'x', fields: {}, defaults: { website: 'nope' } };
    expect(errorsOf({ email: 'a@b.co' }, { mapping })).toEqual([
      {
        field: 'website',
        message: '"nope" is not a website address like "acme.com" (from the x mapping\'s defaults)',
      },
    ]);
  });
});

describe('readPath', () => {
  const body = { a: { b: [{ c: 1 }, { c: 2 }], 'with space': 'yes' }, n: null };

  it('follows object keys and list positions', () => {
    expect(readPath(body, 'a.b.1.c')).toBe(2);
    expect(readPath(body, 'a.with space')).toBe('yes');
    expect(readPath(body, 'n')).toBeNull();
  });

  it('finds nothing for missing keys, indexes into non-lists, or inherited keys', () => {
    expect(readPath(body, 'a.x.c')).toBeUndefined();
    expect(readPath(body, 'a.b.9.c')).toBeUndefined();
    expect(readPath(body, 'a.with space.0')).toBeUndefined();
    expect(readPath(body, 'a.constructor')).toBeUndefined();
    expect(readPath(body, '__proto__')).toBeUndefined();
    expect(readPath(body, 'a.b.length')).toBeUndefined();
  });
});

describe('pickSourceMapping', () => {
  const webflow: SourceMapping = { name: 'webflow', fields: {}, defaults: {} };
  const sources = { webflow };

  it('takes ?source= first, then the body’s "source", ignoring case and spaces', () => {
    expect(pickSourceMapping({}, 'webflow', sources)).toBe(webflow);
    expect(pickSourceMapping({ source: ' WebFlow ' }, undefined, sources)).toBe(webflow);
    expect(pickSourceMapping({ source: 'webflow' }, 'other', sources)).toBe(webflow);
    expect(pickSourceMapping({ source: 'other' }, undefined, sources)).toBeUndefined();
    expect(pickSourceMapping(['webflow'], undefined, sources)).toBeUndefined();
  });

  it('never returns an inherited property', () => {
    expect(pickSourceMapping({}, 'constructor', sources)).toBeUndefined();
    expect(pickSourceMapping({ source: '__proto__' }, 'toString', sources)).toBeUndefined();
  });
});

describe('parseLeadField and leadFieldValue', () => {
  it('checks one value as the intake does', () => {
    expect(parseLeadField('form', 'Demo Request')).toEqual({ ok: true, value: 'demo_request' });
    expect(parseLeadField('company_size', '1,000+')).toEqual({ ok: true, value: 1000 });
    expect(parseLeadField('name', '  ')).toEqual({ ok: true, value: null });
    expect(parseLeadField('website', 'x')).toEqual({
      ok: false,
      message: '"x" is not a website address like "acme.com"',
    });
  });

  it('reads a lead’s field by its intake name', () => {
    const parsed = lead({ ...minimal, external_id: 7, company_size: 30, utm_medium: 'email', form: 'trial' });
    expect(leadFieldValue(parsed, 'external_id')).toBe('7');
    expect(leadFieldValue(parsed, 'company_size')).toBe(30);
    expect(leadFieldValue(parsed, 'utm_medium')).toBe('email');
    expect(leadFieldValue(parsed, 'utm_source')).toBeNull();
    expect(leadFieldValue(parsed, 'form')).toBe('trial');
    expect(leadFieldValue(parsed, 'email')).toBe('jane@acme.com');
    expect(leadFieldValue(parsed, 'source')).toBe('website');
  });
});
