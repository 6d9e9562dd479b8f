/** Messages of the `settings` section: English is the reference, Korean must have the same keys in order. */
export const settingsEn = {};

export const settingsKo: typeof settingsEn = {};
