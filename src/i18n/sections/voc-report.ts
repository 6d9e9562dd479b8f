/** Messages of the `vocReport` section: English is the reference, Korean must have the same keys in order. */
export const vocReportEn = {};

export const vocReportKo: typeof vocReportEn = {};
