/** The key under the stack's top-level "//" comment object; Terraform ignores "//" keys. Its own file, so tools read manifests without loading cdktf. */
export const MX_MANIFEST_KEY = 'cloudmail-mx';
