/** Messages of the `leadImport` section (bulk import): English is the reference, Korean has the same keys in order. */
export const leadImportEn = {
  summaryText: (count: number, segment: string) =>
    `Imported ${count} new ${count === 1 ? 'lead' : 'leads'} into ${segment}`,
  summaryTitle: (count: number, segment: string, importId: number) =>
    `*Import #${importId}: ${count} new ${count === 1 ? 'lead' : 'leads'} in ${segment}*`,
  summaryFrom: (source: string, by: string | null) =>
    by ? `Source ${source}, imported by ${by}` : `Source ${source}`,
  whoGotWhat: (list: string) => `*Who got what:* ${list}`,
  unassigned: (count: number) => `unassigned ${count}`,
  fileCounts: (stored: number, duplicate: number, invalid: number) =>
    `The whole file: ${stored} stored, ${duplicate} ${duplicate === 1 ? 'duplicate' : 'duplicates'}, ${invalid} invalid. Imported leads get no card of their own: this thread is theirs.`,
  more: (count: number) => `…and ${count} more. Each seller got a DM with theirs; \`/lead mine\` lists them.`,
  dmText: (count: number, importId: number) =>
    `Import #${importId} gave you ${count} ${count === 1 ? 'lead' : 'leads'}`,
  dmTitle: (count: number, importId: number) =>
    `*Import #${importId} gave you ${count} ${count === 1 ? 'lead' : 'leads'}.* First touch each as usual; \`/lead <id>\` shows one.`,
  dmMore: (count: number) => `…and ${count} more: \`/lead mine\` lists every lead you own.`,
  due: (when: string) => `first touch by ${when}`,
  noSla: 'no SLA',
  // `/lead import`
  notAllowed:
    'Only marketers, managers and admins may import leads. Ask one of them, or an admin to give you the marketer role.',
  modalTitle: 'Import leads',
  modalIntro:
    "Pick a CSV file: a header row, then one lead per row. Columns named like Baton's fields (email, name, company, title, phone, company_size, industry, website, message, external_id, source, form, utm_*) are read; others are kept with the lead. Nothing is stored until you confirm the preview.",
  fileLabel: 'CSV file',
  sourceLabel: 'Source',
  sourceHint:
    'Where these leads come from, like "tradeshow" (letters, digits, _ and -). A "source" column wins.',
  next: 'Preview',
  cancel: 'Cancel',
  importButton: 'Import',
  close: 'Close',
  noFile: 'Pick a CSV file to import.',
  notCsv: (name: string) => `${name} is not a CSV file: save the sheet as CSV (UTF-8) and pick that.`,
  unreadable: (name: string) => `Baton could not download ${name} from Slack. Try again in a moment.`,
  notUtf8: 'The file is not UTF-8 text: save it as "CSV UTF-8".',
  badSource: (value: string) => `"${value}" is not a source key like "tradeshow" (letters, digits, _ and -).`,
  previewTitle: 'Import preview',
  previewHead: (file: string, rows: number) => `*${file}* — ${rows} ${rows === 1 ? 'row' : 'rows'}`,
  mappingTitle: '*Columns*',
  mapsTo: (header: string, field: string) => `${header} → ${field}`,
  keptAsExtra: (header: string) => `${header} → kept as an extra field`,
  resultTitle: (valid: number, invalid: number) =>
    `*Rows:* ${valid} ready to import, ${invalid} invalid (invalid rows are skipped). Duplicates are found when you import.`,
  routedCount: (segment: string, routed: number, below: number) =>
    `${segment}: ${routed} routed to sellers, ${below} below the routing threshold`,
  rowReady: (row: number, who: string, segment: string, stage: string, score: number) =>
    `Row ${row}: ${who} → ${segment}, ${stage}, score ${score}`,
  rowInvalid: (row: number, problems: string) => `Row ${row}: invalid — ${problems}`,
  previewMore: (count: number) => `…and ${count} more rows.`,
  changed: 'The file changed since the preview: run `/lead import` again.',
  importing: 'Importing… this takes a few seconds for thousands of rows.',
  doneTitle: 'Import done',
  done: (importId: number, stored: number, duplicate: number, invalid: number) =>
    `*Import #${importId}:* ${stored} stored, ${duplicate} ${duplicate === 1 ? 'duplicate' : 'duplicates'}, ${invalid} invalid.`,
  alreadyImported: (importId: number) =>
    `This file was imported before (import #${importId}); nothing was stored twice.`,
  duplicateOf: (row: number, leadId: number) => `Row ${row}: duplicate of lead #${leadId}`,
  failed:
    'The import stopped before it finished. Run `/lead import` with the same file again: rows already stored are not stored twice.',
  tooLarge: 'The file is larger than 10 MB: split it into smaller files.',
  problems: {
    unclosed_quote: (line: number) => `Line ${line}: a quoted cell is never closed (a " is missing).`,
    text_after_quote: (line: number) =>
      `Line ${line}: text follows a closing quote; write a quote inside a quoted cell as "".`,
    empty: (_line: number) => 'The file is empty: a header row, then one row per lead.',
    no_leads: (_line: number) => 'The file has no leads.',
    not_json: (line: number) => `Line ${line} is not JSON.`,
    no_email_column: (headers: string) =>
      `No column holds the email (name one "email"). The header row is: ${headers}`,
    same_field_twice: (first: string, second: string, field: string) =>
      `The columns "${first}" and "${second}" both fill ${field}: keep one.`,
    too_many_rows: (count: number) => `The file has ${count} rows; an import takes at most 10,000. Split it.`,
  },
};

