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

/** One `.connector-plan.json` as where-plans-go needs it: its `files` globs, its `template` and its `templates` entries. */
export interface TemplatePlaces<T> {
  files: readonly string[];
  template?: T;
  templates: readonly { files: readonly string[]; template: T }[];
}

/**
 * Where a plan of `template` goes under one config so that, read again, it is a plan of that template: relative to the
 * config's folder, `preferred` (the plans folder) when it names the plan there, else the folder a glob starts with.
 * A `templates` entry names the files its globs match and no earlier entry claims; the single `template` names the
 * files no entry claims, within the config's `files` globs when it has some. `uncovered`: the globs name no folder for
 * it; `free`: the single template with no `files` and no entry in the way of the plans folder; undefined when this
 * config does not name the template. `matches` is the host's glob match (a relative path against globs).
 */
export function planPlaceInConfig<T>(
  config: TemplatePlaces<T>,
  isTemplate: (template: T) => boolean,
  fileName: string,
  matches: (relative: string, globs: readonly string[]) => boolean,
  preferred?: string,
): { folder: string } | { free: true } | { uncovered: string[] } | undefined {
  const index = config.templates.findIndex((entry) => isTemplate(entry.template));
  const claimedBefore = (relative: string, end: number) => config.templates.slice(0, end).some((entry) => matches(relative, entry.files));
  if (index >= 0) {
    const { files } = config.templates[index];
    const folder = planFolderForGlobs(files, fileName, (relative) => matches(relative, files) && !claimedBefore(relative, index), preferred);
    return folder !== undefined ? { folder } : { uncovered: [...files] };
  }
  if (config.template === undefined || !isTemplate(config.template)) return undefined;
  const { files } = config;
  const names = (relative: string) => (!files.length || matches(relative, files)) && !claimedBefore(relative, config.templates.length);
  const folder = planFolderForGlobs(files, fileName, names, preferred);
  if (folder !== undefined) return { folder };
  return files.length ? { uncovered: [...files] } : { free: true };
}
