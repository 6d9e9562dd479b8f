/** Messages of the `settings` section: English is the reference, Korean must have the same keys in order. */
export const settingsEn = {
  title: 'Your Baton settings',
  retroDmsOn:
    '*Retro reminder DMs: on.* If you have not replied in the weekly retro’s thread by the nudge time, Baton DMs you once.',
  retroDmsOff: '*Retro reminder DMs: off.* Baton will not DM you about replying to the weekly retro.',
  turnOff: 'Turn off',
  turnOn: 'Turn on',
  footer:
    'Action item DMs still come: their Done / Drop buttons are how you answer your items. You can also type `/baton settings retro-dms on` or `off`.',
  usage: (input: string) =>
    `I did not understand \`${input}\`. Type \`/baton settings\` to see your settings, or \`/baton settings retro-dms on\` / \`off\`.`,
};

export const settingsKo: typeof settingsEn = {
  title: '내 Baton 설정',
  retroDmsOn:
    '*회고 알림 DM: 켜짐.* 알림 시각까지 주간 회고 스레드에 답글이 없으면 Baton이 DM을 한 번 보냅니다.',
  retroDmsOff: '*회고 알림 DM: 꺼짐.* 주간 회고 답글에 관한 DM을 보내지 않습니다.',
  turnOff: '끄기',
  turnOn: '켜기',
  footer:
    '액션 아이템 DM은 계속 옵니다: 완료 / 취소 버튼으로 아이템에 답하기 때문입니다. `/baton settings retro-dms on` 또는 `off`로도 바꿀 수 있습니다.',
  usage: (input: string) =>
    `\`${input}\`을(를) 이해하지 못했습니다. 설정을 보려면 \`/baton settings\`, 바꾸려면 \`/baton settings retro-dms on\` / \`off\`를 입력하세요.`,
};
