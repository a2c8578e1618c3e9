// Reads a whole archive without writing anything and proves it intact: every document line
// decodes, and each collection's count and checksum equal the manifest's. Restore calls this
// first, so a damaged file is refused before the database is touched.
import { CollectionDigest, parseDocumentLine, type Manifest } from './archive-format';
import { ArchiveRejected, readArchive } from './read-archive';

export interface VerifyProgress {
  collection: string;
  documents: number;
}

export async function verifyArchive(file: string, onProgress?: (progress: VerifyProgress) => void): Promise<Manifest> {
  const sections: { name: string; digest: CollectionDigest }[] = [];
  let manifest: Manifest | undefined;
  for await (const event of readArchive(file)) {
    if (event.kind === 'collection') {
      if (sections.some((s) => s.name === event.name))
        throw new ArchiveRejected(`collection ${event.name} appears twice`);
      sections.push({ name: event.name, digest: new CollectionDigest() });
    } else if (event.kind === 'document') {
      const section = sections[sections.length - 1];
      try {
        parseDocumentLine(event.line);
      } catch (err) {
        throw new ArchiveRejected(
          `document ${section.digest.count + 1} of ${section.name} does not decode: ${(err as Error).message}`,
        );
      }
      section.digest.add(event.line);
      if (section.digest.count % 1000 === 0)
        onProgress?.({ collection: section.name, documents: section.digest.count });
    } else {
      manifest = event.manifest;
    }
  }
  // readArchive ends only after a manifest, or throws.
  const listed = manifest!.collections;
  const names = (list: { name: string }[]) => list.map((c) => c.name).join(', ');
  if (listed.length !== sections.length || listed.some((c, i) => c.name !== sections[i].name)) {
    throw new ArchiveRejected(
      `the manifest lists collections [${names(listed)}] but the archive holds [${names(sections)}]`,
    );
  }
  for (const [i, expected] of listed.entries()) {
    const found = sections[i].digest;
    if (found.count !== expected.count)
      throw new ArchiveRejected(`${expected.name}: ${found.count} documents, the manifest says ${expected.count}`);
    if (found.checksum !== expected.checksum)
      throw new ArchiveRejected(`${expected.name}: checksum does not match the manifest`);
  }
  return manifest!;
}
