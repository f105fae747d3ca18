import { MX_MANIFEST_KEY } from '../../lib/mx-manifest-key';
import type { MxManifestEntry, MxRecordText } from '../../lib/mx-manifest';
import { MxRecord } from '../../lib/model/mx-server';

/** The manifest entries of one parsed `cdk.tf.json`, in construct path order. */
export function readMxManifest(stackJson: { readonly '//'?: Record<string, unknown> }): MxManifestEntry[] {
  const entries = (stackJson['//']?.[MX_MANIFEST_KEY] ?? {}) as Record<string, MxManifestEntry>;
  return Object.values(entries).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reads back a record written as {@link MxRecordText}. */
export function parseMxRecordText(text: MxRecordText): MxRecord {
  const [priority, hostName] = text.split(' ');
  return { hostName, priority: Number(priority) };
}
