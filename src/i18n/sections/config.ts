/** Messages of the `config` section (/baton config …): English is the reference, Korean has the same keys. */
export const configEn = {
  help: 'Recent configuration changes (who, when, what); admins can restore a version or get the configuration as a YAML file.',
  usage:
    'Type `/baton config history` for recent changes, `/baton config restore &lt;version&gt;` to go back to a version, or `/baton config export` to get the configuration as a YAML file.',
  historyTitle: 'Configuration history',
  historyEmpty:
    'No configuration versions yet: Baton is not set up. Open Baton’s Home in Slack to set it up.',
  versionLine: (version: number, who: string, how: string, when: string) =>
    `*Version ${version}* · ${who} · ${how} · ${when}`,
  byFile: 'baton.yaml',
  via: {
    file: 'from the config file',
    slack: 'in Slack',
    api: 'through the API',
    restore: 'restored',
  },
  restoredFrom: (version: number) => `restored version ${version}`,
  changed: (path: string, before: string, after: string) => `\`${path}\`: ${before} → ${after}`,
  memberAdded: (user: string) => `${user} added to the roster`,
  memberRemoved: (user: string) => `${user} removed from the roster`,
  notSet: '(not set)',
  noChanges: 'Only which settings the file manages changed.',
  more: (n: number) => `… and ${n} more`,
  adminsOnly:
    'Only a Baton admin can do that: someone in BATON_ADMINS, a workspace owner or admin, or a roster admin.',
  restoreUsage: 'Say which version: `/baton config restore &lt;version&gt;` (see `/baton config history`).',
  restored: (version: number, newVersion: number, changes: number) =>
    `Restored version ${version} as version ${newVersion} (${changes} setting${changes === 1 ? '' : 's'} changed). Every Baton process uses it within seconds.`,
  restoreUnchanged: (version: number) => `Version ${version} is what Baton uses already: nothing to restore.`,
  noSuchVersion: (version: number) => `There is no version ${version}. See \`/baton config history\`.`,
  managedInFile: (keys: string) => `Not restored: ${keys} managed in baton.yaml. Change the file instead.`,
  invalid: (problems: string) => `Not restored: that version is not valid any more.\n${problems}`,
  exportEmpty: 'There is no configuration to export yet: Baton is not set up.',
  exportComment: (version: number) =>
    `Baton’s configuration, version ${version}. Given back as BATON_CONFIG, this file reproduces it exactly.`,
  exportSent: (version: number) => `Sent version ${version} of the configuration to your DM with Baton.`,
  exportDmFailed: (code: string) => `I could not send the file to your DM (${code}). Try again in a minute.`,
};

export const configKo: typeof configEn = {
  help: '최근 설정 변경(누가, 언제, 무엇을)을 봅니다. 관리자는 이전 버전으로 되돌리거나 설정을 YAML 파일로 받을 수 있습니다.',
  usage:
    '최근 변경은 `/baton config history`, 이전 버전으로 되돌리려면 `/baton config restore &lt;버전&gt;`, 설정을 YAML 파일로 받으려면 `/baton config export`를 입력하세요.',
  historyTitle: '설정 변경 기록',
  historyEmpty:
    '아직 설정 버전이 없습니다: Baton이 설정되지 않았습니다. Slack에서 Baton의 홈을 열어 설정하세요.',
  versionLine: (version: number, who: string, how: string, when: string) =>
    `*버전 ${version}* · ${who} · ${how} · ${when}`,
  byFile: 'baton.yaml 파일',
  via: {
    file: '설정 파일에서',
    slack: 'Slack에서',
    api: 'API로',
    restore: '복원',
  },
  restoredFrom: (version: number) => `버전 ${version} 복원`,
  changed: (path: string, before: string, after: string) => `\`${path}\`: ${before}에서 ${after}(으)로`,
  memberAdded: (user: string) => `${user} 님을 명단에 추가`,
  memberRemoved: (user: string) => `${user} 님을 명단에서 제외`,
  notSet: '(설정 안 됨)',
  noChanges: '설정 파일이 관리하는 항목만 바뀌었습니다.',
  more: (n: number) => `… 외 ${n}건`,
  adminsOnly:
    'Baton 관리자만 할 수 있습니다: BATON_ADMINS에 있는 사람, 워크스페이스 소유자·관리자, 또는 명단의 관리자입니다.',
  restoreUsage: '버전을 지정하세요: `/baton config restore &lt;버전&gt;` (`/baton config history` 참고).',
  restored: (version: number, newVersion: number, changes: number) =>
    `버전 ${version}을(를) 버전 ${newVersion}(으)로 복원했습니다 (설정 ${changes}개 변경). 모든 Baton 프로세스가 몇 초 안에 사용합니다.`,
  restoreUnchanged: (version: number) =>
    `버전 ${version}은(는) 이미 사용 중인 설정입니다. 복원할 것이 없습니다.`,
  noSuchVersion: (version: number) =>
    `버전 ${version}은(는) 없습니다. \`/baton config history\`를 확인하세요.`,
  managedInFile: (keys: string) =>
    `복원하지 않았습니다: ${keys} 항목은 baton.yaml에서 관리합니다. 파일을 수정하세요.`,
  invalid: (problems: string) => `복원하지 않았습니다: 그 버전은 이제 유효하지 않습니다.\n${problems}`,
  exportEmpty: '내보낼 설정이 아직 없습니다: Baton이 설정되지 않았습니다.',
  exportComment: (version: number) =>
    `Baton 설정, 버전 ${version}. 이 파일을 BATON_CONFIG로 지정하면 같은 설정이 그대로 재현됩니다.`,
  exportSent: (version: number) => `설정 버전 ${version}을(를) Baton과의 DM으로 보냈습니다.`,
  exportDmFailed: (code: string) => `DM으로 파일을 보내지 못했습니다 (${code}). 잠시 후 다시 시도하세요.`,
};
