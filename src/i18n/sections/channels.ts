/** Messages about configured channels Baton cannot post to (admin DM and Home notice). */
export const channelsEn = {
  dmTitle: 'Baton cannot post to some configured channels',
  homeTitle: ':warning: Channels that need fixing',
  problem: {
    not_in_channel: (channel: string) =>
      `<#${channel}>: Baton is not in this channel. Type \`/invite @Baton\` in it.`,
    private: (channel: string) =>
      `<#${channel}>: a private channel Baton is not in. Type \`/invite @Baton\` in it.`,
    archived: (channel: string) =>
      `<#${channel}>: the channel is archived. Unarchive it, or have an admin pick another channel in Baton's settings (or baton.yaml); Baton picks up the change by itself.`,
    missing: (channel: string) =>
      `\`${channel}\`: no such channel (deleted, or a wrong id). Have an admin pick a channel that exists in Baton's settings (or baton.yaml); Baton picks up the change by itself.`,
  },
  usedFor: (uses: string) => `Used for: ${uses}.`,
  footer: 'Cards and posts for these channels are kept, not dropped: they go out once the channel works.',
};

export const channelsKo: typeof channelsEn = {
  dmTitle: 'Baton이 설정된 일부 채널에 글을 올릴 수 없습니다',
  homeTitle: ':warning: 조치가 필요한 채널',
  problem: {
    not_in_channel: (channel: string) =>
      `<#${channel}>: Baton이 이 채널에 없습니다. 채널에서 \`/invite @Baton\`을 입력하세요.`,
    private: (channel: string) =>
      `<#${channel}>: Baton이 들어가 있지 않은 비공개 채널입니다. 채널에서 \`/invite @Baton\`을 입력하세요.`,
    archived: (channel: string) =>
      `<#${channel}>: 보관된 채널입니다. 보관을 해제하거나, 관리자가 Baton 설정(또는 baton.yaml)에서 다른 채널을 고르게 하세요. 바뀐 설정은 Baton이 알아서 반영합니다.`,
    missing: (channel: string) =>
      `\`${channel}\`: 없는 채널입니다(삭제되었거나 잘못된 ID). 관리자가 Baton 설정(또는 baton.yaml)에서 있는 채널을 고르게 하세요. 바뀐 설정은 Baton이 알아서 반영합니다.`,
  },
  usedFor: (uses: string) => `용도: ${uses}.`,
  footer: '이 채널들의 카드와 글은 버려지지 않고 보관되며, 채널이 정상이 되면 게시됩니다.',
};
