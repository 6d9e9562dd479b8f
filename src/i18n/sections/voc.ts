/** Messages of the `voc` section: English is the reference, Korean must have the same keys in order. */
export const vocEn = {};

export const vocKo: typeof vocEn = {};
