/** Messages of the `retroActions` section: English is the reference, Korean must have the same keys in order. */
export const retroActionsEn = {
  due: (day: string) => `due ${day}`,
  status: { done: '✅ done', dropped: 'dropped' },
  carried: (times: number) => `carried ${times}×`,
  flagged: (times: number) => `:warning: carried ${times}×`,
  // The Add action item modal (plain text).
  modalTitle: 'Add action item',
  modalSubmit: 'Add',
  modalCancel: 'Cancel',
  modalRetro: (week: string) => `For the weekly retro of ${week}. The owner gets a DM with Done / Drop.`,
  textLabel: 'What needs doing',
  textPlaceholder: 'e.g. Rewrite the pricing FAQ before the webinar',
  ownerLabel: 'Owner',
  dueLabel: 'Due date',
  textEmpty: 'Write what needs doing.',
  textTooLong: (max: number) => `Keep it to ${max} characters or fewer.`,
  ownerMissing: 'Choose who owns this item.',
  dueBadDate: 'Pick the due date from the calendar.',
  duePast: (today: string) => `The due date cannot be before today (${today}).`,
  retroNotFound: 'That retro no longer exists.',
  notOnRosterPlain: 'Only people on the Baton roster can add action items. Ask a Baton admin to add you.',
  // The message shortcut on anything but a retro reply (mrkdwn).
  notAReply:
    '*Make retro action item* works on replies in a weekly retro’s thread. On the retro message itself, use its *Add action item* button.',
  // The owner's DM (mrkdwn).
  retroLabel: (week: string) => `${week} retro`,
  dm: (retro: string, by: string, text: string) =>
    `*Action item* from the ${retro}, added by ${by}:\n>${text}`,
  dmFallback: (text: string) => `Action item for you: ${text}`,
  doneButton: 'Done',
  dropButton: 'Drop',
  doneBy: (who: string) => `✅ Marked done by ${who}.`,
  droppedBy: (who: string) => `Dropped by ${who}.`,
  // Answers to Done / Drop that change nothing (mrkdwn, ephemeral).
  alreadyDone: (who: string) => `This item was already marked done by ${who}.`,
  alreadyDropped: (who: string) => `This item was already dropped by ${who}.`,
  notAllowed: (owner: string) =>
    `Only the item’s owner (${owner}), the person who added it, or a manager or admin can answer it.`,
  notFound: 'That action item no longer exists.',
};

export const retroActionsKo: typeof retroActionsEn = {
  due: (day: string) => `기한 ${day}`,
  status: { done: '✅ 완료', dropped: '취소됨' },
  carried: (times: number) => `${times}회 이월`,
  flagged: (times: number) => `:warning: ${times}회 이월`,
  modalTitle: '액션 아이템 추가',
  modalSubmit: '추가',
  modalCancel: '닫기',
  modalRetro: (week: string) =>
    `${week} 주간 회고의 액션 아이템입니다. 담당자는 완료 / 취소 버튼이 있는 DM을 받습니다.`,
  textLabel: '해야 할 일',
  textPlaceholder: '예: 웨비나 전에 가격 FAQ 다시 쓰기',
  ownerLabel: '담당자',
  dueLabel: '기한',
  textEmpty: '해야 할 일을 적어 주세요.',
  textTooLong: (max: number) => `${max}자 이하로 적어 주세요.`,
  ownerMissing: '이 아이템의 담당자를 골라 주세요.',
  dueBadDate: '달력에서 기한을 골라 주세요.',
  duePast: (today: string) => `기한은 오늘(${today})보다 앞설 수 없습니다.`,
  retroNotFound: '그 회고는 더 이상 없습니다.',
  notOnRosterPlain:
    'Baton 로스터에 있는 사람만 액션 아이템을 추가할 수 있습니다. Baton 관리자에게 추가를 요청하세요.',
  notAReply:
    '*Make retro action item*은 주간 회고 스레드의 답글에서만 쓸 수 있습니다. 회고 메시지 자체에서는 *액션 아이템 추가* 버튼을 쓰세요.',
  retroLabel: (week: string) => `${week} 회고`,
  dm: (retro: string, by: string, text: string) => `${retro}에서 ${by}님이 추가한 *액션 아이템*:\n>${text}`,
  dmFallback: (text: string) => `내 액션 아이템: ${text}`,
  doneButton: '완료',
  dropButton: '취소',
  doneBy: (who: string) => `✅ ${who}님이 완료로 표시했습니다.`,
  droppedBy: (who: string) => `${who}님이 취소했습니다.`,
  alreadyDone: (who: string) => `이 아이템은 이미 ${who}님이 완료로 표시했습니다.`,
  alreadyDropped: (who: string) => `이 아이템은 이미 ${who}님이 취소했습니다.`,
  notAllowed: (owner: string) =>
    `아이템의 담당자(${owner}), 추가한 사람, 또는 매니저나 관리자만 답할 수 있습니다.`,
  notFound: '그 액션 아이템은 더 이상 없습니다.',
};
