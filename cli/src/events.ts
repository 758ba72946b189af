// `coursehooks events`: each package's events by their wire names, with sub-types and documented examples.
import { loadTesting, providerPath, providerPaths } from "./providers.js";

/** One block per provider: its package, then one line per event (name, schema where it differs, example). */
export async function listEvents(provider?: string): Promise<string> {
  const paths = provider === undefined ? [...providerPaths] : [providerPath(provider)];
  const blocks: string[] = [];
  for (const path of paths) {
    const { events } = await loadTesting(path);
    const width = Math.max(...events.map((e) => e.name.length)) + 2;
    const lines = events.map((e) => {
      const notes = [e.example ? "example" : "no example", ...(e.schema !== e.name ? [`schema ${e.schema}`] : [])];
      return `  ${e.name.padEnd(width)}${notes.join(", ")}`;
    });
    const withExample = events.filter((e) => e.example).length;
    blocks.push(
      [`${path} (@coursehooks/${path}): ${events.length} events, ${withExample} with examples`, ...lines].join("\n"),
    );
  }
  return blocks.join("\n\n");
}
