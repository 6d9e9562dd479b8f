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
};

export const webhooksKo: typeof webhooksEn = {
  reason: reasonKo,
  pausedDm: (name: string, r: PauseReason) =>
    `:warning: Baton이 웹훅 엔드포인트 *${name}*을(를) 일시 중지했습니다: ${reasonKo(r)} (마지막 오류: \`${r.lastError}\`). 이벤트는 보관되며 재개하면 전송됩니다. 받는 쪽을 고친 뒤 \`/baton webhooks\`에서 재개를 누르세요.`,
};
