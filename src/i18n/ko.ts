import type { Catalog } from './en.js';

export const ko: Catalog = {
  roles: {
    marketer: '마케터',
    sdr: '인사이드 세일즈(SDR)',
    ae: '세일즈(AE)',
    cs: '고객 성공(CS)',
    manager: '매니저',
    admin: '관리자',
  },
  help: {
    title: 'Baton — 리드 전달, 팔로업 SLA, 주간 그로스 회고',
    intro:
      'Baton은 들어온 리드를 몇 분 안에 세일즈 담당자에게 넘기고, 팀이 1시간 안에 첫 팔로업을 하도록 돕습니다.',
    commandsHeading: '*명령어*',
    commands: {
      help: '이 도움말을 보여줍니다.',
      roster: '로스터: 역할, 세그먼트, 부재 중인 사람.',
      ooo: '부재로 표시합니다(새 리드를 받지 않음). 예: `/baton ooo 2026-12-31`. 날짜가 없으면 `/baton back` 할 때까지.',
      back: '부재를 끝냅니다.',
    },
    footer: 'Baton의 답은 나에게만 보입니다. 채널, 로스터, SLA, 일정은 관리자가 baton.yaml에서 설정합니다.',
  },
  home: {
    greeting: (mention) => `안녕하세요, ${mention}님!`,
    rosterLine: (roles, segments) =>
      `Baton 로스터에 *${roles}*(으)로 등록되어 있고, *${segments}* 세그먼트를 맡고 있습니다.`,
    noSegments: '세그먼트 없음',
    outOfOffice: (until) => `:palm_tree: ${until}까지 부재 중이라 새 리드가 배정되지 않습니다.`,
    outOfOfficeOpenEnded: ':palm_tree: 부재 중입니다. `/baton back` 전까지 새 리드가 배정되지 않습니다.',
    sellerTip:
      '담당 세그먼트의 새 리드는 리드 채널과 DM으로 옵니다. 빠르게 가져가세요: 팀의 약속은 1시간 안의 첫 팔로업입니다.',
    marketerTip: '가져온 리드는 모두 리드 채널에 올라옵니다. 카드 스레드에 너처링 맥락을 남겨 주세요.',
    managerTip: '팀의 에스컬레이션을 받고, 여기서 팀 현황을 봅니다.',
    csTip: '고객의 목소리를 기록하고 계정을 리텐션 단계로 옮기세요.',
    notOnRosterTitle: '아직 Baton 로스터에 없습니다',
    notOnRoster: (userId, admins) =>
      `Baton은 로스터에 있는 사람에게만 리드를 배정합니다. ${admins}에게 Slack 사용자 ID \`${userId}\`를 역할과 함께 baton.yaml의 \`roster\`에 추가해 달라고 요청한 뒤 Baton을 재시작하세요.`,
    anAdmin: 'Baton 관리자',
    commandsHint: '아무 채널에서나 `/baton help`를 입력하면 Baton으로 할 수 있는 일을 볼 수 있습니다.',
  },
  roster: {
    title: (count) => `로스터 — ${count}명`,
    empty: '로스터에 아무도 없습니다.',
    oooUntil: (until) => `${until}까지 부재`,
    oooOpenEnded: '부재 중',
  },
  ooo: {
    set: (until) => `${until}까지 부재로 표시했습니다. 새 리드가 배정되지 않습니다.`,
    setOpenEnded: '`/baton back`을 입력할 때까지 부재로 표시했습니다. 새 리드가 배정되지 않습니다.',
    cleared: '돌아오신 걸 환영합니다! 이제 새 리드를 다시 받습니다.',
    notOut: '부재 중이 아니었습니다.',
    badDate: (input) =>
      `\`${input}\`을(를) 날짜로 읽을 수 없습니다. YYYY-MM-DD 형식으로 입력하세요. 예: \`/baton ooo 2026-12-31\``,
    pastDate: (input) => `\`${input}\`은(는) 지난 날짜입니다. 오늘 이후의 마지막 부재일을 입력하세요.`,
  },
  card: {
    fallback: (who, company) => `새 리드: ${who}${company ? ` (${company})` : ''}`,
    titleAt: (title, company) => `*${company}* · *${title}*`,
    segment: '세그먼트',
    source: '유입 경로',
    score: '점수',
    form: '폼',
    website: '웹사이트',
    arrived: '도착',
    owner: '담당자',
    stage: '단계',
    unclaimed: '_담당자 없음_',
    claim: '가져가기',
    contextCount: (n) => `:memo: 스레드에 마케팅 메모 ${n}개`,
  },
  notes: {
    claimed: (by) => `:raising_hand: ${by}님이 가져갔습니다.`,
    resubmitted: (source, form) =>
      `:repeat: *${source}*${form ? `(${form})` : ''}에서 다시 제출되었습니다. 새 카드는 만들지 않았습니다.`,
  },
  claim: {
    alreadyClaimed: (owner) => `이미 ${owner}님이 가져간 리드입니다.`,
    notASeller: '리드는 로스터에 있는 세일즈(SDR 또는 AE)만 가져갈 수 있습니다.',
    notServing: (segment) => `*${segment}* 세그먼트 담당이 아니라서 이 리드를 가져갈 수 없습니다.`,
    notFound: '이 리드는 더 이상 없습니다.',
  },
  errors: {
    unknownSubcommand: (input) =>
      `\`/baton ${input}\`은(는) 알 수 없는 명령입니다. \`/baton help\`를 입력해 보세요.`,
    notOnRoster: 'Baton 로스터에 없어서 바꿀 것이 없습니다. 관리자에게 추가를 요청하세요.',
    internal: 'Baton에서 문제가 생겨 아무것도 바뀌지 않았습니다. 잠시 후 다시 시도해 주세요.',
  },
};
