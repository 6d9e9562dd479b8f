import type { VocCategory } from '../../config/workspace/constants.js';
import type { VocSentimentValue } from '../../domain/voc.js';

/** Messages of the `voc` section: English is the reference, Korean must have the same keys in order. */
export const vocEn = {
  categories: {
    objection: 'Objection',
    feature_request: 'Feature request',
    competitor: 'Competitor',
    pricing: 'Pricing',
    praise: 'Praise',
    churn_risk: 'Churn risk',
    lead_quality: 'Lead quality',
    other: 'Other',
  } satisfies Record<VocCategory, string>,
  uncategorised: 'Uncategorised',
  sentiments: {
    positive: 'Positive',
    neutral: 'Neutral',
    negative: 'Negative',
  } satisfies Record<VocSentimentValue, string>,
  modal: {
    title: 'Save as VOC',
    editTitle: 'Edit VOC',
    submit: 'Save',
    close: 'Cancel',
    quote: 'Quote',
    quoteHint: 'What the customer said, in their words.',
    category: 'Category',
    categoryPlaceholder: 'Pick a category',
    competitor: 'Competitor',
    competitorHint: 'The competitor they named, if any.',
    lead: 'Linked lead',
    leadPlaceholder: 'Number, email, company or name',
    account: 'Account',
    accountHint: 'The customer or company, when there is no lead to link.',
    sentiment: 'Sentiment',
    tags: 'Tags',
    tagsHint: 'Separate tags with commas, e.g. onboarding, #pricing',
    fromMessage: (who: string) => `Quoting a message by ${who}.`,
    fromReply: (who: string) => `Quoting a thread reply by ${who}; the thread is recorded too.`,
    editing: (who: string, when: string) =>
      `Editing the VOC ${who} saved ${when}. Saving changes it and its post; nothing is added twice.`,
  },
  saved: {
    title: 'VOC saved',
    done: 'Done',
    routed: (category: string, channel: string) =>
      `:white_check_mark: Saved as *${category}* and posted to ${channel}.`,
    unrouted: (category: string) =>
      `:white_check_mark: Saved as *${category}*. There is no channel for this category, so it will show in the weekly retro.`,
    updatedRouted: (category: string, channel: string) =>
      `:white_check_mark: Updated: *${category}*, posted to ${channel}.`,
    updatedUnrouted: (category: string) =>
      `:white_check_mark: Updated: *${category}*. There is no channel for this category, so it will show in the weekly retro.`,
    moved: (category: string, from: string, to: string) =>
      `:white_check_mark: Updated: now *${category}*, so it moved from ${from} to ${to}.`,
    movedOut: (category: string, from: string) =>
      `:white_check_mark: Updated: now *${category}*. There is no channel for this category, so it will show in the weekly retro; the post in ${from} says so.`,
  },
  prompt: {
    saved: (quote: string) => `:speech_balloon: Saved as VOC: “${quote}”`,
    already: (quote: string) => `:speech_balloon: This message is already saved as VOC: “${quote}”`,
    pick: 'Pick a category so it reaches the right team, or add details.',
    categoryPlaceholder: 'Category',
    details: 'Add details',
  },
  post: {
    fallback: (category: string, quote: string) => `VOC · ${category}: “${quote}”`,
    heading: (category: string) => `:speech_balloon: *VOC · ${category}*`,
    saidBy: (who: string) => `Said by ${who}`,
    capturedBy: (who: string) => `Captured by ${who}`,
    source: 'View the source message',
    competitor: 'Competitor',
    lead: 'Lead',
    account: 'Account',
    sentiment: 'Sentiment',
    tags: 'Tags',
    moved: (category: string, channel: string) =>
      `:arrow_right: Recategorised as *${category}* and moved to ${channel}.`,
    movedOut: (category: string) =>
      `:arrow_right: Recategorised as *${category}*. That category has no channel, so it will show in the weekly retro.`,
  },
  errors: {
    quoteRequired: 'Enter the quote: what the customer said.',
    categoryRequired: 'Pick a category.',
    categoryUnknown: 'Pick one of the listed categories.',
    tooLong: (max: number) => `Keep it to ${max} characters or fewer.`,
    sentimentUnknown: 'Pick positive, neutral or negative.',
    leadUnknown: 'Pick a lead from the search results.',
    leadNotFound: 'That lead no longer exists. Search again or leave the field empty.',
    tagTooLong: (tag: string, max: number) => `The tag “${tag}” is longer than ${max} characters.`,
    tooManyTags: (max: number) => `Use at most ${max} tags.`,
    notFound: 'That VOC entry no longer exists.',
    notOnRosterPlain: 'Only people on the Baton roster can save VOC. Ask a Baton admin to add you.',
    noText: 'That message has no text to save as VOC.',
  },
  help: {
    title: 'Baton — /voc: the voice of the customer',
    usage: {
      open: 'Open the VOC form.',
      quote: 'Open the form with the quote filled in.',
      report: 'Counts by category and competitor, top quotes and the change against the period before.',
      help: 'Show this help.',
    },
    shortcut: 'On any message: *More actions* (⋯) → *Save as VOC* opens the form with the message filled in.',
    reaction: (emoji: string) =>
      `React with ${emoji} to save a message at once; Baton then asks you, privately, for its category.`,
    routing:
      'Each category goes to its team’s channel as a short post linking the source; categories without a channel show in the weekly retro.',
  },
};

