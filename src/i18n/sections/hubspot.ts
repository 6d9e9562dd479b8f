/**
 * Messages of the `hubspot` section: the notes Baton logs on a HubSpot contact's timeline and the
 * sync line on admins' App Home. Notes are HTML in HubSpot: callers escape what they put in.
 */
export const hubspotEn = {
  notes: {
    created: (segment: string, stage: string) =>
      `Lead created in Baton (segment ${segment}, stage ${stage}).`,
    assigned: (owner: string) => `Owner in Baton: ${owner}.`,
    released: 'Released in Baton: the lead has no owner now.',
    firstTouch: (kind: string, minutes: number | null, met: boolean | null) =>
      `First touch in Baton (${kind})${minutes === null ? '' : ` after ${minutes} min`}${met === null ? '' : met ? ', SLA met' : ', SLA missed'}.`,
    slaBreached: 'First-touch SLA breached in Baton.',
    stageChanged: (from: string, to: string) => `Stage in Baton: ${from} → ${to}.`,
    reason: (reason: string) => `Reason: ${reason}.`,
    competitor: (competitor: string) => `Competitor: ${competitor}.`,
    note: (note: string) => `Note: ${note}`,
    contextAdded: 'Context added to the lead in Baton.',
  },
  home: {
    failing: (count: number, error: string) =>
      `:warning: *HubSpot sync:* ${count} ${count === 1 ? 'change' : 'changes'} could not be written to HubSpot. Last error: ${error}`,
    retrying: (count: number, error: string) =>
      `:hourglass: *HubSpot sync:* ${count} ${count === 1 ? 'change waits' : 'changes wait'} for HubSpot (retrying). Last error: ${error}`,
  },
};

export const hubspotKo: typeof hubspotEn = {
  notes: {
    created: (segment: string, stage: string) =>
      `Baton에 리드가 생성되었습니다 (세그먼트 ${segment}, 단계 ${stage}).`,
    assigned: (owner: string) => `Baton 담당자: ${owner}.`,
    released: 'Baton에서 리드가 반납되어 지금은 담당자가 없습니다.',
    firstTouch: (kind: string, minutes: number | null, met: boolean | null) =>
      `Baton 첫 연락 (${kind})${minutes === null ? '' : `: ${minutes}분 후`}${met === null ? '' : met ? ', SLA 충족' : ', SLA 미충족'}.`,
    slaBreached: 'Baton 첫 연락 SLA를 넘겼습니다.',
    stageChanged: (from: string, to: string) => `Baton 단계: ${from} → ${to}.`,
    reason: (reason: string) => `사유: ${reason}.`,
    competitor: (competitor: string) => `경쟁사: ${competitor}.`,
    note: (note: string) => `메모: ${note}`,
    contextAdded: 'Baton에서 리드에 맥락이 추가되었습니다.',
  },
  home: {
    failing: (count: number, error: string) =>
      `:warning: *HubSpot 동기화:* 변경 ${count}건을 HubSpot에 쓰지 못했습니다. 마지막 오류: ${error}`,
    retrying: (count: number, error: string) =>
      `:hourglass: *HubSpot 동기화:* 변경 ${count}건이 HubSpot을 기다리며 재시도 중입니다. 마지막 오류: ${error}`,
  },
};
