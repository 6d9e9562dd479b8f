import { describe, expect, it } from 'vitest';
import { checklist } from '../../../src/domain/setup-checklist.js';
import { messages } from '../../../src/i18n/index.js';
import { calendarFieldFor, timeZoneOptions, utcOffset } from '../../../src/slack/blocks/setup-calendar.js';
import {
  channelsFieldFor,
  channelsModal,
  readChannelsForm,
} from '../../../src/slack/blocks/setup-channels.js';
import { setupHomeBlocks } from '../../../src/slack/blocks/setup-checklist.js';
import { fieldErrors } from '../../../src/slack/blocks/setup-common.js';
import { peopleFieldFor, peopleModal } from '../../../src/slack/blocks/setup-people.js';
import { routingFieldFor } from '../../../src/slack/blocks/setup-routing.js';
import { slaFieldFor } from '../../../src/slack/blocks/setup-sla.js';

const en = messages('en');
const ko = messages('ko');

describe('config problems under modal fields', () => {
  it('maps key paths to the block that edits them', () => {
    const channels = channelsFieldFor(['smb', 'enterprise']);
    expect(channels(['channels', 'leads', 'enterprise'])).toBe('ch_leads_enterprise');
    expect(channels(['channels', 'leads'])).toBe('ch_leads_smb');
    expect(channels(['channels', 'escalations'])).toBe('ch_escalations');
    expect(channels(['channels', 'voc', 'praise'])).toBe('ch_voc_praise');
    expect(channels(['roster'])).toBeNull();
    expect(peopleFieldFor(['roster', 2, 'weight'])).toBe('people_weight');
    expect(peopleFieldFor(['roster', 0, 'max_open_leads'])).toBe('people_cap');
    expect(peopleFieldFor(['roster', 1, 'manager'])).toBe('people_manager');
    expect(peopleFieldFor(['roster', 1, 'time_zone'])).toBe('people_users');
    expect(peopleFieldFor(['roster'])).toBe('people_users');
    expect(calendarFieldFor(['locale'])).toBe('cal_locale');
    expect(calendarFieldFor(['calendar', 'time_zone'])).toBe('cal_tz');
    expect(calendarFieldFor(['calendar', 'working_hours', 'start'])).toBe('cal_start');
    expect(calendarFieldFor(['calendar', 'working_hours'])).toBe('cal_end');
    expect(slaFieldFor(['sla', 'escalations', 3, 'after_minutes'])).toBe('sla_step_3_min');
    expect(slaFieldFor(['sla', 'first_touch_minutes'])).toBe('sla_minutes');
    const routing = routingFieldFor(['smb', 'enterprise']);
    expect(routing(['routing', 'segments', 'enterprise', 'accept_timeout_minutes'])).toBe(
      'rt_timeout_enterprise',
    );
    expect(routing(['routing', 'segments', 'smb', 'outside_hours'])).toBe('rt_hours_smb');
    expect(routing(['routing', 'segments', 'smb', 'auto_assign_after_minutes'])).toBe('rt_auto_smb');
    expect(routing(['routing', 'threshold_stage'])).toBe('rt_threshold');
    expect(routing(['cadence', 'stop_at_stage'])).toBe('rt_threshold');
    expect(routing(['routing', 'match_existing_accounts'])).toBe('rt_accounts');
  });

  it('puts each message under its block, joins several, and names the path where the field does not', () => {
    const errors = fieldErrors(
      [
        { path: ['sla', 'escalations', 1, 'after_minutes'], message: 'must be greater than 15' },
        { path: ['sla', 'escalations', 1, 'when'], message: 'nudge only works with when: unclaimed' },
        { path: ['retro', 'open'], message: 'must come first' },
      ],
      slaFieldFor,
      'sla_minutes',
    );
    expect(errors).toEqual({
      sla_step_1_min: 'must be greater than 15; nudge only works with when: unclaimed',
      sla_minutes: 'retro.open: must come first',
    });
    expect(
      fieldErrors(
        [{ path: ['roster', 2, 'manager'], message: '"U0X" is not on the roster' }],
        peopleFieldFor,
        'people_users',
        true,
      ),
    ).toEqual({ people_manager: 'roster[2].manager: "U0X" is not on the roster' });
  });
});

