/**
 * Emoji shortcodes as Slack shows them. node-emoji (emojilib's names) knows most of Slack's; the few
 * names Slack spells differently are mapped here. A name neither knows is a workspace's custom emoji
 * (Baton's `:voc:`): the page shows it as a labelled chip, as Slack shows an image.
 */
import { get } from 'node-emoji';

// Slack's spelling → emojilib's.
const SLACK_ALIASES: Record<string, string> = {
  thumbsup: '+1',
  thumbsdown: '-1',
  spiral_calendar_pad: 'spiral_calendar',
  simple_smile: 'slightly_smiling_face',
};

// Names Slack has that emojilib's older list lacks.
const SLACK_ONLY: Record<string, string> = {
  large_green_circle: '\u{1F7E2}',
  large_yellow_circle: '\u{1F7E1}',
  large_orange_circle: '\u{1F7E0}',
  raising_hand: '\u{1F64B}',
};

/** The emoji character for a Slack shortcode name (without colons), or undefined for a custom one. */
export function emojiFor(name: string): string | undefined {
  const [base, tone] = name.split('::');
  const char = SLACK_ONLY[base ?? ''] ?? get(SLACK_ALIASES[base ?? ''] ?? base ?? '');
  if (!char) return undefined;
  const tones: Record<string, string> = {
    'skin-tone-2': '\u{1F3FB}',
    'skin-tone-3': '\u{1F3FC}',
    'skin-tone-4': '\u{1F3FD}',
    'skin-tone-5': '\u{1F3FE}',
    'skin-tone-6': '\u{1F3FF}',
  };
  return char + (tone ? (tones[tone] ?? '') : '');
}
