import { existsSync, statSync } from 'node:fs';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EXIT, OutputError, UsageError } from '../shared.js';
import { printInfo } from '../cli/output.js';
import { SCHEMA_FILE_NAME, fillStarter, starterDates } from '../init/starter.js';
import { TemplateStore } from '../render/templates.js';

export interface InitFlags {
  lang: string;
  force?: boolean;
  quiet?: boolean;
}

/**
 * `faq init`: writes a commented starter incident that `faq check` accepts and `faq render`
 * renders as it is. `clock` is the one real clock of faq: the starter is dated today.
 */
export async function runInit(file: string, flags: InitFlags, clock = new Date()): Promise<number> {
  const template = new TemplateStore().read(`${flags.lang}/starter.yaml`);
  if (!template) throw new UsageError(`no starter file for language "${flags.lang}"`);
  const toStdout = file === '-';
  const text = fillStarter(template.text, {
    file: toStdout ? 'incident.yaml' : file,
    dates: starterDates(clock),
    withModeline: !toStdout && existsSync(join(dirname(file), SCHEMA_FILE_NAME)),
  });
  if (toStdout) {
    process.stdout.write(text);
    return EXIT.ok;
  }
  await writeStarter(file, text, flags.force === true);
  if (!flags.quiet) {
    printInfo(`faq: wrote ${file} (${flags.lang})`);
    printInfo(`next: edit the facts, then  faq check ${file}  and  faq render ${file}`);
  }
  return EXIT.ok;
}

async function writeStarter(file: string, text: string, force: boolean): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // mkdir says EEXIST (or ENOTDIR) when a part of the path is a file, not a folder.
    const blocker = code === 'EEXIST' || code === 'ENOTDIR' ? fileOnPath(dirname(file)) : undefined;
    if (blocker)
      throw new OutputError(
        `cannot write ${file}: ${blocker} is a file, not a folder; nothing was changed`,
        'name a path whose folders are folders (--force overwrites only the incident file itself)',
      );
    throw error;
  }
  try {
    if (force) await replaceFile(file, text);
    // 'wx' fails if the file exists, without a window between checking and writing.
    else await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof OutputError) throw error;
    if (code === 'EEXIST')
      throw new OutputError(
        `${file} already exists; nothing was changed`,
        `run \`faq init ${file} --force\` to overwrite it, or name another file`,
      );
    if (code === 'EISDIR') throw new OutputError(`${file} is a folder`, 'name a .yaml file');
    if (code === 'EACCES' || code === 'EPERM')
      throw new OutputError(`cannot write ${file}: permission denied`, 'choose another folder');
    if (code === 'ENOTDIR')
      throw new OutputError(`cannot write ${file}: a file stands where a folder is needed`);
    throw error;
  }
}

/** The first part of a folder path that exists and is not a folder. */
function fileOnPath(dir: string): string | undefined {
  const parts: string[] = [];
  for (let d = dir; !parts.includes(d); d = dirname(d)) parts.unshift(d);
  return parts.find((p) => {
    try {
      return !statSync(p).isDirectory();
    } catch {
      return false;
    }
  });
}

/**
 * `--force` replaces only a regular file (never writes through a symbolic link into another
 * file, never opens a FIFO or device), and all at once: the starter is written next to it and
 * renamed over it, so a full disk leaves the old file as it was.
 */
async function replaceFile(file: string, text: string): Promise<void> {
  const info = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info?.isDirectory()) throw new OutputError(`${file} is a folder`, 'name a .yaml file');
  if (info && !info.isFile())
    throw new OutputError(
      `${file} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; nothing was changed`,
      '--force replaces only a regular file: remove it first, or name another file',
    );
  const temp = join(dirname(file), `.${basename(file)}.faq-${process.pid}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}
