/** Where the repository lives on the web, from the root package.json's `repository`: links that work on npm too. */
export interface Links {
  /** `https://github.com/<owner>/<name>` */
  web: string;
  /** The branch the links point at. */
  branch: string;
}

/** The web address of a `repository` field: `git+https://github.com/o/n.git` → `https://github.com/o/n`. */
export function linksOf(repository: unknown, branch = "main"): Links {
  const url = typeof repository === "string" ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== "string" || !/^(git\+)?https:\/\/[^\s]+$/.test(url)) {
    throw new Error(
      `package.json needs a repository URL (https) for the packages' links; found ${JSON.stringify(url)}.`,
    );
  }
  return { web: url.replace(/^git\+/, "").replace(/\.git$/, ""), branch };
}

/** A file of the repository, as a page: `generated/edume/docs/course.added.md`. */
export const fileUrl = (links: Links, path: string): string => `${links.web}/blob/${links.branch}/${path}`;

/** A folder of the repository, showing its README. */
export const folderUrl = (links: Links, path: string): string => `${links.web}/tree/${links.branch}/${path}#readme`;

/** The npm `repository`, `homepage` and `bugs` of the package in `generated/<path>`. */
export const packageLinks = (links: Links, path: string) => ({
  repository: { type: "git", url: `git+${links.web}.git`, directory: `generated/${path}` },
  homepage: folderUrl(links, `generated/${path}`),
  bugs: { url: `${links.web}/issues` },
});
