/** Messages of the `retroActions` section: English is the reference, Korean must have the same keys in order. */
export const retroActionsEn = {};

export const retroActionsKo: typeof retroActionsEn = {};
