/** Messages of the `scenarios` section (the sandbox's scenario controls): Korean must have the same keys in order. */
export const scenariosEn = {
  canned: {
    smbDemo: 'SMB demo request',
    enterpriseTrial: 'Enterprise trial',
    duplicate: 'Duplicate (same email as the SMB demo request)',
    escaping: 'Name with <!channel> and *bold* (escaping check)',
  },
  steps: {
    '15m': '+15 min',
    '1h': '+1 h',
    'next-morning': 'Next working morning',
    'next-monday': 'Next Monday 10:00',
  },
};

export const scenariosKo: typeof scenariosEn = {
  canned: {
    smbDemo: 'SMB 데모 요청',
    enterpriseTrial: '엔터프라이즈 체험판',
    duplicate: '중복 (SMB 데모 요청과 같은 이메일)',
    escaping: '<!channel>과 *굵게*가 든 이름 (이스케이프 확인)',
  },
  steps: {
    '15m': '+15분',
    '1h': '+1시간',
    'next-morning': '다음 근무일 아침',
    'next-monday': '다음 월요일 10:00',
  },
};
