// Files the user chose (several at once, a folder) or dropped (files and whole folders),
// flattened into one list with their path inside the folder.

export const IMPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'] as const;
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',');

export interface PickedFile {
  file: File;
  path: string;
}

export interface Picked {
  files: PickedFile[];
  /** Files inside folders that are not a supported type (and hidden files), left out. */
  skipped: number;
}

export function isSupportedName(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

const isHidden = (name: string) => name.startsWith('.') || name.startsWith('~$');

function byPath(a: PickedFile, b: PickedFile): number {
  return a.path.localeCompare(b.path, 'zh-CN', { numeric: true });
}

/** From an <input type=file>: files picked one by one are all kept (the backend explains what it cannot read); folder contents are filtered. */
export function pickedFromInput(list: FileList | null): Picked {
  const files: PickedFile[] = [];
  let skipped = 0;
  for (const file of Array.from(list ?? [])) {
    const inFolder = Boolean(file.webkitRelativePath);
    if (inFolder && (isHidden(file.name) || !isSupportedName(file.name))) {
      skipped++;
      continue;
    }
    files.push({ file, path: file.webkitRelativePath || file.name });
  }
  return { files: inFolderOrder(files), skipped };
}

function inFolderOrder(files: PickedFile[]): PickedFile[] {
  return files.some((f) => f.path.includes('/')) ? [...files].sort(byPath) : files;
}

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries hands out a directory in batches (about 100 in Chromium) until it returns none.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: Picked, depth: number): Promise<void> {
  if (isHidden(entry.name)) {
    if (entry.isFile) out.skipped++;
    return;
  }
  if (entry.isFile) {
    if (depth > 0 && !isSupportedName(entry.name)) {
      out.skipped++;
      return;
    }
    try {
      const file = await entryFile(entry as FileSystemFileEntry);
      out.files.push({ file, path: entry.fullPath.replace(/^\//, '') || file.name });
    } catch {
      out.skipped++;
    }
    return;
  }
  if (entry.isDirectory && depth < 32) {
    for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await walk(child, out, depth + 1);
  }
}

/**
 * From a drop. The entries must be taken synchronously inside the drop event (the
 * DataTransfer is emptied afterwards), so call this before any await.
 */
export function pickedFromDrop(dt: DataTransfer): Promise<Picked> {
  const entries: FileSystemEntry[] = [];
  const plain: File[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) plain.push(f);
    }
  }
  if (entries.length === 0 && plain.length === 0) plain.push(...Array.from(dt.files ?? []));
  return (async () => {
    const out: Picked = { files: plain.map((file) => ({ file, path: file.name })), skipped: 0 };
    for (const e of entries) await walk(e, out, 0);
    out.files = inFolderOrder(out.files);
    return out;
  })();
}
