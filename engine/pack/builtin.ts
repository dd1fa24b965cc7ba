import data from '../../packs/sme-cluster.yaml';
import { compilePack } from './compile';
import type { Pack } from './compiled';
import type { PackSource } from './schema';
import { validatePack } from './validate';

let cached: Pack | undefined;
let cachedSource: PackSource | undefined;

/**
 * The built-in `sme-cluster` pack's data. It is bundled as JSON (converted from YAML at build time)
 * and goes through the same validation as a user's pack; a test loads its YAML text too.
 */
export function builtinPackSource(): PackSource {
  if (!cachedSource) {
    // Its patterns' safety is proven by the pack's test, which loads its YAML as a user's pack is
    // loaded; checked again here it would cost every start.
    const { pack, problems } = validatePack(data, { patternsChecked: true });
    if (!pack || problems.length) {
      // Only a broken build can get here; the pack's own test reports the problems with lines.
      throw new Error(
        `The built-in pack is invalid: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`,
      );
    }
    cachedSource = pack;
  }
  return cachedSource;
}

/** The built-in pack, compiled once per process. */
export function builtinPack(): Pack {
  cached ??= compilePack(builtinPackSource());
  return cached;
}
