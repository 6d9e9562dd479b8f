/** Messages of the `webhooks` section: English is the reference, Korean must have the same keys in order. */
import type { PauseReason } from '../../crm/webhooks/outcome.js';

const reasonEn = (r: PauseReason) =>
  r.kind === 'failures' ? `${r.count} failed tries in a row` : `failing for ${r.count} h`;
const reasonKo = (r: PauseReason) =>
  r.kind === 'failures' ? `${r.count}회 연속 실패` : `${r.count}시간째 실패`;

export const webhooksEn = {
  reason: reasonEn,
  pausedDm: (name: string, r: PauseReason) =>
    `:warning: Baton paused the webhook endpoint *${name}*: ${reasonEn(r)} (last error: \`${r.lastError}\`). Its events are kept and sent once it is resumed: fix the receiving side, then run \`/baton webhooks\` and press Resume.`,
  title: 'Webhooks',
  none: 'No webhook endpoints yet. Add them on Home under Settings → Webhooks and CRM, or under `webhooks:` in the config file (see docs/webhooks.md).',
  adminsOnly: 'Only Baton admins can see and change webhooks.',
  events: (list: string) => `Events: ${list}`,
  allEvents: 'all',
  lastDelivery: (when: string, status: string) => `Last delivery: ${when} (${status})`,
  neverDelivered: 'Nothing delivered yet',
  failures: (n: number, error: string) => `:x: ${n} failed tries in a row, last: \`${error}\``,
  pending: (n: number) => `${n} waiting`,
  paused: (reason: string) => `:double_vertical_bar: *Paused*: ${reason}`,
  disabled: 'Disabled in the config',
  sendTest: 'Send test',
  resume: 'Resume',
  testQueued: (name: string) =>
    `A test delivery to *${name}* is on its way; it shows as the last delivery here.`,
  resumed: (name: string) => `*${name}* resumed: the events it kept are being sent now.`,
  unknownEndpoint: (name: string) => `There is no webhook endpoint named *${name}* in the config any more.`,
  notPaused: (name: string) => `*${name}* is not paused.`,
  homeTitle: ':satellite_antenna: Webhooks that need you',
  homeLine: (name: string, state: string) => `*${name}*: ${state}`,
};

export const webhooksKo: typeof webhooksEn = {
  reason: reasonKo,
  pausedDm: (name: string, r: PauseReason) =>
    `:warning: Baton이 웹훅 엔드포인트 *${name}*을(를) 일시 중지했습니다: ${reasonKo(r)} (마지막 오류: \`${r.lastError}\`). 이벤트는 보관되며 재개하면 전송됩니다. 받는 쪽을 고친 뒤 \`/baton webhooks\`에서 재개를 누르세요.`,
  title: '웹훅',
  none: '아직 웹훅 엔드포인트가 없습니다. 홈의 설정 → 웹훅과 CRM에서, 또는 설정 파일의 `webhooks:`에 추가하세요 (docs/webhooks.md 참고).',
  adminsOnly: '웹훅은 Baton 관리자만 보고 바꿀 수 있습니다.',
  events: (list: string) => `이벤트: ${list}`,
  allEvents: '전체',
  lastDelivery: (when: string, status: string) => `마지막 전송: ${when} (${status})`,
  neverDelivered: '아직 전송된 것이 없습니다',
  failures: (n: number, error: string) => `:x: ${n}회 연속 실패, 마지막 오류: \`${error}\``,
  pending: (n: number) => `${n}건 대기 중`,
  paused: (reason: string) => `:double_vertical_bar: *일시 중지됨*: ${reason}`,
  disabled: '설정에서 꺼져 있음',
  sendTest: '테스트 전송',
  resume: '재개',
  testQueued: (name: string) =>
    `*${name}*(으)로 테스트 전송을 보냅니다. 여기에서 마지막 전송으로 표시됩니다.`,
  resumed: (name: string) => `*${name}*을(를) 재개했습니다. 보관된 이벤트를 지금 보냅니다.`,
  unknownEndpoint: (name: string) => `설정에 *${name}*이라는 웹훅 엔드포인트가 더 이상 없습니다.`,
  notPaused: (name: string) => `*${name}*은(는) 일시 중지 상태가 아닙니다.`,
  homeTitle: ':satellite_antenna: 확인이 필요한 웹훅',
  homeLine: (name: string, state: string) => `*${name}*: ${state}`,
};
