/**
 * Messages of the `admin` section: the set-up checklist and settings on App Home, their modals and
 * `/baton roster add|remove|set`. English is the reference; Korean follows docs/glossary-ko.md.
 */
export const adminEn = {
  roster: {
    usage: [
      '*Change the roster* (admins; managers for their own team):',
      '• `/baton roster add @a @b sdr smb enterprise [weight 2] [cap 15] [tz Asia/Seoul] [manager @m]` — add people: roles (`sdr`, `ae`, `marketer`, `cs`, `manager`, `admin`) and segments by name. Their time zone comes from their Slack profile unless given.',
      '• `/baton roster set @a weight 2 cap 15` — change people already on it: `weight`, `cap` (or `cap none`), `segments smb enterprise`, `roles sdr ae`, `manager @m` (or `manager none`), `tz Asia/Seoul`.',
      '• `/baton roster remove @a` — take people off the roster. They keep their leads and history but get no new leads.',
      '`/baton roster` alone lists who is on it.',
    ].join('\n'),
    unknownAction: (word: string) =>
      `\`${word}\` is not a roster command. Use \`add\`, \`set\` or \`remove\`.`,
    noUsers: 'Mention the people first, like `/baton roster add @sora sdr smb`.',
    plainMention: (word: string) =>
      `\`${word}\` is not a mention Baton can read: pick the person from Slack’s @ list so it turns into a link.`,
    unknownWord: (word: string, roles: string, segments: string) =>
      `I don’t know \`${word}\`. Roles: ${roles}. Segments: ${segments}. Settings: \`weight\`, \`cap\`, \`segments\`, \`roles\`, \`manager\`, \`tz\`.`,
    missingValue: (keyword: string) => `\`${keyword}\` needs a value after it, like \`${keyword} …\`.`,
    badNumber: (keyword: string, value: string) =>
      `\`${keyword}\` takes a whole number; \`${value}\` is not one.`,
    nothingToSet: 'Say what to change, like `/baton roster set @sora weight 2 cap 15`.',
    twice: (keyword: string) => `\`${keyword}\` is given twice; give it once.`,
    alreadyOnRoster: (people: string) =>
      `${people} already on the roster: use \`/baton roster set\` to change them.`,
    notOnRoster: (people: string) =>
      `${people} not on the roster: add them with \`/baton roster add\` first.`,
    added: (people: string, version: number) =>
      `:white_check_mark: Added ${people} to the roster (version ${version}).`,
    removed: (people: string, version: number) =>
      `:white_check_mark: Took ${people} off the roster (version ${version}). They keep their leads and history.`,
    updated: (people: string, version: number) =>
      `:white_check_mark: Updated ${people} (version ${version}).`,
  },
  refusals: {
    notAllowed: 'Only Baton’s admins (and managers, for their own team) can change the roster and settings.',
    notAnAdmin: 'Only Baton’s admins can change this setting.',
    outsideTeam: (people: string) =>
      `As a manager you can change only your own team (people whose manager is you): ${people} is outside it.`,
    roleNotAllowed: (people: string) => `Only an admin can give the manager or admin role (${people}).`,
    invalid: (problems: string) => `Nothing was changed:\n${problems}`,
    managed: (keys: string) =>
      `Nothing was changed: ${keys} is managed in baton.yaml; change it in the file.`,
    unchanged: 'Nothing to change: it is already like that.',
    problem: (path: string, message: string) => `• \`${path}\`: ${message}`,
  },
  home: {
    setupTitle: 'Set up Baton',
    setupIntro:
      'Baton starts routing leads once the required items are done (a leads channel per segment and one seller). The rest works with its defaults until you change it.',
    settingsTitle: 'Settings',
    settingsIntro:
      'Everything you set up is here to change. Changes apply at once, and each is kept as a version.',
    items: {
      channels: 'Channels',
      people: 'People',
      calendar: 'Calendar and language',
      sla: 'Follow-up SLA',
      routing: 'Routing',
      retro: 'Weekly retro',
      stages: 'Stages and labels',
      cadence: 'Cadence',
      qualification: 'Qualification rules',
      funnel: 'Wins and deals',
    },
    describe: {
      channels: 'Where lead cards, escalations, the weekly retro and VOC are posted.',
      people: 'Who gets leads: roles, segments, weight, open-lead cap and manager.',
      calendar: 'Time zone, language, working days and hours.',
      sla: 'The first-touch promise, its clock and the escalation ladder.',
      routing: 'Per segment: cards to claim or round robin, and what happens outside working hours.',
      retro: 'When the weekly retro thread opens, nudges and closes, and the monthly review.',
      stages:
        'What stages, reasons, segments, sources and forms are called, per language; the lost and disqualify reasons.',
      cadence: 'The follow-up reminders after the first touch, and the stage they stop at.',
      qualification: 'The MQL/SQL rules that give a new lead its segment, stage and score.',
      funnel:
        'Which stage is a win, from which a deal has an amount, the currency, and where recycled leads reopen.',
    },
    states: {
      done: ':white_check_mark: Done',
      required: ':red_circle: Required',
      default: ':white_circle: At its defaults',
      managed: ':lock: Managed in baton.yaml',
    },
    missingChannels: (segments: string) => `No leads channel yet for: ${segments}.`,
    missingSellers: (segments: string) => `No seller yet for: ${segments}.`,
    setUp: 'Set up',
    edit: 'Edit',
    teamOnly: 'As a manager you can change the people on your own team.',
  },
  modal: {
    save: 'Save',
    cancel: 'Cancel',
    managed: ':lock: Managed in baton.yaml: change it in the file.',
    tooLong:
      ':straight_ruler: Longer than a Slack field holds (3000 characters): change it in baton.yaml, or shorten it there first.',
    channels: {
      title: 'Channels',
      leadsFor: (segment: string) => `Leads channel: ${segment}`,
      leadsHint: 'Lead cards of this segment are posted here. One channel may serve several segments.',
      escalations: 'Escalations channel',
      escalationsHint: 'SLA breaches are posted here. Default: the first segment’s leads channel.',
      retro: 'Weekly retro channel',
      retroHint: 'The weekly growth retro thread. Default: the first segment’s leads channel.',
      vocHeading: '*VOC by category* (optional): each category with a channel gets a short post there.',
      vocFor: (category: string) => `VOC: ${category}`,
      afterSave:
        'After you save, Baton joins the public channels itself; for a private one it tells you what to `/invite`.',
    },
    people: {
      title: 'People',
      current: (list: string) => `*On the roster now:*\n${list}`,
      none: 'Nobody yet.',
      users: 'Add or update people',
      usersHint:
        'Pick several at once; the fields below apply to each. Time zones come from their Slack profiles.',
      roles: 'Roles',
      segments: 'Segments',
      segmentsHint: 'Leave empty for every segment (new people) or to keep what they have.',
      weight: 'Weight',
      weightHint: 'Share of round-robin leads, 1–100 (2 gets twice as many as 1). Empty: 1, or unchanged.',
      cap: 'Open-lead cap',
      capHint: 'At most this many open leads at once. Empty: no cap, or unchanged.',
      manager: 'Manager',
      remove: 'Take off the roster',
      removeHint: 'They keep their leads and history but get no new leads.',
      ownHours:
        '*Their own working hours* (optional): for the people picked above; what is left empty follows the calendar.',
      ownDays: 'Their working days',
      ownStart: 'Their working hours start',
      ownEnd: 'Their working hours end',
      ownReset: 'Follow the calendar’s hours again',
      on: 'Yes',
    },
    calendar: {
      title: 'Calendar',
      timeZone: 'Time zone',
      timeZoneHint: 'The SLA clock, cadence days and the retro follow it. Type to search, e.g. Seoul.',
      locale: 'Language',
      localeNames: { en: 'English', ko: '한국어 (Korean)' },
      workingDays: 'Working days',
      start: 'Working hours start',
      end: 'Working hours end',
      fromProfile: 'Time zone and language start from your Slack profile until saved.',
      daysOff: 'The team’s own days off',
      daysOffHint: 'One per line: the date, then a name if you like, e.g. 2026-12-31 Year-end.',
      holidays: 'Public holidays',
      holidaysHint: 'The country’s public holidays are days off, as the team’s own days off are.',
      countries: {
        none: 'None (only the team’s own days off)',
        KR: 'South Korea',
        US: 'United States',
        GB: 'United Kingdom',
        DE: 'Germany',
        JP: 'Japan',
      } as Record<string, string>,
    },
    sla: {
      title: 'Follow-up SLA',
      firstTouch: 'First touch within (minutes)',
      firstTouchHint: 'The promise: a first touch within this many minutes of a lead arriving (5–10080).',
      clock: 'Clock',
      business: 'Working hours only',
      always: 'Around the clock',
      ladder:
        '*Escalation ladder*: each step runs this many minutes after the lead arrived, on the SLA’s clock. Left unchanged, the ladder follows the first-touch minutes.',
      stepOn: 'On',
      step: (action: string) => `${action}: after (minutes)`,
      actions: {
        nudge: 'Nudge',
        auto_assign: 'Auto-assign',
        warn_owner: 'Warn the owner',
        breach: 'Breach',
        reassign: 'Reassign',
      },
    },
    routing: {
      title: 'Routing',
      threshold: 'Route a lead to sellers from this stage',
      thresholdHint: 'Leads before it stay with marketing. Cadence stops at a later stage.',
      accounts: 'Known accounts',
      accountsOn: 'A lead from an account with an open or won lead goes to that owner first',
      mode: 'How leads find an owner',
      claim: 'Card to claim',
      roundRobin: 'Round robin (offered in turn, by weight)',
      acceptTimeout: 'Minutes to accept an offer (round robin)',
      acceptTimeoutHint: 'The offer moves on to the next seller after this. Empty: 10.',
      outsideHours: 'When nobody is eligible now',
      hold: 'Hold it until a seller’s hours begin',
      skip: 'Leave it on the card for anyone to claim',
      autoAssign: 'Minutes until an unclaimed card is auto-assigned (claim)',
      autoAssignHint: (now: number | 'off' | null) =>
        now === null
          ? 'Empty: routing’s default, else the SLA ladder’s auto-assign step.'
          : now === 'off'
            ? 'Empty: routing’s default, else the SLA ladder’s auto-assign step (now off: never).'
            : `Empty: routing’s default, else the SLA ladder’s auto-assign step (now ${now} minutes).`,
    },
    retro: {
      title: 'Weekly retro',
      enabled: 'Weekly retro',
      on: 'On',
      open: 'Thread opens',
      nudge: 'Nudge who has not answered',
      close: 'Summary posted',
      day: (moment: string) => `${moment}: day`,
      time: (moment: string) => `${moment}: time`,
      momentsHint: 'Within one Monday-to-Sunday week, in this order, in the calendar’s time zone.',
      monthly: 'Monthly review',
      monthlyDay: 'Monthly review: day of the month',
      monthlyDayHint: '1–28.',
      monthlyTime: 'Monthly review: time',
    },
    stages: {
      title: 'Stages and labels',
      intro:
        'One `key: label` per line. A line with no label leaves that language to another language’s label, or the key. Keys of stages and segments stay; the reason lists are the keys you write here.',
      field: (kind: string, language: string) => `${kind} (${language})`,
      kinds: {
        stages: 'Working stages',
        lost_reasons: 'Lost reasons',
        disqualify_reasons: 'Disqualify reasons',
        segments: 'Segments',
        sources: 'Sources',
        forms: 'Forms',
      },
      badLine: (line: number, text: string) => `Line ${line} ("${text}") is not \`key: label\`.`,
    },
    qualification: {
      title: 'Qualification rules',
      intro:
        'The rules as in baton.yaml’s `qualification:` section (YAML: `rules:` and `defaults:`), explained in docs/configuration.md. Leave the field empty for Baton’s default rules.',
      rules: 'Rules and defaults (YAML)',
      rulesHint: 'e.g. rules: [{ when: { form: contact }, set: { stage: MQL, score: 50 } }]',
      badYaml: (line: number, column: number, message: string) =>
        `Not readable as YAML at line ${line}, column ${column}: ${message}`,
    },
    funnel: {
      title: 'Wins and deals',
      won: 'Reaching this stage is a win',
      wonHint: 'Stages after it count as renewals.',
      deal: 'From this stage on, a move asks for the deal’s amount',
      recycle: 'A recycled lead reopens at',
      currency: 'Currency',
      currencyHint: 'Three capital letters, like USD or KRW: for an amount given without one.',
    },
    cadence: {
      title: 'Cadence',
      stopAt: 'Stop at stage',
      stopAtHint: 'Reminders stop once a lead reaches this stage (and for Lost, Disqualified and Recycle).',
      steps: 'Steps',
      stepsHint:
        'One step per line: days after the first touch, the kind (call, email, linkedin, meeting, other), then the message, like “3 email: Send the case study”. Empty: no reminders.',
      badLine: (line: number, text: string) =>
        `Line ${line} ("${text}") is not \`days kind: message\`, like \`3 email: Send the case study\`.`,
    },
  },
  options: {
    timeZone: (zone: string, offset: string) => `${zone} (${offset})`,
  },
  weekdays: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
};

