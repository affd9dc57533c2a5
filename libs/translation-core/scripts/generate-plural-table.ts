// Regenerates src/plurals/cldr-plural-data.ts from the pinned make-plural package.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/translation-core/scripts/generate-plural-table.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPluralData, renderPluralDataModule } from './plural-table-source';

const out = resolve(__dirname, '../src/plurals/cldr-plural-data.ts');
writeFileSync(out, renderPluralDataModule(buildPluralData()));
console.log(`wrote ${out}`);
