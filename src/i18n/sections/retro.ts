/** Messages of the `retro` section: English is the reference, Korean must have the same keys in order. */
export const retroEn = {
  // The weekly parent message.
  weeklyTitle: (week: string) => `Weekly growth retro — ${week}`,
  weeklyText: (week: string) => `Weekly growth retro for ${week}: the figures are in the thread.`,
  reviewing: (dates: string, week: string) =>
    `:calendar: Reviewing ${dates} (${week}). The figures, the voices and the last retro’s action items are in the thread.`,
  headlineWon: (won: string, rate: string) => `won ${won} · win rate ${rate}`,
  headlineSla: (pct: string) => `${pct} of first touches within the SLA`,
  headlineVoc: (n: string) => `${n} VOC captured`,
  participationSoFar: (took: number, total: number, notes: number) =>
    `:speech_balloon: *Participation so far:* ${took} of ${total} · ${notes} ${Number(notes) === 1 ? 'note' : 'notes'}. Reply in this thread — every reply is kept as a retro note.`,
  noParticipants:
    ':speech_balloon: Nobody was on the roster when the retro opened, so nobody was asked to take part.',
  itemsTitle: '*Action items*',
  noItems: 'No action items yet.',
  addItem: 'Add action item',
  // The summary added at the close.
  summaryTitle: ':checkered_flag: *Closed — the week in summary*',
  participation: (took: number, total: number, pct: string) =>
    `*Participation:* ${took} of ${total} (${pct})`,
  roleLine: (role: string, took: number, total: number) => `${role}: ${took} of ${total}`,
  noRole: 'No roster role',
  notes: (n: number) => `*Notes:* ${n}`,
  vocThisWeek: (n: number, dates: string) => `*VOC captured this week* (${dates}, to the close): ${n}`,
  summaryItems: '*Action items and owners*',
  nextGoal:
    ':dart: Set next week’s goal: work it out with `/funnel plan &lt;deals&gt;` and store it with `/funnel plan set &lt;deals&gt;`.',
  // (a) Funnel.
  funnelTitle: (dates: string) => `*(a) Funnel* — the leads that arrived ${dates} and how far they got`,
  weekBefore: (n: string) => `week before ${n}`,
  toNext: (pct: string) => `${pct} to the next stage`,
  goalFigure: (n: string) => `goal ${n}`,
  goalLine: (deals: number, first: string, last: string) =>
    `:dart: Goal: ${deals} deals from ${first} to ${last}; each stage is compared with its per-week figure.`,
  noGoal:
    ':dart: No goal covers this week. Work one out with `/funnel plan &lt;deals&gt;` and store it with `/funnel plan set &lt;deals&gt;`.',
  chartComment: (dates: string) => `(a) The funnel of ${dates}, with the goal’s per-week figures`,
  // (b) SLA per seller.
  slaTitle: (dates: string) =>
    `*(b) First-touch SLA per seller* — routed leads that arrived ${dates}, by current owner`,
  sellerLine: (who: string, leads: number, touched: number, met: number, breached: number) =>
    `${who}: ${leads} leads · ${touched} touched · ${met} met / ${breached} breached`,
  withinSla: (pct: string) => `${pct} within the SLA`,
  noSlaDecided: 'no SLA decided',
  medianTouch: (elapsed: string) => `median ${elapsed} to the first touch`,
  noTouch: 'no first touch yet',
  noSellers: 'No sellers on the roster and no routed leads this week.',
  // (c) Won and lost.
  dealsTitle: (dates: string) => `*(c) Won and lost* — decided ${dates}`,
  lostReasons: (list: string) => `Lost reasons: ${list}`,
  noLostReasons: 'Lost reasons: no deal was lost.',
  unknownReason: 'unknown',
  // (d) VOC.
  vocTitle: (dates: string) => `*(d) Voice of the customer* — captured ${dates}`,
  vocTotal: (n: string, previous: string, change: string) =>
    `*${n}* captured (the week before: ${previous}, ${change})`,
  noVoc:
    'No VOC was captured this week or the week before. Save what customers say with `/voc`, the “Save as VOC” shortcut or a reaction.',
  competitors: (list: string) => `Competitors named: ${list}`,
  tags: (list: string) => `Top tags: ${list}`,
  quotesTitle: '*Top quotes*',
  source: 'source',
  // (e) The last retro's action items.
  actionsTitle: '*(e) Action items from the last retro*',
  noPreviousActions: 'No action items were listed on the last retro.',
  stillOpen: (n: number) => `${n} still open: carried over to this retro.`,
  // (f) Prompts.
  promptsTitle: '*(f) Over to you* — reply in this thread; every reply is kept as a retro note.',
  promptMarketing: '*Marketing:* which campaigns and content produced SALs this week?',
  promptSales: '*Sales:* what did customers say, and did the meetings match the notes?',
  promptCs: '*Customer success:* any churn risks or praise to pass on?',
  // The nudge DM.
  nudge: (week: string, thread: string) =>
    `:wave: The growth retro for ${week} is waiting for your reply. Add a line in ${thread}: what you saw this week helps the whole team.`,
  threadLink: 'the retro thread',
  // The monthly playbook review.
  playbookTitle: (month: string) => `Monthly playbook review — ${month}`,
  playbookText: (month: string) => `Monthly playbook review for ${month}: the figures are in the thread.`,
  playbookReviewing: (dates: string) => `:calendar: Reviewing ${dates}.`,
  playbookPrompt:
    ':memo: How did the playbook work last month? The thread shows cadence-step completion, the SLA trend and days in stage. Reply with what to revise: cadence steps, the SLA, stage definitions.',
  cadenceTitle: '*Cadence-step completion*',
  cadenceLine: (day: number, label: string) => `Day ${day} · ${label}`,
  cadenceFigures: (due: number, done: number, skipped: number, unanswered: number) =>
    `${due} due · ${done} done · ${skipped} skipped · ${unanswered} unanswered`,
  completion: (pct: string) => `${pct} completed`,
  noCadence: 'No cadence steps are configured.',
  slaTrendTitle: '*SLA trend* — the last four weeks, the whole team',
  weekOf: (week: string, monday: string) => `${week} (from ${monday})`,
  slaWeekFigures: (met: number, breached: number) => `${met} met / ${breached} breached`,
  noWeeks: 'No week to show yet.',
  stagesTitle: '*Days in stage* — median days of the stays that ended each week',
  stageWeek: (week: string, days: string, stays: number) =>
    `${week}: ${days} (${stays} ${Number(stays) === 1 ? 'stay' : 'stays'})`,
  days: (days: string) => `${days} d`,
  noStay: 'no stay',
  noStages: 'No working stage before the won stage.',
};

