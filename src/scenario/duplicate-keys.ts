import YAML from "yaml";

/**
 * The offset of the first key that repeats an earlier key of its map (scalar keys equal by value, as
 * the `yaml` package's own `uniqueKeys` check compares them), or null when every map's keys are
 * unique. One Set per map: O(keys), where the package's check is O(keys²) per map.
 */
export function firstDuplicateKey(doc: YAML.Document): number | null {
  let found: number | null = null;
  YAML.visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!YAML.isScalar(key)) continue;
        if (seen.has(key.value)) {
          found = key.range?.[0] ?? 0;
          return YAML.visit.BREAK;
        }
        seen.add(key.value);
      }
      return undefined;
    },
  });
  return found;
}
