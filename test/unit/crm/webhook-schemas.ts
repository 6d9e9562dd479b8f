import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const DIR = join(process.cwd(), 'docs/webhooks');

/** The documented JSON Schemas (docs/webhooks/*.v1.schema.json), compiled, by event type. */
export function documentedSchemas() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const byType = new Map<string, ReturnType<typeof ajv.compile>>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.v1.schema.json'))) {
    const schema = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as {
      properties: { type: { const: string } };
    };
    byType.set(schema.properties.type.const, ajv.compile(schema));
  }
  /** Problems with a payload, [] when it matches its type's documented schema. */
  return (payload: object): string[] => {
    const type = (payload as { type?: unknown }).type;
    const validate = byType.get(String(type));
    if (!validate) return [`no documented schema for type ${String(type)}`];
    return validate(payload) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}