export const retroKo: typeof retroEn = {
  weeklyTitle: (week: string) => `주간 그로스 회고 — ${week}`,
  weeklyText: (week: string) => `${week} 주간 그로스 회고: 수치는 스레드에 있습니다.`,
  reviewing: (dates: string, week: string) =>
    `:calendar: ${dates}(${week})을 돌아봅니다. 수치, VOC, 지난 회고의 액션 아이템은 스레드에 있습니다.`,
  headlineWon: (won: string, rate: string) => `수주 ${won} · 수주율 ${rate}`,
  headlineSla: (pct: string) => `첫 연락의 ${pct}가 SLA 이내`,
  headlineVoc: (n: string) => `VOC ${n}건 수집`,
  participationSoFar: (took: number, total: number, notes: number) =>
    `:speech_balloon: *지금까지 참여:* ${total}명 중 ${took}명 · 메모 ${notes}개. 이 스레드에 답글을 남겨 주세요. 모든 답글이 회고 메모로 저장됩니다.`,
  noParticipants: ':speech_balloon: 회고가 열릴 때 로스터에 아무도 없어서 참여 요청을 받은 사람이 없습니다.',
  itemsTitle: '*액션 아이템*',
  noItems: '아직 액션 아이템이 없습니다.',
  addItem: '액션 아이템 추가',
  summaryTitle: ':checkered_flag: *마감 — 이번 주 요약*',
  participation: (took: number, total: number, pct: string) => `*참여:* ${total}명 중 ${took}명 (${pct})`,
  roleLine: (role: string, took: number, total: number) => `${role}: ${total}명 중 ${took}명`,
  noRole: '로스터 역할 없음',
  notes: (n: number) => `*메모:* ${n}개`,
  vocThisWeek: (n: number, dates: string) => `*이번 주 수집된 VOC* (${dates}, 마감까지): ${n}건`,
  summaryItems: '*액션 아이템과 담당자*',
  nextGoal:
    ':dart: 다음 주 목표를 정하세요. `/funnel plan &lt;딜 수&gt;`로 계산하고 `/funnel plan set &lt;딜 수&gt;`로 저장합니다.',
  funnelTitle: (dates: string) => `*(a) 퍼널* — ${dates}에 들어온 리드와 각 리드가 도달한 단계`,
  weekBefore: (n: string) => `전주 ${n}`,
  toNext: (pct: string) => `다음 단계로 ${pct}`,
  goalFigure: (n: string) => `목표 ${n}`,
  goalLine: (deals: number, first: string, last: string) =>
    `:dart: 목표: ${first}부터 ${last}까지 딜 ${deals}건. 각 단계를 주간 목표치와 비교합니다.`,
  noGoal:
    ':dart: 이번 주에 해당하는 목표가 없습니다. `/funnel plan &lt;딜 수&gt;`로 계산하고 `/funnel plan set &lt;딜 수&gt;`로 저장하세요.',
  chartComment: (dates: string) => `(a) ${dates}의 퍼널과 목표의 주간 수치`,
  slaTitle: (dates: string) => `*(b) 담당자별 첫 연락 SLA* — ${dates}에 배정된 리드, 현재 담당자 기준`,
  sellerLine: (who: string, leads: number, touched: number, met: number, breached: number) =>
    `${who}: 리드 ${leads}건 · 응대 ${touched}건 · 준수 ${met} / 위반 ${breached}`,
  withinSla: (pct: string) => `SLA 준수율 ${pct}`,
  noSlaDecided: 'SLA 판정 없음',
  medianTouch: (elapsed: string) => `첫 연락까지 중앙값 ${elapsed}`,
  noTouch: '아직 첫 연락 없음',
  noSellers: '로스터에 세일즈가 없고 이번 주에 배정된 리드도 없습니다.',
  dealsTitle: (dates: string) => `*(c) 수주와 실주* — ${dates}에 결정된 딜`,
  lostReasons: (list: string) => `실주 사유: ${list}`,
  noLostReasons: '실주 사유: 실주한 딜이 없습니다.',
  unknownReason: '알 수 없음',
  vocTitle: (dates: string) => `*(d) VOC* — ${dates}에 수집`,
  vocTotal: (n: string, previous: string, change: string) => `*${n}*건 수집 (전주: ${previous}건, ${change})`,
  noVoc:
    '이번 주와 전주에 수집된 VOC가 없습니다. 고객의 말은 `/voc`, “VOC로 저장” 바로가기 또는 리액션으로 저장하세요.',
  competitors: (list: string) => `언급된 경쟁사: ${list}`,
  tags: (list: string) => `많이 쓰인 태그: ${list}`,
  quotesTitle: '*주요 인용*',
  source: '원문',
  actionsTitle: '*(e) 지난 회고의 액션 아이템*',
  noPreviousActions: '지난 회고에 등록된 액션 아이템이 없습니다.',
  stillOpen: (n: number) => `${n}건이 아직 열려 있어 이번 회고로 이월되었습니다.`,
  promptsTitle: '*(f) 여러분의 차례* — 이 스레드에 답글을 남겨 주세요. 모든 답글이 회고 메모로 저장됩니다.',
  promptMarketing: '*마케팅:* 이번 주 SAL을 만든 캠페인과 콘텐츠는 무엇이었나요?',
  promptSales: '*세일즈:* 고객은 무슨 말을 했나요? 미팅이 전달받은 메모와 일치했나요?',
  promptCs: '*고객 성공:* 전할 이탈 위험이나 칭찬이 있나요?',
  nudge: (week: string, thread: string) =>
    `:wave: ${week} 그로스 회고가 답글을 기다리고 있습니다. ${thread}에 한 줄 남겨 주세요. 이번 주에 본 것이 팀 전체에 도움이 됩니다.`,
  threadLink: '회고 스레드',
  playbookTitle: (month: string) => `월간 플레이북 리뷰 — ${month}`,
  playbookText: (month: string) => `${month} 월간 플레이북 리뷰: 수치는 스레드에 있습니다.`,
  playbookReviewing: (dates: string) => `:calendar: ${dates}을 돌아봅니다.`,
  playbookPrompt:
    ':memo: 지난달 플레이북은 잘 작동했나요? 스레드에 케이던스 단계 완료율, SLA 추이, 단계별 체류 일수가 있습니다. 고칠 점을 답글로 남겨 주세요: 케이던스 단계, SLA, 단계 정의.',
  cadenceTitle: '*케이던스 단계 완료율*',
  cadenceLine: (day: number, label: string) => `${day}일차 · ${label}`,
  cadenceFigures: (due: number, done: number, skipped: number, unanswered: number) =>
    `예정 ${due} · 완료 ${done} · 건너뜀 ${skipped} · 무응답 ${unanswered}`,
  completion: (pct: string) => `완료율 ${pct}`,
  noCadence: '설정된 케이던스 단계가 없습니다.',
  slaTrendTitle: '*SLA 추이* — 최근 4주, 팀 전체',
  weekOf: (week: string, monday: string) => `${week} (${monday}부터)`,
  slaWeekFigures: (met: number, breached: number) => `준수 ${met} / 위반 ${breached}`,
  noWeeks: '아직 보여줄 주가 없습니다.',
  stagesTitle: '*단계별 체류 일수* — 주마다 끝난 체류의 중앙값',
  stageWeek: (week: string, days: string, stays: number) => `${week}: ${days} (체류 ${stays}건)`,
  days: (days: string) => `${days}일`,
  noStay: '체류 없음',
  noStages: '수주 단계 앞에 작업 단계가 없습니다.',
};
