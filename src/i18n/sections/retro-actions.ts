/** Messages of the `retroActions` section: English is the reference, Korean must have the same keys in order. */
export const retroActionsEn = {
  due: (day: string) => `due ${day}`,
  status: { done: '✅ done', dropped: 'dropped' },
  carried: (times: number) => `carried ${times}×`,
  flagged: (times: number) => `:warning: carried ${times}×`,
};

export const retroActionsKo: typeof retroActionsEn = {
  due: (day: string) => `기한 ${day}`,
  status: { done: '✅ 완료', dropped: '취소됨' },
  carried: (times: number) => `${times}회 이월`,
  flagged: (times: number) => `:warning: ${times}회 이월`,
};
