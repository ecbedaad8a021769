import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import uk from "../messages/uk.json";
import en from "../messages/en.json";
import { KEYS_FILE, collectClientMessageKeys, scanSource } from "../scripts/client-message-keys.mjs";
import { pickClientMessages } from "./client-messages";

type Tree = { [key: string]: string | Tree };

describe("the client message keys", () => {
  it("ui/client-message-keys.json is what the client components' source uses (node scripts/client-message-keys.mjs --write)", () => {
    const { keys, problems } = collectClientMessageKeys();
    expect(problems).toEqual([]);
    expect(JSON.parse(readFileSync(KEYS_FILE, "utf8"))).toEqual(keys);
  });

  it("names only messages that exist, in both languages", () => {
    const { keys } = collectClientMessageKeys();
    const missing: string[] = [];
    for (const [namespace, list] of Object.entries(keys)) {
      if (namespace === "*" || list === "*") continue;
      for (const key of list as string[]) {
        for (const [name, tree] of [
          ["uk", uk],
          ["en", en],
        ] as const) {
          let node: unknown = (tree as Tree)[namespace];
          for (const part of key.replace(/\.$/, "").split(".").filter(Boolean)) node = typeof node === "object" && node ? (node as Tree)[part] : undefined;
          if (node === undefined) missing.push(`${name}: ${namespace}.${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("scanSource", () => {
  const scan = (source: string) => {
    const found = scanSource(source, "x.tsx");
    return {
      keys: Object.fromEntries([...found.keys].map(([ns, set]) => [ns, [...set].sort()])),
      whole: [...found.whole],
      any: [...found.anyNamespace],
      problems: found.problems,
    };
  };

  it("reads literal keys, both branches of a condition and a template's fixed start; strings and comments do not count", () => {
    const found = scan(`
      const t = useT("lesson");
      // t is mentioned here, and in "don't t" below
      const a = t("check"), b = t(ok ? "right" : "notQuite"), c = t(\`kinds.\${k}\`, { n: 1 });
      const s = "t";
      useEffect(() => undefined, [t]);`);
    expect(found).toEqual({ keys: { lesson: ["check", "kinds.", "notQuite", "right"] }, whole: [], any: [], problems: [] });
  });

  it("takes the whole namespace for a key it cannot read, or a t handed on", () => {
    expect(scan(`const t = useT("community"); t(part);`).whole).toEqual(["community"]);
    expect(scan(`const t = useT("community"); format(t);`).whole).toEqual(["community"]);
    expect(scan(`const t = useT("authoring.mdx"); t(key);`).keys).toEqual({ authoring: ["mdx."] });
  });

  it("reads full keys without a namespace, and refuses to guess one", () => {
    expect(scan(`const t = useT(); t("admin.title"); t(\`roles.\${r}\`);`).keys).toEqual({ admin: ["title"], roles: ["."] });
    expect(scan(`const t = useT(); t(key);`).problems).toHaveLength(1);
  });

  it("counts a variable namespace's keys in every namespace", () => {
    expect(scan(`const tf = useT(kind); tf("finish");`).any).toEqual(["finish"]);
  });
});

describe("pickClientMessages", () => {
  const tree: Tree = { a: "A", b: "B", kinds: { x: "X", y: "Y" }, deep: { one: { two: "2" }, other: "O" } };

  it("keeps the keys and subtrees asked for, and the keys any namespace may use", () => {
    expect(pickClientMessages(tree, "ns", { ns: ["a", "kinds.", "deep.one.two"], "*": ["b"] })).toEqual({
      a: "A",
      b: "B",
      kinds: { x: "X", y: "Y" },
      deep: { one: { two: "2" } },
    });
  });

  it("keeps a namespace whole when asked to, and nothing of one no client component uses", () => {
    expect(pickClientMessages(tree, "ns", { ns: "*", "*": [] })).toBe(tree);
    expect(pickClientMessages(tree, "ns", { ns: ["."], "*": [] })).toBe(tree);
    expect(pickClientMessages(tree, "other", { ns: ["a"], "*": [] })).toEqual({});
  });
});