export const leadImportKo: typeof leadImportEn = {
  summaryText: (count, segment) => `${segment}에 새 리드 ${count}건을 가져왔습니다`,
  summaryTitle: (count, segment, importId) => `*가져오기 #${importId}: ${segment} 새 리드 ${count}건*`,
  summaryFrom: (source, by) => (by ? `유입 경로 ${source}, ${by} 님이 가져옴` : `유입 경로 ${source}`),
  whoGotWhat: (list) => `*배정:* ${list}`,
  unassigned: (count) => `미배정 ${count}건`,
  fileCounts: (stored, duplicate, invalid) =>
    `파일 전체: 저장 ${stored}건, 중복 ${duplicate}건, 잘못된 행 ${invalid}건. 가져온 리드는 개별 카드가 없으며 이 스레드를 사용합니다.`,
  more: (count) => `…외 ${count}건. 세일즈마다 DM으로 보냈습니다. \`/lead mine\`으로 볼 수 있습니다.`,
  dmText: (count, importId) => `가져오기 #${importId}로 리드 ${count}건이 배정되었습니다`,
  dmTitle: (count, importId) =>
    `*가져오기 #${importId}로 리드 ${count}건이 배정되었습니다.* 평소처럼 첫 연락을 해 주세요. \`/lead <id>\`로 하나씩 볼 수 있습니다.`,
  dmMore: (count) => `…외 ${count}건: \`/lead mine\`으로 담당 리드를 모두 볼 수 있습니다.`,
  due: (when) => `첫 연락 기한 ${when}`,
  noSla: 'SLA 없음',
  notAllowed:
    '리드 가져오기는 마케터, 매니저, 관리자만 할 수 있습니다. 그분들께 요청하거나 관리자에게 마케터 역할을 요청하세요.',
  modalTitle: '리드 가져오기',
  modalIntro:
    'CSV 파일을 선택하세요. 첫 행은 머리글, 그다음 한 행에 리드 하나입니다. Baton 필드 이름(email, name, company, title, phone, company_size, industry, website, message, external_id, source, form, utm_*)의 열을 읽고, 나머지 열은 리드에 함께 보관합니다. 미리보기를 확인하기 전에는 아무것도 저장하지 않습니다.',
  fileLabel: 'CSV 파일',
  sourceLabel: '유입 경로',
  sourceHint: '리드의 출처(예: "tradeshow", 영문자·숫자·_·-). "source" 열이 있으면 그 값을 씁니다.',
  next: '미리보기',
  cancel: '취소',
  importButton: '가져오기',
  close: '닫기',
  noFile: '가져올 CSV 파일을 선택하세요.',
  notCsv: (name) => `${name}은(는) CSV 파일이 아닙니다. 시트를 CSV(UTF-8)로 저장해서 선택하세요.`,
  unreadable: (name) => `Slack에서 ${name}을(를) 내려받지 못했습니다. 잠시 후 다시 시도하세요.`,
  notUtf8: '파일이 UTF-8 텍스트가 아닙니다. "CSV UTF-8"로 저장하세요.',
  badSource: (value) => `"${value}"은(는) "tradeshow" 같은 유입 경로 키가 아닙니다(영문자·숫자·_·-).`,
  previewTitle: '가져오기 미리보기',
  previewHead: (file, rows) => `*${file}* — ${rows}행`,
  mappingTitle: '*열*',
  mapsTo: (header, field) => `${header} → ${field}`,
  keptAsExtra: (header) => `${header} → 추가 필드로 보관`,
  resultTitle: (valid, invalid) =>
    `*행:* 가져올 수 있는 행 ${valid}개, 잘못된 행 ${invalid}개(잘못된 행은 건너뜁니다). 중복은 가져올 때 확인합니다.`,
  routedCount: (segment, routed, below) =>
    `${segment}: 세일즈에게 배정 ${routed}건, 배정 기준 미만 ${below}건`,
  rowReady: (row, who, segment, stage, score) => `${row}행: ${who} → ${segment}, ${stage}, 점수 ${score}`,
  rowInvalid: (row, problems) => `${row}행: 잘못됨 — ${problems}`,
  previewMore: (count) => `…외 ${count}행.`,
  changed: '미리보기 이후 파일이 바뀌었습니다. `/lead import`를 다시 실행하세요.',
  importing: '가져오는 중… 수천 행이면 몇 초 걸립니다.',
  doneTitle: '가져오기 완료',
  done: (importId, stored, duplicate, invalid) =>
    `*가져오기 #${importId}:* 저장 ${stored}건, 중복 ${duplicate}건, 잘못된 행 ${invalid}건.`,
  alreadyImported: (importId) =>
    `이 파일은 이미 가져왔습니다(가져오기 #${importId}). 아무것도 두 번 저장하지 않았습니다.`,
  duplicateOf: (row, leadId) => `${row}행: 리드 #${leadId}의 중복`,
  failed:
    '가져오기가 끝나기 전에 멈췄습니다. 같은 파일로 `/lead import`를 다시 실행하세요. 이미 저장된 행은 두 번 저장되지 않습니다.',
  tooLarge: '파일이 10MB보다 큽니다. 더 작은 파일로 나누세요.',
  problems: {
    unclosed_quote: (line) => `${line}번째 줄: 따옴표로 시작한 칸이 닫히지 않았습니다(" 누락).`,
    text_after_quote: (line) =>
      `${line}번째 줄: 닫는 따옴표 뒤에 글자가 있습니다. 칸 안의 따옴표는 ""로 쓰세요.`,
    empty: () => '파일이 비어 있습니다. 첫 행은 머리글, 그다음 한 행에 리드 하나입니다.',
    no_leads: () => '파일에 리드가 없습니다.',
    not_json: (line) => `${line}번째 줄이 JSON이 아닙니다.`,
    no_email_column: (headers) => `이메일 열이 없습니다("email" 열을 만드세요). 머리글: ${headers}`,
    same_field_twice: (first, second, field) =>
      `"${first}" 열과 "${second}" 열이 모두 ${field}입니다. 하나만 남기세요.`,
    too_many_rows: (count) =>
      `파일이 ${count}행입니다. 한 번에 최대 10,000행까지 가져올 수 있습니다. 나누어 주세요.`,
  },
};
