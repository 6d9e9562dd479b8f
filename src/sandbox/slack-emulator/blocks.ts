import { ApiError } from './api-error.js';
import { limitProblem } from './block-limits.js';
import type { SlackArgs, SlackObject } from './types.js';
import { hex, isObject, str } from './values.js';

const MAX_TEXT = 40_000;
const BLOCK_TYPES = new Set([
  'actions',
  'context',
  'context_actions',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

/** Validates message content the cheap ways Slack does and returns the fields to store. */
export function messageContent(
  args: SlackArgs,
  { maxBlocks, requireContent = true }: { maxBlocks: number; requireContent?: boolean },
): SlackObject {
  const content: SlackObject = {};
  const text = str(args.text);
  if (requireContent && !text && args.blocks === undefined && args.attachments === undefined) {
    throw new ApiError('no_text');
  }
  if (text !== undefined) {
    if (text.length > MAX_TEXT) throw new ApiError('msg_too_long');
    content.text = text;
  }
  if (args.blocks !== undefined) content.blocks = checkBlocks(args.blocks, maxBlocks, 'blocks');
  if (args.attachments !== undefined) content.attachments = args.attachments;
  if (args.metadata !== undefined) {
    const meta = args.metadata;
    if (!isObject(meta) || typeof meta.event_type !== 'string' || !isObject(meta.event_payload)) {
      throw new ApiError('invalid_metadata_format');
    }
    content.metadata = { event_type: meta.event_type, event_payload: meta.event_payload };
  }
  return content;
}

/** Structural block checks; returns a copy with block_ids filled in, as Slack echoes them back. */
export function checkBlocks(value: unknown, max: number, pointer: string): SlackObject[] {
  const fail = (why: string): never => {
    throw new ApiError('invalid_blocks', {
      errors: [why],
      response_metadata: { messages: [`[ERROR] ${why}`] },
    });
  };
  if (!Array.isArray(value)) return fail(`must be an array [json-pointer:/${pointer}]`);
  if (value.length > max) return fail(`must provide no more than ${max} items [json-pointer:/${pointer}]`);
  const seen = new Set<string>();
  return value.map((raw: unknown, i) => {
    const at = `[json-pointer:/${pointer}/${i}]`;
    if (!isObject(raw)) return fail(`must be an object ${at}`);
    const type = raw.type;
    if (typeof type !== 'string' || !BLOCK_TYPES.has(type))
      return fail(`unsupported type: ${String(type)} ${at}`);
    const blockId = str(raw.block_id) ?? hex(3);
    if (blockId.length > 255) return fail(`block_id must be at most 255 characters ${at}`);
    if (seen.has(blockId)) return fail(`duplicate block_id: ${blockId} ${at}`);
    seen.add(blockId);
    const problem = limitProblem(raw, `${pointer}/${i}`);
    if (problem) return fail(problem);
    return { ...structuredClone(raw), block_id: blockId };
  });
}