describe('set-up blocks', () => {
  it('lists the checklist with states and a button per item; managers see only people', () => {
    const blocks = setupHomeBlocks(en, checklist({ channels: { leads: 'C0ALL' } }, ['sla']), {
      peopleOnly: false,
    });
    const json = JSON.stringify(blocks);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Set up Baton' } });
    expect(json).toContain('*Channels* · :white_check_mark: Done');
    expect(json).toContain('*People* · :red_circle: Required\\nNo seller yet for: smb, enterprise.');
    expect(json).toContain('*Follow-up SLA* · :lock: Managed in baton.yaml');
    const buttons = blocks.flatMap((b) => ('accessory' in b && b.accessory ? [b.accessory] : []));
    expect(buttons.map((b) => (b as { value: string }).value)).toEqual([
      'channels',
      'people',
      'calendar',
      'sla',
      'routing',
      'retro',
      'stages',
      'cadence',
      'qualification',
      'funnel',
    ]);
    const manager = setupHomeBlocks(ko, checklist({}, []), { peopleOnly: true });
    expect(manager.filter((b) => 'accessory' in b)).toHaveLength(1);
    expect(JSON.stringify(manager)).toContain(ko.admin.home.teamOnly);
  });

  it("shows a read-only modal's fields as text, since Slack wants a submit button beside any input", () => {
    const doc = { segments: ['smb'], channels: { leads: { default: 'C0ALL' }, retro: 'C0RETRO' } };
    const view = channelsModal(en, doc, true);
    expect(view.submit).toBeUndefined();
    expect(view.blocks.some((b) => b.type === 'input')).toBe(false);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(`*${en.admin.modal.channels.leadsFor('smb')}*\\n<#C0ALL>`);
    expect(text).toContain(`*${en.admin.modal.channels.retro}*\\n<#C0RETRO>`);
    expect(text).toContain(`*${en.admin.modal.channels.escalations}*\\n—`);
  });

  it('starts the channels modal from what the document names, and reads it back', () => {
    const view = channelsModal(
      en,
      { segments: ['smb'], channels: { leads: { default: 'C0ALL' }, retro: 'C0RETRO' } },
      false,
    );
    const byId = Object.fromEntries(view.blocks.map((b) => [b.block_id, b]));
    expect(
      (byId.ch_leads_smb as { element: { initial_conversation?: string } }).element.initial_conversation,
    ).toBe('C0ALL');
    expect(
      (byId.ch_retro as { element: { initial_conversation?: string } }).element.initial_conversation,
    ).toBe('C0RETRO');
    expect(
      (byId.ch_escalations as { element: { initial_conversation?: string } }).element.initial_conversation,
    ).toBeUndefined();
    expect(view.submit).toBeDefined();
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const form = readChannelsForm(
      {
        ch_leads_smb: { value: { selected_conversation: 'C0NEW' } },
        ch_voc_praise: { value: { selected_conversation: 'C0P' } },
      },
      { segments: ['smb'] },
    );
    expect(form).toMatchObject({
      leads: { smb: 'C0NEW' },
      escalations: null,
      retro: null,
      voc: { praise: 'C0P', pricing: null },
    });
  });

  it('shows settings the file manages read-only', () => {
    const view = peopleModal(
      en,
      { roster: [{ user: 'U0A', roles: ['sdr'], weight: 2 }] },
      { kind: 'all' },
      true,
    );
    expect(view.submit).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('Managed in baton.yaml');
    expect(JSON.stringify(view.blocks)).toContain('<@U0A> — Inside sales (SDR) · * · ×2');
    expect(view.blocks.some((b) => b.type === 'input')).toBe(false);
  });

  it('finds time zones by what was typed, with their offset', () => {
    const at = new Date('2026-11-23T00:00:00Z');
    expect(utcOffset('Asia/Seoul', at)).toBe('UTC+09:00');
    expect(utcOffset('UTC', at)).toBe('UTC+00:00');
    expect(utcOffset('America/New_York', at)).toBe('UTC-05:00');
    expect(timeZoneOptions(en, 'new york', at).map((o) => o.value)).toEqual(['America/New_York']);
    expect(timeZoneOptions(en, 'a', at)).toHaveLength(100);
  });
});
