/** Modules already loaded, by path: a fleet binds tens of thousands of records, and each require() resolves the path again. */
const loaded = new Map<string, unknown>();

/**
 * Loads a provider binding only when a target of that provider is bound, so
 * a Cloudflare-only user never needs @cdktf/provider-aws and vice versa.
 */
export function loadOptionalPeer<T>(modulePath: string, packageName: string, usedBy: string): T {
  if (loaded.has(modulePath)) return loaded.get(modulePath) as T;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(modulePath) as T;
    loaded.set(modulePath, module);
    return module;
  } catch (error) {
    if (isMissingModule(error, packageName)) {
      throw new Error(`${usedBy} needs the optional peer dependency ${packageName}, which is not installed. Fix: npm install --save-exact ${packageName} (the version cloudmail-mx lists in peerDependencies).`);
    }
    throw error;
  }
}

function isMissingModule(error: unknown, packageName: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && error.message.includes(packageName);
}
