/**
 * The folder a `files` glob names before its first pattern, relative to the config's folder: `docs/features/**\/*.md`
 * → `docs/features`, `*.md` → `` (the config's own folder). Undefined when the glob starts with a pattern
 * (`**\/*.md`, `{a,b}/*.md`): it names no folder. Whether a plan there is covered is the host's match to make.
 */
export function globFolder(glob: string): string | undefined {
  const segments = glob.replace(/\\/g, '/').split('/').filter((s) => s && s !== '.');
  const folder: string[] = [];
  // The last segment is the file's name (or its pattern): never a folder.
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    folder.push(segment);
  }
  if (folder.length < segments.length - 1) return folder.length ? folder.join('/') : undefined;
  return folder.join('/');
}

/**
 * Where a plan of a `templates` entry goes, relative to the config's folder: `preferred` (the plans folder) when the
 * entry's globs name a plan there, else the first folder a glob starts with that names it; undefined when none does.
 * `names` says whether a relative path is a plan of this entry (its globs match, and no earlier entry claims it).
 */
export function planFolderForGlobs(globs: readonly string[], fileName: string, names: (relative: string) => boolean, preferred?: string): string | undefined {
  const inFolder = (folder: string) => (folder ? `${folder}/${fileName}` : fileName);
  const candidates = [...(preferred !== undefined ? [preferred] : []), ...globs.map(globFolder).filter((f): f is string => f !== undefined)];
  return candidates.find((folder) => names(inFolder(folder)));
}
