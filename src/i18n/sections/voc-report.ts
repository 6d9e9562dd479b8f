/** Messages of the `vocReport` section: English is the reference, Korean must have the same keys in order. */
export const vocReportEn = {
  title: (period: string) => `Voice of the customer — ${period}`,
  titleCategory: (category: string, period: string) => `Voice of the customer — ${category} — ${period}`,
  total: (total: number, previous: number, change: string) =>
    `*Captured: ${total}* — the period before: ${previous} (${change})`,
  categoryLine: (category: string, count: number, previous: number, change: string) =>
    `${category}: ${count} — before: ${previous} (${change})`,
  competitors: (list: string) => `*Competitors named:* ${list}`,
  noCompetitors: '*Competitors named:* none',
  tags: (list: string) => `*Top tags:* ${list}`,
  noTags: '*Top tags:* none',
  quotesTitle: '*Top quotes*',
  saidBy: (author: string) => `said by ${author}`,
  capturedBy: (who: string) => `captured by ${who}`,
  source: 'source',
  empty: (previous: number) => `No VOC was captured in this period (the period before: ${previous}).`,
  footer:
    'Counted by when each quote was captured. Top quotes: the newest of each category, the most mentioned category first. Capture more with `/voc` or the message shortcut “Save as VOC”.',
  unknownWord: (word: string) => `I don't know \`${word}\` in \`/voc report\`.`,
  twice: (first: string, second: string) => `Give one of \`${first}\` and \`${second}\`, not both.`,
  accepted:
    'Try `/voc report [this-week | last-week | this-month | last-month | this-quarter | last-quarter | YYYY-MM-DD..YYYY-MM-DD] [objection | feature-request | competitor | pricing | praise | churn-risk | lead-quality | other]`.',
};

export const vocReportKo: typeof vocReportEn = {
  title: (period) => `VOC — ${period}`,
  titleCategory: (category, period) => `VOC — ${category} — ${period}`,
  total: (total, previous, change) => `*수집: ${total}건* — 이전 기간: ${previous}건 (${change})`,
  categoryLine: (category, count, previous, change) =>
    `${category}: ${count}건 — 이전: ${previous}건 (${change})`,
  competitors: (list) => `*언급된 경쟁사:* ${list}`,
  noCompetitors: '*언급된 경쟁사:* 없음',
  tags: (list) => `*많이 쓰인 태그:* ${list}`,
  noTags: '*많이 쓰인 태그:* 없음',
  quotesTitle: '*주요 인용*',
  saidBy: (author) => `${author} 님의 말`,
  capturedBy: (who) => `${who} 님이 수집`,
  source: '원문',
  empty: (previous) => `이 기간에 수집된 VOC가 없습니다 (이전 기간: ${previous}건).`,
  footer:
    '인용을 수집한 시각 기준으로 셉니다. 주요 인용: 분류별 가장 최근 인용, 많이 언급된 분류부터. `/voc` 명령이나 메시지 바로가기 “VOC로 저장”으로 더 수집하세요.',
  unknownWord: (word) => `\`/voc report\`에서 \`${word}\`은(는) 알 수 없는 단어입니다.`,
  twice: (first, second) => `\`${first}\`와(과) \`${second}\` 중 하나만 입력하세요.`,
  accepted:
    '`/voc report [this-week | last-week | this-month | last-month | this-quarter | last-quarter | YYYY-MM-DD..YYYY-MM-DD] [objection | feature-request | competitor | pricing | praise | churn-risk | lead-quality | other]` 형식으로 입력해 보세요.',
};
