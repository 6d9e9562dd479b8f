/** The stage sales accepting a lead moves it to: MQL → SAL when both are working stages. */
export function salesAcceptedStage(stage: string, working: readonly string[]): string | undefined {
  return stage === 'MQL' && working.includes('SAL') ? 'SAL' : undefined;
}
