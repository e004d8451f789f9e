/**
 * Which faq this is: the package version and a hash of the code it was built from. Part of every
 * render-cache key, so that output from another build is never reused. Empty in the source:
 * scripts/build.mjs fills it in (in lib/ and in the CLI bundle); without it the cache is off.
 */
export const BUILD_INFO: Readonly<{ version: string; code: string }> = { version: '', code: '' };