export const adminKo: typeof adminEn = {
  roster: {
    usage: [
      '*로스터 변경* (관리자, 매니저는 자기 팀만):',
      '• `/baton roster add @a @b sdr smb enterprise [weight 2] [cap 15] [tz Asia/Seoul] [manager @m]` — 사람 추가: 역할(`sdr`, `ae`, `marketer`, `cs`, `manager`, `admin`)과 세그먼트를 이름으로 적습니다. 시간대는 따로 적지 않으면 Slack 프로필에서 가져옵니다.',
      '• `/baton roster set @a weight 2 cap 15` — 로스터에 있는 사람 변경: `weight`, `cap`(또는 `cap none`), `segments smb enterprise`, `roles sdr ae`, `manager @m`(또는 `manager none`), `tz Asia/Seoul`.',
      '• `/baton roster remove @a` — 로스터에서 뺍니다. 담당 리드와 기록은 그대로이고 새 리드만 받지 않습니다.',
      '`/baton roster`만 입력하면 로스터를 보여 줍니다.',
    ].join('\n'),
    unknownAction: (word: string) =>
      `\`${word}\`은(는) 로스터 명령이 아닙니다. \`add\`, \`set\`, \`remove\` 중 하나를 쓰세요.`,
    noUsers: '먼저 사람을 멘션하세요. 예: `/baton roster add @sora sdr smb`',
    plainMention: (word: string) =>
      `\`${word}\`은(는) Baton이 읽을 수 있는 멘션이 아닙니다. Slack의 @ 목록에서 사람을 골라 링크가 되게 하세요.`,
    unknownWord: (word: string, roles: string, segments: string) =>
      `\`${word}\`을(를) 모르겠습니다. 역할: ${roles}. 세그먼트: ${segments}. 설정: \`weight\`, \`cap\`, \`segments\`, \`roles\`, \`manager\`, \`tz\`.`,
    missingValue: (keyword: string) => `\`${keyword}\` 뒤에 값을 적으세요. 예: \`${keyword} …\``,
    badNumber: (keyword: string, value: string) =>
      `\`${keyword}\`에는 정수를 적습니다. \`${value}\`은(는) 정수가 아닙니다.`,
    nothingToSet: '무엇을 바꿀지 적으세요. 예: `/baton roster set @sora weight 2 cap 15`',
    twice: (keyword: string) => `\`${keyword}\`이(가) 두 번 있습니다. 한 번만 적으세요.`,
    alreadyOnRoster: (people: string) =>
      `${people}: 이미 로스터에 있습니다. 바꾸려면 \`/baton roster set\`을 쓰세요.`,
    notOnRoster: (people: string) => `${people}: 로스터에 없습니다. 먼저 \`/baton roster add\`로 추가하세요.`,
    added: (people: string, version: number) =>
      `:white_check_mark: ${people}을(를) 로스터에 추가했습니다 (버전 ${version}).`,
    removed: (people: string, version: number) =>
      `:white_check_mark: ${people}을(를) 로스터에서 뺐습니다 (버전 ${version}). 담당 리드와 기록은 그대로입니다.`,
    updated: (people: string, version: number) =>
      `:white_check_mark: ${people}의 설정을 바꿨습니다 (버전 ${version}).`,
  },
  refusals: {
    notAllowed: '로스터와 설정은 Baton 관리자만 바꿀 수 있습니다 (매니저는 자기 팀만).',
    notAnAdmin: '이 설정은 Baton 관리자만 바꿀 수 있습니다.',
    outsideTeam: (people: string) =>
      `매니저는 자기 팀(매니저가 본인인 사람)만 바꿀 수 있습니다. ${people}은(는) 팀 밖입니다.`,
    roleNotAllowed: (people: string) => `매니저나 관리자 역할은 관리자만 줄 수 있습니다 (${people}).`,
    invalid: (problems: string) => `아무것도 바꾸지 않았습니다:\n${problems}`,
    managed: (keys: string) =>
      `아무것도 바꾸지 않았습니다: ${keys}은(는) baton.yaml에서 관리합니다. 파일에서 바꾸세요.`,
    unchanged: '바꿀 것이 없습니다. 이미 그렇게 되어 있습니다.',
    problem: (path: string, message: string) => `• \`${path}\`: ${message}`,
  },
  home: {
    setupTitle: 'Baton 설정 시작',
    setupIntro:
      '필수 항목(세그먼트마다 리드 채널, 세일즈 한 명)을 마치면 Baton이 리드를 배정하기 시작합니다. 나머지는 바꾸기 전까지 기본값으로 동작합니다.',
    settingsTitle: '설정',
    settingsIntro: '설정한 모든 것을 여기서 바꿀 수 있습니다. 바꾸면 바로 적용되고 버전으로 남습니다.',
    items: {
      channels: '채널',
      people: '사람',
      calendar: '캘린더와 언어',
      sla: '팔로업 SLA',
      routing: '배정 방식',
      retro: '주간 회고',
      stages: '단계와 표시 이름',
      cadence: '케이던스',
      qualification: '리드 자격 규칙',
      funnel: '수주와 딜',
    },
    describe: {
      channels: '리드 카드, 에스컬레이션, 주간 회고, VOC를 올릴 채널입니다.',
      people: '리드를 받을 사람: 역할, 세그먼트, 가중치, 진행 중 리드 상한, 매니저.',
      calendar: '시간대, 언어, 근무일과 근무 시간.',
      sla: '첫 연락 약속, 그 시계, 에스컬레이션 단계.',
      routing: '세그먼트별: 카드에서 가져가기 또는 라운드 로빈, 근무 시간 밖에는 어떻게 할지.',
      retro: '주간 회고 스레드를 열고, 알리고, 닫는 때와 월간 리뷰.',
      stages: '단계, 사유, 세그먼트, 유입 경로, 폼의 언어별 표시 이름과 실주·부적격 사유.',
      cadence: '첫 연락 뒤의 팔로업 알림과, 알림을 멈추는 단계.',
      qualification: '새 리드의 세그먼트, 단계, 점수를 정하는 MQL/SQL 규칙.',
      funnel: '수주로 보는 단계, 딜 금액을 묻기 시작하는 단계, 통화, 재활용 리드가 다시 열리는 단계.',
    },
    states: {
      done: ':white_check_mark: 완료',
      required: ':red_circle: 필수',
      default: ':white_circle: 기본값',
      managed: ':lock: baton.yaml에서 관리',
    },
    missingChannels: (segments: string) => `아직 리드 채널이 없는 세그먼트: ${segments}.`,
    missingSellers: (segments: string) => `아직 세일즈가 없는 세그먼트: ${segments}.`,
    setUp: '설정하기',
    edit: '바꾸기',
    teamOnly: '매니저는 자기 팀 사람을 바꿀 수 있습니다.',
  },
  modal: {
    save: '저장',
    cancel: '취소',
    managed: ':lock: baton.yaml에서 관리합니다. 파일에서 바꾸세요.',
    tooLong: ':straight_ruler: Slack 입력 칸(3000자)보다 깁니다. baton.yaml에서 바꾸거나 먼저 줄이세요.',
    channels: {
      title: '채널',
      leadsFor: (segment: string) => `리드 채널: ${segment}`,
      leadsHint: '이 세그먼트의 리드 카드가 올라갑니다. 한 채널이 여러 세그먼트를 맡아도 됩니다.',
      escalations: '에스컬레이션 채널',
      escalationsHint: 'SLA 위반이 올라갑니다. 기본값: 첫 세그먼트의 리드 채널.',
      retro: '주간 회고 채널',
      retroHint: '주간 그로스 회고 스레드. 기본값: 첫 세그먼트의 리드 채널.',
      vocHeading: '*카테고리별 VOC* (선택): 채널을 정한 카테고리는 그 채널에 짧은 글로 올라갑니다.',
      vocFor: (category: string) => `VOC 채널: ${category}`,
      afterSave:
        '저장하면 Baton이 공개 채널에는 직접 들어가고, 비공개 채널은 무엇을 `/invite` 할지 알려 드립니다.',
    },
    people: {
      title: '사람',
      current: (list: string) => `*지금 로스터:*\n${list}`,
      none: '아직 아무도 없습니다.',
      users: '추가하거나 바꿀 사람',
      usersHint:
        '여러 명을 한 번에 고를 수 있고, 아래 항목이 모두에게 적용됩니다. 시간대는 Slack 프로필에서 가져옵니다.',
      roles: '역할',
      segments: '세그먼트',
      segmentsHint: '비워 두면 새 사람은 모든 세그먼트, 있던 사람은 그대로입니다.',
      weight: '가중치',
      weightHint: '라운드 로빈 리드 몫, 1–100 (2는 1의 두 배). 비우면 1, 또는 그대로.',
      cap: '진행 중 리드 상한',
      capHint: '동시에 맡는 진행 중 리드의 최대 수. 비우면 상한 없음, 또는 그대로.',
      manager: '매니저',
      remove: '로스터에서 빼기',
      removeHint: '담당 리드와 기록은 그대로이고 새 리드만 받지 않습니다.',
      ownHours: '*본인 근무 시간* (선택): 위에서 고른 사람에게 적용됩니다. 비워 둔 항목은 캘린더를 따릅니다.',
      ownDays: '본인 근무일',
      ownStart: '본인 근무 시작',
      ownEnd: '본인 근무 종료',
      ownReset: '다시 캘린더의 근무 시간 따르기',
      on: '예',
    },
    calendar: {
      title: '캘린더',
      timeZone: '시간대',
      timeZoneHint: 'SLA 시계, 케이던스 날짜, 회고가 이 시간대를 따릅니다. 검색해 고르세요 (예: Seoul).',
      locale: '언어',
      localeNames: { en: 'English (영어)', ko: '한국어' },
      workingDays: '근무일',
      start: '근무 시작',
      end: '근무 종료',
      fromProfile: '저장하기 전까지 시간대와 언어는 내 Slack 프로필에서 가져옵니다.',
      daysOff: '팀 휴무일',
      daysOffHint: '한 줄에 하나씩: 날짜, 원하면 이름. 예: 2026-12-31 종무식',
      holidays: '공휴일',
      holidaysHint: '이 나라의 공휴일도 팀의 휴무일처럼 근무하지 않는 날로 칩니다.',
      countries: {
        none: '없음 (팀의 휴무일만)',
        KR: '대한민국',
        US: '미국',
        GB: '영국',
        DE: '독일',
        JP: '일본',
      } as Record<string, string>,
    },
    sla: {
      title: '팔로업 SLA',
      firstTouch: '첫 연락 기한 (분)',
      firstTouchHint: '약속: 리드가 들어온 뒤 이 시간(분) 안에 첫 연락 (5–10080).',
      clock: '시계',
      business: '근무 시간만',
      always: '24시간',
      ladder:
        '*에스컬레이션 단계*: 리드가 들어온 뒤 SLA 시계로 이만큼 지나면 실행됩니다. 바꾸지 않으면 첫 연락 기한에 맞춰 늘고 줄어듭니다.',
      stepOn: '켜기',
      step: (action: string) => `${action}: 몇 분 뒤`,
      actions: {
        nudge: '알림',
        auto_assign: '자동 배정',
        warn_owner: '담당자 경고',
        breach: 'SLA 위반',
        reassign: '재배정',
      },
    },
    routing: {
      title: '배정 방식',
      threshold: '이 단계부터 세일즈에게 배정',
      thresholdHint: '그 전 단계의 리드는 마케팅에 남습니다. 케이던스는 더 뒤의 단계에서 멈춥니다.',
      accounts: '기존 계정',
      accountsOn: '진행 중이거나 수주한 리드가 있는 계정의 리드는 그 담당자에게 먼저',
      mode: '리드 배정 방식',
      claim: '카드에서 가져가기',
      roundRobin: '라운드 로빈 (가중치에 따라 차례로 제안)',
      acceptTimeout: '제안 수락 시간(분, 라운드 로빈)',
      acceptTimeoutHint: '이 시간이 지나면 다음 세일즈에게 제안합니다. 비우면 10분.',
      outsideHours: '지금 받을 수 있는 사람이 없을 때',
      hold: '세일즈의 근무 시간이 시작될 때까지 보류',
      skip: '카드에 두고 누구나 가져가게 하기',
      autoAssign: '아무도 가져가지 않은 카드를 자동 배정하기까지(분, 가져가기)',
      autoAssignHint: (now: number | 'off' | null) =>
        now === null
          ? '비우면 배정 기본값, 없으면 SLA 에스컬레이션의 자동 배정 단계를 따릅니다.'
          : now === 'off'
            ? '비우면 배정 기본값, 없으면 SLA 에스컬레이션의 자동 배정 단계를 따릅니다 (지금은 꺼져 있어 자동 배정하지 않음).'
            : `비우면 배정 기본값, 없으면 SLA 에스컬레이션의 자동 배정 단계를 따릅니다 (지금 ${now}분).`,
    },
    retro: {
      title: '주간 회고',
      enabled: '주간 회고',
      on: '켜기',
      open: '스레드 열기',
      nudge: '답하지 않은 사람에게 알림',
      close: '요약 올리기',
      day: (moment: string) => `${moment}: 요일`,
      time: (moment: string) => `${moment}: 시각`,
      momentsHint: '월요일부터 일요일까지 한 주 안에서 이 순서로, 캘린더의 시간대를 따릅니다.',
      monthly: '월간 리뷰',
      monthlyDay: '월간 리뷰: 날짜',
      monthlyDayHint: '1–28일.',
      monthlyTime: '월간 리뷰: 시각',
    },
    stages: {
      title: '단계와 표시 이름',
      intro:
        '한 줄에 `키: 표시 이름` 하나씩 적습니다. 표시 이름이 없는 줄은 다른 언어의 이름이나 키로 보입니다. 단계와 세그먼트의 키는 그대로이고, 사유 목록은 여기 적은 키입니다.',
      field: (kind: string, language: string) => `${kind} (${language})`,
      kinds: {
        stages: '진행 단계',
        lost_reasons: '실주 사유',
        disqualify_reasons: '부적격 사유',
        segments: '세그먼트',
        sources: '유입 경로',
        forms: '폼',
      },
      badLine: (line: number, text: string) =>
        `${line}번째 줄("${text}")이 \`키: 표시 이름\` 형식이 아닙니다.`,
    },
    qualification: {
      title: '리드 자격 규칙',
      intro:
        'baton.yaml의 `qualification:` 섹션과 같은 형식입니다 (YAML: `rules:`와 `defaults:`, 설명은 docs/configuration.md). 비워 두면 Baton의 기본 규칙을 씁니다.',
      rules: '규칙과 기본값 (YAML)',
      rulesHint: '예: rules: [{ when: { form: contact }, set: { stage: MQL, score: 50 } }]',
      badYaml: (line: number, column: number, message: string) =>
        `${line}번째 줄 ${column}번째 글자에서 YAML로 읽을 수 없습니다: ${message}`,
    },
    funnel: {
      title: '수주와 딜',
      won: '이 단계에 이르면 수주',
      wonHint: '그 뒤의 단계는 갱신으로 셉니다.',
      deal: '이 단계부터 단계를 옮길 때 딜 금액을 묻기',
      recycle: '재활용 리드가 다시 열리는 단계',
      currency: '통화',
      currencyHint: 'USD, KRW처럼 대문자 세 글자. 통화 없이 적은 금액에 씁니다.',
    },
    cadence: {
      title: '케이던스',
      stopAt: '멈추는 단계',
      stopAtHint: '리드가 이 단계에 이르면 알림이 멈춥니다 (실주, 부적격, 재활용도 마찬가지).',
      steps: '알림',
      stepsHint:
        '한 줄에 하나씩: 첫 연락 뒤 며칠, 종류(call, email, linkedin, meeting, other), 메시지. 예: “3 email: 사례 자료 보내기”. 비우면 알림이 없습니다.',
      badLine: (line: number, text: string) =>
        `${line}번째 줄("${text}")이 \`며칠 종류: 메시지\` 형식이 아닙니다. 예: \`3 email: 사례 자료 보내기\``,
    },
  },
  options: {
    timeZone: (zone: string, offset: string) => `${zone} (${offset})`,
  },
  weekdays: {
    mon: '월요일',
    tue: '화요일',
    wed: '수요일',
    thu: '목요일',
    fri: '금요일',
    sat: '토요일',
    sun: '일요일',
  },
};
