/** Messages of the `retro` section: English is the reference, Korean must have the same keys in order. */
export const retroEn = {};

export const retroKo: typeof retroEn = {};
