/** Walks a message catalog for the i18n tests: every leaf as [path, text]. */
export type Tree = { [key: string]: string | ((...args: never[]) => string) | Tree };

/** Every message as [path, text]; functions are called with neutral placeholder arguments (‹0›, ‹1›…). */
export function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') return [[path, value]];
    if (typeof value === 'function') {
      const args = Array.from({ length: value.length }, (_, i) => `‹${i}›`) as never[];
      return [[path, value(...args)]];
    }
    return leaves(value, path);
  });
}
