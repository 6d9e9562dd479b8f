import type { Catalog } from './en.js';
import { adminKo } from './sections/admin.js';
import { channelsKo } from './sections/channels.js';
import { configKo } from './sections/config.js';
import { hubspotKo } from './sections/hubspot.js';
import { leadImportKo } from './sections/lead-import.js';
import { retroKo } from './sections/retro.js';
import { retroActionsKo } from './sections/retro-actions.js';
import { sandboxPageKo } from './sections/sandbox-page.js';
import { scenariosKo } from './sections/scenarios.js';
import { settingsKo } from './sections/settings.js';
import { crmSettingsKo } from './sections/settings-crm.js';
import { vocKo } from './sections/voc.js';
import { vocReportKo } from './sections/voc-report.js';
import { webhooksKo } from './sections/webhooks.js';

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
      'Baton은 들어온 리드를 몇 분 안에 세일즈 담당자에게 넘기고, 팀이 1시간 안에 첫 연락을 하도록 돕습니다.',
    commandsHeading: '*명령어*',
    commands: {
      help: '이 도움말을 보여줍니다.',
      roster:
        '로스터: 역할, 세그먼트, 부재 중인 사람. 관리자(매니저는 자기 팀)는 사람을 추가, 제거, 변경할 수 있습니다: `/baton roster help`.',
      ooo: '부재로 표시합니다(새 리드를 받지 않음). 예: `/baton ooo 2026-12-31`. 날짜가 없으면 `/baton back` 할 때까지.',
      back: '부재를 끝냅니다.',
      settings: '내 설정: 주간 회고 알림 DM을 켜거나 끕니다.',
      webhooks: '관리자: 웹훅 엔드포인트와 마지막 전송, 실패를 보고 테스트 전송과 재개를 합니다.',
    },
    footer:
      'Baton의 답은 나에게만 보입니다. 채널, 로스터, 캘린더, SLA는 관리자가 Baton 앱 홈(또는 baton.yaml)에서 설정합니다.',
  },
  home: {
    greeting: (mention) => `안녕하세요, ${mention}님!`,
    rosterLine: (roles, segments) =>
      `Baton 로스터에 *${roles}*(으)로 등록되어 있고, *${segments}* 세그먼트를 맡고 있습니다.`,
    noSegments: '세그먼트 없음',
    outOfOffice: (until) => `:palm_tree: ${until}까지 부재 중이라 새 리드가 배정되지 않습니다.`,
    outOfOfficeOpenEnded: ':palm_tree: 부재 중입니다. `/baton back` 전까지 새 리드가 배정되지 않습니다.',
    sellerTip:
      '담당 세그먼트의 새 리드는 리드 채널과 DM으로 옵니다. 빠르게 가져가세요: 팀의 약속은 1시간 안의 첫 연락입니다.',
    marketerTip: '가져온 리드는 모두 리드 채널에 올라옵니다. 카드 스레드에 너처링 맥락을 남겨 주세요.',
    managerTip: '팀의 에스컬레이션을 받고, 여기서 팀 현황을 봅니다.',
    csTip: 'VOC를 기록하고 계정을 리텐션 단계로 옮기세요.',
    notOnRosterTitle: '아직 Baton 로스터에 없습니다',
    notOnRoster: (userId, admins) =>
      `Baton은 로스터에 있는 사람에게만 리드를 배정합니다. ${admins}에게 Slack에서 \`/baton roster add @이름 <역할> <세그먼트>\`(예: \`/baton roster add @이름 sdr smb\`)로 추가해 달라고 요청하세요. 바로 적용됩니다. 내 Slack 사용자 ID는 \`${userId}\`입니다.`,
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
    due: '첫 연락 기한',
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
  lead: {
    helpTitle: 'Baton — /lead: 리드 추가, 찾기, 목록',
    helpHeading: '*리드*',
    usage: {
      new: '리드를 직접 추가합니다. 웹 폼으로 들어온 리드와 똑같이 검사하고, 분류하고, 배정합니다.',
      import: '마케터, 매니저, 관리자: CSV 파일에서 리드를 가져옵니다. 저장하기 전에 미리보기를 보여줍니다.',
      find: '이메일, 회사, 이름 또는 ID로 리드를 찾습니다: 단계, 담당자, 점수, 카드 링크.',
      mine: '내가 맡은 진행 중인 리드를 단계별로 봅니다.',
      touch:
        '리드에 통화, 이메일, 미팅 등 연락을 기록합니다(내 리드, 매니저는 모든 리드). 첫 연락은 SLA 시계를 멈춥니다.',
      stage: '리드를 다른 단계로 옮깁니다. 필요한 정보(금액, 사유, 경쟁사, 재검토일)가 빠지면 물어봅니다.',
      help: '/lead 명령어를 보여줍니다.',
    },
    modal: {
      title: '새 리드',
      submit: '리드 추가',
      close: '취소',
      intro: 'Baton은 이 리드를 웹 폼으로 들어온 리드와 똑같이 검사하고, 분류하고, 배정합니다.',
      email: '이메일',
      name: '이름',
      company: '회사',
      jobTitle: '직함',
      phone: '전화번호',
      companySize: '회사 규모',
      companySizeHint: '직원 수: 250 같은 숫자, 200-500 같은 범위, 또는 1000+.',
      website: '웹사이트',
      form: '폼',
      formPlaceholder: '무엇을 요청했나요?',
      message: '메시지',
      source: '유입 경로',
      sourceHint: '리드가 들어온 곳. 예: slack, event, referral.',
    },
    forms: {
      demo_request: '데모 요청',
      trial: '무료 체험',
      contact: '문의하기',
      ebook: '전자책 다운로드',
      newsletter: '뉴스레터 구독',
      webinar: '웨비나',
      event: '행사 또는 부스 방문',
    },
    invalid: {
      emailRequired: '리드의 이메일 주소를 입력하세요.',
      email: 'name@company.com 같은 이메일 주소를 입력하세요.',
      companySize: '직원 수를 250 같은 숫자, 200-500 같은 범위, 또는 1000+ 형식으로 입력하세요.',
      website: 'acme.com 또는 https://acme.com 같은 웹사이트 주소를 입력하세요.',
      sourceRequired: '리드가 들어온 곳을 입력하세요. 예: slack.',
      source: '영문자, 숫자, _와 -만 쓸 수 있습니다. 예: slack, trade_show.',
      form: '목록에 있는 폼 중 하나를 고르세요.',
      tooLong: (max) => `${max}자 이하로 입력하세요.`,
      other: '올바른 값이 아닙니다.',
    },
    created: (lead, stage, segment, channel) =>
      `:white_check_mark: ${lead}을(를) *${stage}* 단계(${segment})로 추가했습니다. 카드는 ${channel}에 올라갑니다.`,
    createdUnrouted: (lead, stage, threshold) =>
      `:white_check_mark: ${lead}을(를) *${stage}* 단계로 추가했습니다. 배정 기준(*${threshold}*)보다 낮아 퍼널에는 집계되지만 카드는 만들지 않습니다.`,
    duplicate: (lead) =>
      `:repeat: ${lead}은(는) 이미 Baton에 있어 새로 추가하지 않았습니다. 다시 제출된 사실은 해당 리드에 기록했습니다.`,
    openCard: '카드 열기',
    noCard: '카드 없음: 배정 기준보다 낮은 리드이거나 카드를 아직 올리는 중입니다.',
    company: '회사',
    email: '이메일',
    stage: '단계',
    owner: '담당자',
    segment: '세그먼트',
    source: '유입 경로',
    score: '점수',
    arrivedLabel: '도착',
    unowned: '_담당자 없음_',
    arrived: (date) => `${date} 도착`,
    matches: (count, query) => `\`${query}\`에 맞는 리드 ${count}개 (최신순):`,
    moreMatches: (shown) => `최신 ${shown}개만 보여줍니다. 더 구체적으로 검색해 보세요.`,
    noMatch: (query) => `\`${query}\`에 맞는 리드가 없습니다.`,
    searchHint:
      '이메일, 회사, 이름 또는 리드 ID로 찾으세요. 예: `/lead kim@acme.io`, `/lead Acme`, `/lead 42`.',
    mineTitle: (count) => `내가 맡은 진행 중인 리드 — ${count}개`,
    mineEmpty: '진행 중인 리드가 없습니다. 새 리드는 리드 채널과 DM으로 옵니다.',
    mineMore: (shown) => `가장 오래된 ${shown}개만 보여줍니다.`,
    stageCount: (stage, count) => `*${stage}* (${count}개)`,
  },
  rosterStatus: {
    eligible: ':large_green_circle: 지금 배정 가능',
    notEligible: (why) => `:red_circle: 지금 배정 불가 — ${why}`,
    outOfOffice: (until) => `:palm_tree: ${until}까지 부재`,
    outOfOfficeOpenEnded: ':palm_tree: `/baton back` 전까지 부재',
    outsideHours: (resumes) => `:crescent_moon: 근무 시간 외 (${resumes}부터 근무)`,
    noHours: ':crescent_moon: 근무 시간이 없음',
    atCap: (open, cap) => `:no_entry: 최대 보유 수 도달 (진행 중 리드 ${open}/${cap}개)`,
    noSegment: '담당 세그먼트 없음',
    unavailable: '리드를 받지 않는 상태',
    openLeads: (n) => `진행 중 리드 ${n}개`,
    lastAssigned: (at) => `마지막 배정 ${at}`,
    neverAssigned: '배정 이력 없음',
  },
  ownership: {
    assignButton: '배정…',
    reassignButton: '재배정…',
    releaseButton: '내려놓기',
    releaseConfirmTitle: '이 리드를 내려놓을까요?',
    releaseConfirmText: '담당자가 없어지고, 이 세그먼트를 맡은 누구나 가져갈 수 있습니다.',
    cancel: '취소',
    modalTitle: '리드 배정',
    modalSubmit: '배정',
    modalLead: (who, owner) => `*${who}*\n현재 담당자: ${owner}`,
    assigneeLabel: '담당자',
    assigneeHint: '로스터에 있고 이 리드의 세그먼트를 맡은 세일즈(SDR 또는 AE).',
    reasonLabel: '사유',
    reasonPlaceholder: '왜 이 사람인가요? 스레드와 담당자 DM에 표시됩니다.',
    notAManager:
      '리드를 다른 사람에게 배정하는 것은 매니저와 관리자만 할 수 있습니다. 직접 맡으려면 *가져가기*를 누르세요.',
    notAManagerPlain: '리드 배정은 매니저와 관리자만 할 수 있습니다.',
    notOnRosterPlain: 'Baton 로스터에 없습니다. 관리자에게 추가를 요청하세요.',
    assigneeNotOnRoster: 'Baton 로스터에 없는 사람입니다. 로스터의 세일즈를 선택하세요.',
    assigneeNotASeller: '세일즈(SDR 또는 AE)가 아닙니다. 세일즈를 선택하세요.',
    assigneeNotServing: (segment) => `${segment} 세그먼트를 맡지 않은 세일즈입니다. 맡은 사람을 선택하세요.`,
    alreadyOwner: '이미 이 리드의 담당자입니다.',
    changed: '같은 순간에 다른 사람이 이 리드를 바꿨습니다. 카드를 확인하고 다시 시도하세요.',
    notFound: '이 리드는 더 이상 없습니다.',
    notOwned: '담당자가 없는 리드라서 내려놓을 것이 없습니다.',
    notYours: (owner) => `담당자(${owner}) 또는 매니저만 이 리드를 내려놓을 수 있습니다.`,
    assigned: (by, to) => `:bust_in_silhouette: ${by}님이 이 리드를 ${to}님에게 배정했습니다.`,
    reassigned: (by, from, to) =>
      `:arrows_counterclockwise: ${by}님이 이 리드를 ${from}님에게서 ${to}님에게 재배정했습니다.`,
    reasonLine: (reason) => `사유: ${reason}`,
    released: (by) =>
      `:leftwards_arrow_with_hook: ${by}님이 이 리드를 내려놓았습니다. 누구나 가져갈 수 있습니다.`,
    releasedFor: (by, owner) =>
      `:leftwards_arrow_with_hook: ${by}님이 ${owner}님의 리드를 내려놓았습니다. 누구나 가져갈 수 있습니다.`,
    dmAssigned: (by, lead) => `:inbox_tray: ${by}님이 리드를 배정했습니다: ${lead}`,
    dmUnassigned: (by, lead, to) => `${by}님이 ${lead} 리드를 ${to}님에게 재배정했습니다.`,
    dmReleased: (by, lead) => `${by}님이 ${lead} 리드를 내려놓았습니다. 이제 담당이 아닙니다.`,
    dmCardIn: (channel) => `카드와 스레드는 ${channel}에 있습니다.`,
    dmContextHeading: (n) => `마케팅의 최근 메모 ${n}개:`,
  },
  leadContext: {
    button: '맥락 추가',
    modalTitle: '맥락 추가',
    modalSubmit: '저장',
    modalLead: (who) => `*${who}* 리드의 맥락입니다. 리드 스레드에 올라가고 담당자에게 DM으로 전달됩니다.`,
    leadRefLabel: '리드',
    leadRefHint: '이 메시지는 리드와 연결되어 있지 않습니다. 리드 번호나 이메일 주소를 입력하세요.',
    campaignLabel: '캠페인',
    contentLabel: '소비한 콘텐츠',
    nurtureLabel: '너처링 이력',
    noteLabel: '메모',
    fieldsHint: '하나 이상 입력하세요.',
    atLeastOne: '캠페인, 소비한 콘텐츠, 너처링 이력, 메모 중 하나 이상 입력하세요.',
    tooLong: (max) => `${max}자 이하로 입력하세요.`,
    leadRefMissing: '리드 번호나 이메일 주소를 입력하세요.',
    leadNotFound: '그 번호나 이메일 주소의 리드가 없습니다.',
    notOnRosterPlain: 'Baton 로스터에 없어서 맥락을 추가할 수 없습니다. 관리자에게 추가를 요청하세요.',
    notFound: '이 리드는 더 이상 없습니다.',
    posted: (by) => `:memo: ${by}님이 남긴 맥락`,
    dmHeading: (by, lead) => `:memo: ${by}님이 담당 리드 ${lead}에 맥락을 추가했습니다`,
  },
  routing: {
    acceptButton: '수락',
    passButton: '넘기기',
    offerTitle: (lead) => `:inbox_tray: 새 리드가 제안되었습니다: ${lead}`,
    offerAsk: (minutes) =>
      `${minutes}분 안에 수락하거나 다음 세일즈에게 넘겨 주세요. 응답이 없으면 자동으로 다음 사람에게 넘어갑니다.`,
    assignedTitle: (lead) => `:inbox_tray: 리드가 배정되었습니다: ${lead}`,
    whyYou: (reason) => `*배정 이유:* ${reason}`,
    phone: '전화',
    youAccepted:
      ':white_check_mark: 이 리드를 수락했습니다. 이제 담당 리드입니다. SLA 안에 첫 연락을 해 주세요.',
    youPassed: ':leftwards_arrow_with_hook: 넘겼습니다. 리드는 다음 세일즈에게 갔습니다.',
    youTimedOut: (minutes) =>
      `:hourglass: ${minutes}분 안에 수락하지 않아 리드가 다음 세일즈에게 넘어갔습니다.`,
    offerPending: (owner) => `:hourglass_flowing_sand: ${owner}님에게 제안함. 수락을 기다리는 중입니다.`,
    ordinal: (n) => `${n}번째`,
    place: (ordinal, count) => `가중 라운드 로빈으로 적격자 ${count}명 중 ${ordinal}`,
    onlyEligible: '유일한 적격 세일즈',
    routed: (owner, place) => `:arrows_counterclockwise: 라운드 로빈: ${owner} — ${place}`,
    autoAssigned: (owner, span, place) =>
      `:alarm_clock: ${span} 동안 아무도 가져가지 않아 ${owner}님에게 배정 — ${place}`,
    slaReassigned: (owner, from, span, place) =>
      `:repeat: ${from}님이 ${span} 동안 첫 연락을 하지 않아 ${owner}님에게 재배정 — ${place}`,
    accountOwner: (owner, match) => `:handshake: ${owner} — 이 고객사의 담당자(${match})`,
    sameDomain: (domain) => `이메일 도메인 ${domain} 일치`,
    sameCompany: (company) => `회사명 ${company} 일치`,
    skippedTail: (list) => `; 제외: ${list}`,
    held: (reasons, at) =>
      `:hourglass: 보류: 배정 가능한 세일즈가 없습니다(${reasons}). ${at}에 다시 시도합니다.`,
    leftPolicy: (reasons) =>
      `:raised_hand: 배정 가능한 세일즈가 없습니다(${reasons}). 누구나 가져갈 수 있게 남겨 둡니다.`,
    leftNobodyComing: (reasons) =>
      `:raised_hand: 더 제안할 세일즈가 없습니다(${reasons}). 누구나 가져갈 수 있게 남겨 둡니다.`,
    noSellers: '이 세그먼트를 담당하는 세일즈 없음',
    accepted: (owner) => `:white_check_mark: ${owner}님이 수락했습니다.`,
    passed: (who) => `:leftwards_arrow_with_hook: ${who}님이 넘겼습니다.`,
    timedOut: (who, minutes) => `:hourglass: ${who}님이 ${minutes}분 안에 수락하지 않았습니다.`,
    skip: (who, why) => `${who}(${why})`,
    outOfOffice: '부재 중',
    outOfOfficeUntil: (until) => `${until}까지 부재`,
    outsideHours: '근무 시간 외',
    atCap: (open, cap) => `한도 도달: 진행 중 리드 ${open}/${cap}`,
    passedReason: '넘김',
    notOnRoster: '로스터에 없음',
    notASeller: '세일즈 아님',
    notServing: '이 세그먼트 담당 아님',
    notYours: (owner) => `이 리드는 본인에게 제안된 것이 아닙니다. 현재 담당자는 ${owner}님입니다.`,
    notYoursUnowned: '이 리드는 본인에게 제안된 것이 아닙니다.',
    offerEnded: (owner) => `이 제안은 끝났습니다. 리드는 이제 ${owner}님이 담당합니다.`,
    offerEndedUnowned: '이 제안은 끝났습니다. 리드는 카드에서 누구나 가져갈 수 있습니다.',
    alreadyAccepted: '이미 수락한 리드라 본인 담당입니다. 재배정은 매니저에게 요청하세요.',
  },
  touch: {
    button: '첫 연락 기록',
    modalTitle: '첫 연락 기록',
    modalSubmit: '기록',
    modalLead: (who: string) => `${who} 님과의 첫 연락입니다. 기록하면 SLA 시계가 멈춥니다.`,
    kindLabel: '어떤 연락을 했나요?',
    kinds: { call: '전화', email: '이메일', meeting: '미팅 예약', other: '기타' },
    kindWords: { call: '전화', email: '이메일', meeting: '미팅 예약', other: '기타 활동' },
    noteLabel: '메모',
    notePlaceholder: '무슨 일이 있었나요? 리드 스레드에 표시됩니다.',
    tooLong: (max: number) => `메모는 ${max}자 이내로 작성하세요.`,
    viaApi: 'CRM(API)',
    workingMinutes: (n: number) => `근무 시간 ${n}분`,
    clockMinutes: (n: number) => `${n}분`,
    firstTouchMet: (by: string, kind: string, elapsed: string, sla: number) =>
      `:white_check_mark: ${by} 님의 첫 연락 — ${kind}, 도착 후 ${elapsed} (${sla}분 SLA 이내)`,
    firstTouchLate: (by: string, kind: string, elapsed: string, sla: number) =>
      `:warning: ${by} 님의 첫 연락 — ${kind}, 도착 후 ${elapsed} (${sla}분 SLA를 넘김)`,
    later: (by: string, kind: string) => `:memo: ${by} 님이 활동을 기록했습니다: ${kind}.`,
    noteLine: (note: string) => `메모: ${note}`,
    cardLabel: '첫 연락',
    cardMet: (n: number) => `:white_check_mark: 달성 (근무 시간 ${n}분)`,
    cardMetClock: (n: number) => `:white_check_mark: 달성 (${n}분)`,
    cardBreached: ':red_circle: SLA 위반',
    notYours: (owner: string) => `이 리드의 연락은 담당자(${owner})나 매니저만 기록할 수 있습니다.`,
    notYoursUnowned: '아직 담당자가 없는 리드입니다. 먼저 가져가거나 매니저에게 기록을 요청하세요.',
    notOnRosterPlain: 'Baton 로스터에 없어 연락을 기록할 수 없습니다. 관리자에게 추가를 요청하세요.',
    notFound: '해당 리드가 더 이상 존재하지 않습니다.',
    beforeArrival: '리드가 도착하기 전의 시각입니다.',
    usage: '리드에 전화·이메일·미팅·기타 연락을 기록합니다: `/lead touch 42 call 음성 메시지 남김`.',
    needLead: '어느 리드인가요? 번호나 이메일을 입력하세요: `/lead touch 42 call 음성 메시지 남김`.',
    noLead: (ref: string) => `번호나 이메일이 \`${ref}\`인 리드가 없습니다.`,
    loggedFirst: (lead: string, kind: string, elapsed: string, met: boolean) =>
      `${lead}의 첫 연락을 기록했습니다: ${kind}, 도착 후 ${elapsed} — ${met ? 'SLA 이내' : 'SLA를 넘김'}.`,
    logged: (lead: string, kind: string) => `${lead}에 기록했습니다: ${kind}.`,
  },
  sla: {
    late: ' _(지연: Baton이 중단되어 있었습니다)_',
    /** SLA 시계 기준의 시간: 근무 시간(business) 또는 일반 시간(always). */
    span: (n: number, clock: 'business' | 'always' | undefined) =>
      clock === 'business' ? `근무 시간 ${n}분` : `${n}분`,
    nudgeUnclaimed: (span: string) => `:bell: ${span}째 담당자가 없습니다 — 누가 맡으시겠어요?`,
    nudgeUntouched: (span: string) => `:bell: ${span}이 지나도록 첫 연락이 없습니다 — 팔로업해 주세요.`,
    nudgeDmUnclaimed: (lead: string, span: string) =>
      `:bell: ${lead}이(가) ${span}째 담당자가 없습니다 — 맡을 수 있다면 카드에서 가져가세요.`,
    nudgeDmUntouched: (lead: string, span: string) =>
      `:bell: ${lead}에 ${span}째 첫 연락이 없습니다 — 연락하면 기록해 주세요.`,
    nudgeWatchUnclaimed: (lead: string, span: string) => `:bell: ${lead}이(가) ${span}째 담당자가 없습니다.`,
    nudgeWatchUntouched: (lead: string, owner: string, span: string) =>
      `:bell: ${lead}(담당 ${owner})에 ${span}째 첫 연락이 없습니다.`,
    cardIn: (channel: string) => `카드 위치: ${channel}.`,
    warnOwner: (lead: string, span: string) =>
      `:hourglass_flowing_sand: ${lead}의 첫 연락까지 ${span} 남았습니다.`,
    warnWatch: (lead: string, owner: string, span: string) =>
      `:hourglass_flowing_sand: ${owner}님이 ${lead}에 첫 연락하기까지 ${span} 남았습니다.`,
    breach: (lead: string, owner: string, span: string) =>
      `:rotating_light: SLA 위반: ${lead}(담당 ${owner})에 ${span} 안에 첫 연락이 없었습니다.`,
    overdue: (span: string) => ` ${span} 초과.`,
    nobody: '없음',
    reassigned: (from: string, to: string, span: string) =>
      `:repeat: ${span}이 지나도록 첫 연락이 없어 ${from}에서 ${to}(으)로 재배정했습니다.`,
    reassignedNobody: (span: string) =>
      `:repeat: ${span}이 지나도록 첫 연락이 없지만 지금 맡을 수 있는 다른 사람이 없어 그대로 둡니다.`,
    reassignedDm: (lead: string, to: string, span: string) =>
      `:repeat: ${lead}에 ${span}이 지나도록 첫 연락이 없어 ${to}에게 넘어갔습니다.`,
  },
  slaBoard: {
    title: 'SLA 현황판',
    teamTitle: 'SLA 현황판 — 팀 전체',
    unclaimedMine: (n: number) => `*내 세그먼트의 미배정 리드* (${n})`,
    unclaimedTeam: (n: number) => `*미배정 리드* (${n})`,
    unclaimedLine: (lead: string, age: string, due: string) => `${lead} — ${age} 대기 중, 기한 ${due}`,
    noneUnclaimed: '배정을 기다리는 리드가 없습니다.',
    runningMine: (n: number) => `*내 진행 중인 SLA 시계* (${n})`,
    runningTeam: (n: number) => `*진행 중인 SLA 시계* (${n})`,
    noneRunning: '내 리드에 진행 중인 첫 연락 시계가 없습니다.',
    noneRunningTeam: '진행 중인 첫 연락 시계가 없습니다.',
    left: (time: string) => `*${time} 남음*`,
    overdue: (time: string) => `:red_circle: *${time} 초과*`,
    runningLine: (lead: string, left: string, due: string) => `${lead} — ${left} (기한 ${due})`,
    runningTeamLine: (owner: string, lead: string, left: string, due: string) =>
      `${owner}: ${lead} — ${left} (기한 ${due})`,
    breachesMine: (n: number) => `*이번 주 내 SLA 위반* (${n})`,
    noneBreaches: '이번 주에는 위반이 없습니다.',
    breachLine: (lead: string, due: string) => `${lead} — 기한 ${due}`,
    weekTeam: '*이번 주*',
    metRate: (pct: number, met: number, touched: number) =>
      `SLA 안에 이뤄진 첫 연락: *${pct}%* (${touched}건 중 ${met}건)`,
    metRateNone: '이번 주에는 아직 첫 연락이 없습니다.',
    breachesBySeller: (n: number) => `위반: *${n}건*`,
    sellerLine: (owner: string, breached: number, met: number, touched: number) =>
      `${owner} — 위반 ${breached}건, 첫 연락 ${touched}건 중 ${met}건 기한 내`,
    nobody: '담당자 없음',
    more: (n: number) => `…외 ${n}건`,
    clockBusiness: (sla: number) => `시간은 팀 달력의 근무 시간 기준이며, 첫 연락 SLA는 ${sla}분입니다.`,
    clockAlways: (sla: number) => `시간은 실제 경과 시간 기준이며, 첫 연락 SLA는 ${sla}분입니다.`,
    helpTitle: 'Baton — /sla: 내 팔로업 현황판',
    helpUsage:
      '내 현황판: 내 세그먼트의 미배정 리드(대기 시간과 기한), 진행 중인 첫 연락 시계(남은 시간과 첫 연락 기록 버튼), 이번 주 위반. 매니저와 관리자는 팀 전체와 이번 주 기한 준수율을 봅니다. 앱 홈에도 같은 현황판이 보입니다.',
    helpLine: '내 SLA 현황판: 미배정 리드, 진행 중인 시계, 이번 주 위반(매니저는 팀 전체).',
    helpCommand: '이 도움말을 보여줍니다.',
    unknown: (input: string) => `\`/sla ${input}\`은(는) 모르는 명령어입니다.`,
    ok: '확인',
  },
  cadence: {
    reminder: (day: number, label: string, lead: string) =>
      `:spiral_calendar_pad: ${day}일차 · ${label} — ${lead}`,
    late: ' _(지연: Baton이 멈춰 있었습니다)_',
    done: '완료',
    skip: '건너뛰기',
    snooze: '1시간 뒤 알림',
    doneText: (day: number, label: string, lead: string) =>
      `:white_check_mark: ${day}일차 · ${label} — ${lead}: 완료하고 기록했습니다.`,
    skippedText: (day: number, label: string, lead: string) =>
      `:fast_forward: ${day}일차 · ${label} — ${lead}: 건너뛰었습니다.`,
    snoozedText: (day: number, label: string, lead: string, until: string) =>
      `:zzz: ${day}일차 · ${label} — ${lead}: ${until}에 다시 알려 드립니다.`,
    notOwner: (owner: string) => `리드 담당자만 이 알림에 답할 수 있습니다. 지금 담당자는 ${owner}입니다.`,
    notOwnerNobody: '리드 담당자만 이 알림에 답할 수 있는데, 지금은 담당자가 없습니다.',
    alreadyAnswered: '이 단계는 이미 처리되었습니다.',
    stepRemoved: '이 단계는 더 이상 케이던스에 없습니다.',
  },
  homeFunnel: {
    myLeadsTitle: (n: number) => `내 진행 중인 리드 (${n})`,
    myLeadsEmpty: '진행 중인 리드가 없습니다. 담당 세그먼트의 새 리드는 리드 채널로 들어옵니다.',
    stageHeading: (stage: string, n: number) => `*${stage}* ${n}건`,
    slaDue: (due: string) => `:stopwatch: 첫 연락 기한 ${due}`,
    slaOverdue: (due: string) => `:red_circle: 첫 연락 기한 초과 (기한 ${due})`,
    slaMet: ':white_check_mark: SLA 충족',
    slaBreached: ':red_circle: SLA 위반',
    nextStep: (day: number, label: string, due: string) => `다음: ${day}일차 · ${label}, ${due}`,
    more: (n: number) => `…외 ${n}건 — \`/lead mine\``,
    teamTitle: '팀 퍼널 — 이번 주',
    weekLine: (first: string, last: string) =>
      `${first} – ${last} · 이번 주에 들어온 리드가 도달한 가장 먼 단계 기준 (코호트)`,
    ofGoal: (count: string, goal: string, pct: number) => `${count} / ${goal} (달성률 ${pct} %)`,
    goalReached: ':white_check_mark: 달성',
    goalLine: (deals: string, first: string, last: string) =>
      `목표: ${first} – ${last} 딜 *${deals}*건. 단계마다 건수 / 목표 중 이번 주 몫을 보여 줍니다.`,
    noGoal:
      '이번 주에 해당하는 목표가 없습니다. 매니저가 `/funnel plan set &lt;딜 수&gt; [기간]`으로 정할 수 있습니다.',
    unclaimedLine: (lead: string, arrived: string, due: string) => `${lead} — ${arrived} 도착, 기한 ${due}`,
    reportHint: '전체 보고서: `/funnel` · 지난주: `/funnel last-week`',
  },
  funnelPlan: {
    title: (deals, period) => `계획: 딜 ${deals}건 — ${period}`,
    summary: (deals, won, first, last, days, weeks) =>
      `${first}부터 ${last}까지(${days}일, ${weeks}주) 딜 *${deals}*건(${won} 도달)을 따내려면 단계마다 필요한 수:`,
    stageColumn: '단계',
    rateColumn: '다음 단계 전환율',
    neededColumn: '필요',
    perWeekColumn: '주당',
    defaultMark: '(기본값)',
    tooFew: (stage, rate, reached, days, min) =>
      `*${stage}*: ${rate} (기본값 — 최근 ${days}일 동안 ${stage}에 도달한 리드가 ${reached}건뿐이라서, ${min}건 필요)`,
    noneReached: (stage, rate, days, min) =>
      `*${stage}*: ${rate} (기본값 — 최근 ${days}일 동안 ${stage}에 도달한 리드가 없어서, ${min}건 필요)`,
    noneConverted: (stage, rate, reached, days, next) =>
      `*${stage}*: ${rate} (기본값 — 최근 ${days}일 동안 ${stage}에 도달한 리드 ${reached}건 중 ${next}에 도달한 리드가 없음)`,
    observed: (days, min) =>
      `"(기본값)" 표시가 없는 전환율은 최근 ${days}일 동안 생성된 리드의 실제 결과입니다(그 단계에 도달한 리드가 ${min}건 이상).`,
    kpisTitle: '*역할별 KPI*',
    kpiItem: (stage, needed, perWeek) => `${stage} *${needed}* (주당 ${perWeek})`,
    setHint: (command) =>
      `매니저와 관리자는 ${command}(으)로 이 계획을 목표로 저장할 수 있습니다. 그러면 주간 회고와 앱 홈이 매주 목표와 비교합니다.`,
    setTitle: (deals, period) => `목표 설정: 딜 ${deals}건 — ${period}`,
    setDone: (deals, first, last) =>
      `:dart: 팀 목표는 ${first}부터 ${last}까지 딜 *${deals}*건입니다. 주간 회고와 앱 홈이 매주 아래의 주당 수치와 비교합니다.`,
    replaced: (deals, by) => `${by}님이 설정한 딜 ${deals}건 목표를 대체합니다.`,
    someone: '누군가',
    notAManager:
      '팀 목표는 매니저와 관리자만 설정할 수 있습니다. 계획은 `/funnel plan &lt;딜 수&gt; [기간]`으로 볼 수 있습니다.',
    notANumber: (text) =>
      `\`${text}\`은(는) 딜 수가 아닙니다. \`/funnel plan 10 this-quarter\`처럼 정수로 입력해 주세요.`,
    outOfRange: (deals, min, max) =>
      `딜 ${deals}건으로는 계획할 수 없습니다. ${min}부터 ${max} 사이의 정수로 입력해 주세요.`,
    missingDeals: '딜을 몇 건으로 할까요? 예: `/funnel plan set 10 this-quarter`',
    tooFarAhead: (first, max) =>
      `${first}은(는) 너무 먼 미래입니다. 목표 기간은 오늘부터 ${max}일 안에 시작해야 합니다.`,
    extra: (text) =>
      `\`${text}\`을(를) 이해하지 못했습니다. \`/funnel plan 10 2026-07-01..2026-09-30\`처럼 딜 수와 기간 하나를 입력해 주세요.`,
    periodProblem: (problem) =>
      `${problem} 기간: this-week, last-week, this-month, last-month, this-quarter, last-quarter 또는 \`YYYY-MM-DD..YYYY-MM-DD\`.`,
    helpTitle: 'Baton — /funnel plan: 딜 목표에서 거꾸로 계획하기',
    helpUsage:
      '원하는 딜 수에서 출발해 최근 90일 동안의 퍼널 전환율(리드가 너무 적은 단계는 설정된 기본값)로 거꾸로 계산해, 단계마다 필요한 수를 전체와 주당으로, 역할별 KPI로 보여줍니다. 기간을 생략하면 이번 분기입니다.',
    helpPlan: '딜 목표에 대한 계획. 예: `/funnel plan 10 this-quarter`',
    helpSet: '이 계획을 기간의 팀 목표로 저장합니다(매니저와 관리자). 다시 설정하면 대체됩니다.',
  },
  stages: {
    selectPlaceholder: '단계 이동…',
    groupWorking: '퍼널 단계',
    groupSide: '종료 또는 보류',
    side: { Lost: '실주(Lost)', Disqualified: '부적격(Disqualified)', Recycle: '재활용(Recycle)' },
    reasons: {
      lost_to_competitor: '경쟁사에 패배',
      no_budget: '예산 없음',
      no_decision: '의사결정 보류',
      timing: '시기 문제',
      product_fit: '제품 적합성 부족',
      other: '기타',
      not_a_fit: '대상 고객 아님',
      unreachable: '연락 불가',
      spam_or_fake: '스팸 또는 허위 정보',
      student_or_job_seeker: '학생 또는 구직자',
      competitor: '경쟁사 관계자',
      existing_customer: '기존 고객',
      duplicate: '중복',
    },
    modalTitle: '단계 이동',
    modalSubmit: '이동',
    modalClose: '취소',
    modalIntro: (lead: string, from: string, to: string) =>
      `${lead}을(를) *${from}*에서 *${to}*(으)로 옮깁니다.`,
    reasonLabel: '사유',
    reasonPlaceholder: '사유를 고르세요',
    competitorLabel: '경쟁사',
    competitorHint: '어느 경쟁사가 딜을 가져갔나요? “경쟁사에 패배”일 때 필수입니다.',
    amountLabel: '딜 금액',
    amountHint: '숫자로 입력하세요. 예: 12000 또는 12,000.50',
    currencyLabel: '통화',
    currencyHint: '세 글자 통화 코드, 예: USD, KRW',
    revisitLabel: '재검토일',
    revisitHint: (stage: string) =>
      `그날 아침 리드가 ${stage} 단계로 다시 열리고 담당 마케터에게 알림이 갑니다.`,
    noteLabel: '메모',
    notePlaceholder: '이유는? 리드 스레드에 표시됩니다.',
    unknownStage: (stage: string, stages: string) => `“${stage}” 단계는 없습니다. 단계: ${stages}.`,
    sameStage: (stage: string) => `이 리드는 이미 ${stage} 단계입니다.`,
    reasonRequired: (stage: string, reasons: string) =>
      `${stage}(으)로 옮기려면 사유가 필요합니다: ${reasons}.`,
    unknownReason: (reason: string, reasons: string) =>
      `“${reason}”은(는) 등록된 사유가 아닙니다. 다음 중에서 고르세요: ${reasons}.`,
    competitorRequired: '딜을 가져간 경쟁사 이름을 입력하세요.',
    amountRequired: (stage: string) => `${stage} 단계에는 딜 금액이 필요합니다.`,
    badAmount: '금액은 12000 또는 12,000.50처럼 숫자로 입력하세요.',
    badCurrency: (currency: string) =>
      `“${currency}”은(는) 통화 코드가 아닙니다. USD, KRW처럼 세 글자로 입력하세요.`,
    revisitRequired: '리드를 다시 검토할 날짜를 고르세요.',
    badDate: (value: string) =>
      `“${value}”은(는) 날짜가 아닙니다. 2027-01-15처럼 YYYY-MM-DD 형식으로 입력하세요.`,
    revisitNotFuture: (today: string) => `오늘(${today}) 이후의 날짜를 고르세요.`,
    notFound: '그 리드는 더 이상 없습니다.',
    notOnRosterPlain: 'Baton 로스터에 없어 리드를 옮길 수 없습니다. 관리자에게 추가를 요청하세요.',
    needLead: '어떤 리드인가요? 번호나 이메일을 입력하세요: `/lead 42 stage SQL`',
    noLead: (ref: string) => `번호나 이메일이 \`${ref}\`인 리드가 없습니다.`,
    noStage: (stages: string) =>
      `어느 단계로 옮길까요? 단계: ${stages}. 예: \`/lead 42 stage Opportunity 12000 USD\``,
    moved: (lead: string, from: string, to: string) =>
      `:white_check_mark: ${lead}을(를) *${from}*에서 *${to}*(으)로 옮겼습니다.`,
    viaApi: 'CRM(API)',
    viaBaton: 'Baton 자동 처리',
    movedNote: (by: string, from: string, to: string, detail: string) =>
      `:arrow_right: 단계 이동: ${from} → ${to}${detail} (${by})`,
    amountDetail: (amount: string) => ` · 금액 ${amount}`,
    reasonDetail: (reason: string) => ` · 사유: ${reason}`,
    competitorDetail: (competitor: string) => ` (경쟁사: ${competitor})`,
    untilDetail: (day: string) => ` · ${day}까지 보류`,
    noteLine: (note: string) => `메모: ${note}`,
    reopenedNote: (to: string, day: string) =>
      `:recycle: 재검토일(${day})이 되어 *${to}* 단계로 다시 열렸습니다.`,
    dmReopened: (lead: string, to: string, day: string) =>
      `:recycle: ${lead}이(가) 재검토일(${day})이 되어 *${to}* 단계로 퍼널에 돌아왔습니다.`,
    dmParked: (by: string, at: string) => `${at}에 재활용(Recycle)으로 보류되었습니다 (${by}).`,
    dmWhy: (why: string) => `이유: ${why}`,
    dmOwner: (owner: string) => `담당자: ${owner}`,
    dmNoOwner: '담당자가 없습니다. 해당 세그먼트 담당자라면 누구나 카드에서 가져갈 수 있습니다.',
    dmCard: (channel: string) => `마케팅 맥락과 이력이 담긴 카드와 스레드는 ${channel}에 있습니다.`,
  },
  funnelChart: {
    title: (days: string) => `퍼널 · ${days}`,
    mode: {
      cohort: '코호트: 기간에 들어온 리드가 어느 단계까지 갔는지',
      flow: '플로우: 기간 중 일어난 단계 진입',
    },
    soFar: ' (진행 중)',
    goal: '목표',
    comment: (who: string) => `${who}님이 요청한 퍼널 차트`,
    sentToDm:
      '이 대화에는 글을 올릴 수 없어서 차트를 저와의 DM으로 보냈습니다. 여기서 차트를 받으려면 `/invite @Baton`으로 초대해 주세요.',
    failed: (error: string) =>
      `:warning: 차트를 업로드하지 못했습니다(\`${error}\`). 위의 수치는 그대로입니다. 잠시 후 다시 시도해 주세요.`,
  },
  funnelExport: {
    period: (first: string, last: string) => (first === last ? first : `${first} ~ ${last}`),
    sending: (period: string) =>
      `:hourglass_flowing_sand: ${period}에 생성된 리드를 내보내는 중입니다. 파일은 저와의 DM으로 보내 드립니다.`,
    comment: (period: string, timeZone: string) =>
      `Baton 내보내기: ${period}에 생성된 리드와 그 리드들의 모든 단계 변경 기록입니다. 시간은 ${timeZone} 기준입니다. 개인정보가 담긴 파일이니 안전한 곳에 보관하고 다 쓴 뒤에는 삭제해 주세요.`,
    commentMine: ' 내가 담당한 리드만 들어 있습니다.',
    sent: (leads: number, events: number, period: string) =>
      `:white_check_mark: DM으로 보냈습니다: ${period}에 생성된 리드 ${leads}건과 단계 기록 ${events}건(CSV 파일 2개).`,
    mineOnly: '내가 담당한 리드만 받습니다. 팀 전체는 매니저, 관리자, 마케터가 내보낼 수 있습니다.',
    truncated: (cap: string, day: string, command: string) =>
      `:warning: 이 기간의 리드가 ${cap}건을 넘어 가장 오래된 ${cap}건까지만 담았습니다. 나머지는 ${day}부터입니다: \`${command}\``,
    empty: (period: string) => `${period}에 생성된 리드가 없어 내보낼 것이 없습니다.`,
    emptyMine: (period: string) => `${period}에 생성된 리드 중 내가 담당한 리드가 없어 내보낼 것이 없습니다.`,
    dmFailed: (error: string) =>
      `:warning: 내보내기 파일을 DM으로 보내지 못했습니다(\`${error}\`). 아무것도 공유되지 않았습니다. 잠시 후 다시 시도해 주세요.`,
    usage:
      '`/funnel export [this-week | last-week | this-month | last-month | this-quarter | last-quarter | YYYY-MM-DD..YYYY-MM-DD]` 형식으로 입력해 주세요(기본: 이번 달).',
  },
  funnel: {
    numberLocale: 'ko-KR',
    title: (period, mode) => `퍼널 — ${period} (${mode})`,
    periodNames: {
      'this-week': '이번 주',
      'last-week': '지난주',
      'this-month': '이번 달',
      'last-month': '지난달',
      'this-quarter': '이번 분기',
      'last-quarter': '지난 분기',
    },
    modes: { cohort: '코호트', flow: '플로우' },
    dates: (first, last) => `${first} ~ ${last}`,
    periodLine: (dates, compared) => `:calendar: ${dates} · 비교 기간 ${compared}`,
    runningLine: (dates, compared) => `:calendar: ${dates}, 지금까지 · 비교 기간 ${compared} (같은 시점까지)`,
    columns: { stage: '단계', count: '수', conversion: '→ 다음', change: '증감', days: '일수' },
    tableNote: '→ 다음: 다음 단계 전환율 · 증감: 이전 기간 대비 · 일수: 단계 체류 일수 중앙값',
    bottleneck: (stage, next, conversion, previous, days) =>
      `:warning: *병목: ${stage} → ${next}* 전환율 ${conversion} (이전 기간: ${previous}), ${stage} 체류 중앙값: ${days}.`,
    noBottleneck: '병목: 데이터가 부족합니다 — 수주 단계 이전에 5건 이상인 단계가 없습니다.',
    daysValue: (days) => `${days}일`,
    noStays: '기간 중 끝난 체류 없음',
    none: '—',
    movesBack: (n) => `:leftwards_arrow_with_hook: 이전 단계로 되돌아간 이동 ${n}건 (진입으로 세지 않음).`,
    speedTitle: '*리드 응답 속도*',
    speed: (median, p90) => `첫 연락까지 중앙값 ${median} · p90 ${p90}`,
    noTouches: '아직 기록된 첫 연락이 없습니다',
    withinSla: (pct, met, decided) => `SLA 준수 ${pct} (판정된 ${decided}건 중 ${met}건)`,
    noSlaDecided: '아직 판정된 SLA가 없습니다',
    touched: (touched, leads) => `배정된 리드 ${leads}건 중 ${touched}건 연락함`,
    dealsTitle: '*딜*',
    deals: (won, lost, rate) => `수주 ${won} · 실주 ${lost} · 수주율 ${rate}`,
    amountWon: (amounts) => `수주 금액: ${amounts}`,
    noAmountWon: '수주 금액: 기록 없음',
    competitors: (list) => `경쟁사별: ${list}`,
    competitor: (name, won, lost, rate) => `${name} 수주 ${won} / 실주 ${lost} (${rate})`,
    stuckTitle: (n) => `*정체 중인 리드* (${n})`,
    stuckLine: (stage, n, days) => `${stage}: ${n}건 (${days} 초과)`,
    noneStuck: '정체된 리드가 없습니다.',
    byTitle: { segment: '*세그먼트별*', source: '*유입 경로별*', owner: '*담당자별*' },
    byStages: (stages) => `단계별 수: ${stages}`,
    unassigned: '담당자 없음',
    noGroups: '이 기간에는 나눌 데이터가 없습니다.',
    more: (n) => `…외 ${n}건`,
    explainCohort: (command) =>
      `코호트: 기간 중 들어온 리드가 지금까지 도달한 가장 먼 단계입니다. 기간 중 일어난 단계 진입을 보려면: ${command}`,
    explainFlow: (command) =>
      `플로우: 기간 중 일어난 단계 진입입니다(건너뛴 단계도 지나간 것으로 셉니다). 기간 중 들어온 리드가 어디까지 갔는지 보려면: ${command}`,
    helpTitle: 'Baton — /funnel: 단계별 퍼널',
    helpUsage:
      '단계별 수, 다음 단계 전환율, 이전 기간 대비 증감, 단계 체류 일수 중앙값, 병목과 그 이유, 리드 응답 속도, 수주·실주 딜과 수주율, 수주 금액과 경쟁사별 수주율, 단계에 정체된 리드를 보여줍니다. 단어 순서는 자유이며, 모든 수치의 정의는 docs/funnel.md에 있습니다.',
    helpReport: '퍼널 보고서입니다. 기본값: 이번 주, 코호트.',
    helpPeriods:
      '기간(팀 시간대 기준, 주는 월요일 시작): `this-week`, `last-week`, `this-month`, `last-month`, `this-quarter`, `last-quarter`, 또는 `YYYY-MM-DD..YYYY-MM-DD`(양 끝 날짜 포함, 최대 366일).',
    helpModes: '`cohort`: 기간 중 들어온 리드가 어디까지 갔는지. `flow`: 기간 중 일어난 단계 진입.',
    helpBy: '세그먼트, 유입 경로 또는 담당자별로 나눠 봅니다.',
    helpChart: '퍼널 차트 이미지도 함께 공유합니다.',
    helpPlan:
      '목표 딜 수에서 거꾸로 계산해 단계와 역할별로 필요한 수를 보여줍니다. `plan set`은 목표로 저장합니다.',
    helpExport: '기간 중 리드와 단계 이동을 CSV로 DM에 보내 드립니다.',
    helpHelp: '이 도움말을 보여줍니다.',
    unknownWord: (word) => `\`/funnel\`에서 \`${word}\`은(는) 알 수 없는 단어입니다.`,
    byNeedsGroup: (got) =>
      `\`by ${got}\`(으)로는 나눌 수 없습니다. \`by segment\`, \`by source\`, \`by owner\` 중 하나를 쓰세요.`,
    byMissing: '무엇으로 나눌지 정해 주세요: `by segment`, `by source`, `by owner`.',
    twice: (first, second) => `\`${first}\`와(과) \`${second}\` 중 하나만 쓰세요.`,
    unknownPeriod: (text) => `\`${text}\`은(는) 기간이 아닙니다.`,
    badDate: (value) => `\`${value}\`은(는) 날짜가 아닙니다. 2026-01-05처럼 YYYY-MM-DD로 쓰세요.`,
    reversed: (first, last) => `기간의 끝(${last})이 시작(${first})보다 앞섭니다.`,
    tooLong: (days, max) => `이 기간은 ${days}일입니다. 보고서는 최대 ${max}일까지 다룹니다.`,
    future: (first, today) => `기간이 오늘(${today}) 이후인 ${first}에 시작해 아직 셀 것이 없습니다.`,
    accepted:
      '`/funnel [this-week | last-week | this-month | last-month | this-quarter | last-quarter | YYYY-MM-DD..YYYY-MM-DD] [by segment | source | owner] [cohort | flow] [chart]` 형식으로 입력하거나 `/funnel help`를 입력해 보세요.',
  },
  voc: vocKo,
  hubspot: hubspotKo,
  vocReport: vocReportKo,
  sandboxPage: sandboxPageKo,
  scenarios: scenariosKo,
  leadImport: leadImportKo,
  retro: retroKo,
  retroActions: retroActionsKo,
  settings: settingsKo,
  channels: channelsKo,
  admin: adminKo,
  config: configKo,
  webhooks: webhooksKo,
  crmSettings: crmSettingsKo,
  errors: {
    unknownSubcommand: (input) =>
      `\`/baton ${input}\`은(는) 알 수 없는 명령입니다. \`/baton help\`를 입력해 보세요.`,
    notOnRoster: 'Baton 로스터에 없어서 바꿀 것이 없습니다. 관리자에게 추가를 요청하세요.',
    internal: 'Baton에서 문제가 생겨 아무것도 바뀌지 않았습니다. 잠시 후 다시 시도해 주세요.',
  },
};