export const vocKo: typeof vocEn = {
  categories: {
    objection: '반론',
    feature_request: '기능 요청',
    competitor: '경쟁사',
    pricing: '가격',
    praise: '칭찬',
    churn_risk: '이탈 위험',
    lead_quality: '리드 품질',
    other: '기타',
  },
  uncategorised: '미분류',
  sentiments: {
    positive: '긍정',
    neutral: '중립',
    negative: '부정',
  },
  modal: {
    title: 'VOC로 저장',
    editTitle: 'VOC 수정',
    submit: '저장',
    close: '취소',
    quote: '인용',
    quoteHint: '고객이 한 말을 그대로 적어 주세요.',
    category: '분류',
    categoryPlaceholder: '분류 선택',
    competitor: '경쟁사',
    competitorHint: '고객이 언급한 경쟁사가 있다면 적어 주세요.',
    lead: '연결할 리드',
    leadPlaceholder: '번호, 이메일, 회사 또는 이름',
    account: '고객사',
    accountHint: '연결할 리드가 없을 때 고객이나 회사 이름.',
    sentiment: '감정',
    tags: '태그',
    tagsHint: '쉼표로 구분해 주세요. 예: onboarding, #pricing',
    fromMessage: (who: string) => `${who} 님의 메시지를 인용합니다.`,
    fromReply: (who: string) => `${who} 님의 스레드 답글을 인용합니다. 스레드도 함께 기록됩니다.`,
    editing: (who: string, when: string) =>
      `${who} 님이 ${when}에 저장한 VOC를 수정합니다. 저장하면 이 항목과 게시물이 바뀌며, 중복으로 추가되지 않습니다.`,
  },
  saved: {
    title: 'VOC 저장됨',
    done: '완료',
    routed: (category: string, channel: string) =>
      `:white_check_mark: *${category}*(으)로 저장하고 ${channel}에 게시했습니다.`,
    unrouted: (category: string) =>
      `:white_check_mark: *${category}*(으)로 저장했습니다. 이 분류에는 채널이 없어 주간 회고에 표시됩니다.`,
    updatedRouted: (category: string, channel: string) =>
      `:white_check_mark: 수정했습니다: *${category}*, ${channel}에 게시됨.`,
    updatedUnrouted: (category: string) =>
      `:white_check_mark: 수정했습니다: *${category}*. 이 분류에는 채널이 없어 주간 회고에 표시됩니다.`,
    moved: (category: string, from: string, to: string) =>
      `:white_check_mark: 수정했습니다: 이제 *${category}*(이)라 ${from}에서 ${to}(으)로 옮겼습니다.`,
    movedOut: (category: string, from: string) =>
      `:white_check_mark: 수정했습니다: 이제 *${category}*입니다. 이 분류에는 채널이 없어 주간 회고에 표시되며, ${from}의 게시물에 그렇게 안내했습니다.`,
  },
  prompt: {
    saved: (quote: string) => `:speech_balloon: VOC로 저장했습니다: “${quote}”`,
    already: (quote: string) => `:speech_balloon: 이미 VOC로 저장된 메시지입니다: “${quote}”`,
    pick: '알맞은 팀에 전달되도록 분류를 고르거나, 세부 정보를 추가하세요.',
    categoryPlaceholder: '분류',
    details: '세부 정보 추가',
  },
  post: {
    fallback: (category: string, quote: string) => `VOC 기록 · ${category}: “${quote}”`,
    heading: (category: string) => `:speech_balloon: *VOC 기록 · ${category}*`,
    saidBy: (who: string) => `말한 사람: ${who}`,
    capturedBy: (who: string) => `기록한 사람: ${who}`,
    source: '원본 메시지 보기',
    competitor: '경쟁사',
    lead: '리드',
    account: '고객사',
    sentiment: '감정',
    tags: '태그',
    moved: (category: string, channel: string) =>
      `:arrow_right: *${category}*(으)로 다시 분류되어 ${channel}(으)로 옮겨졌습니다.`,
    movedOut: (category: string) =>
      `:arrow_right: *${category}*(으)로 다시 분류되었습니다. 이 분류에는 채널이 없어 주간 회고에 표시됩니다.`,
  },
  errors: {
    quoteRequired: '고객이 한 말을 입력해 주세요.',
    categoryRequired: '분류를 골라 주세요.',
    categoryUnknown: '목록에 있는 분류 중에서 골라 주세요.',
    tooLong: (max: number) => `${max}자 이하로 적어 주세요.`,
    sentimentUnknown: '긍정, 중립, 부정 중에서 골라 주세요.',
    leadUnknown: '검색 결과에서 리드를 골라 주세요.',
    leadNotFound: '그 리드는 더 이상 없습니다. 다시 검색하거나 비워 두세요.',
    tagTooLong: (tag: string, max: number) => `태그 “${tag}”이(가) ${max}자보다 깁니다.`,
    tooManyTags: (max: number) => `태그는 ${max}개까지 쓸 수 있습니다.`,
    notFound: '그 VOC 항목은 더 이상 없습니다.',
    notOnRosterPlain:
      'Baton 로스터에 있는 사람만 VOC를 저장할 수 있습니다. Baton 관리자에게 추가를 요청하세요.',
    noText: '그 메시지에는 VOC로 저장할 글이 없습니다.',
  },
  help: {
    title: 'Baton — /voc: VOC 기록',
    usage: {
      open: 'VOC 양식을 엽니다.',
      quote: '인용문을 채운 채로 양식을 엽니다.',
      report: '분류별·경쟁사별 건수, 주요 인용, 이전 기간 대비 변화를 보여 줍니다.',
      help: '이 도움말을 보여 줍니다.',
    },
    shortcut: '아무 메시지에서나 *더보기*(⋯) → *Save as VOC*를 누르면 메시지가 채워진 양식이 열립니다.',
    reaction: (emoji: string) =>
      `${emoji} 반응을 달면 메시지가 바로 저장되고, Baton이 나에게만 보이는 메시지로 분류를 묻습니다.`,
    routing:
      '각 분류는 담당 팀의 채널에 원본 링크가 담긴 짧은 게시물로 전달됩니다. 채널이 없는 분류는 주간 회고에 표시됩니다.',
  },
};
