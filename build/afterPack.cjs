// Flips Electron's fuses in the packaged binary, before signing. Fuses are
// compiled-in switches that no command line or environment variable can turn
// back on, so a copy of Liaison cannot be started as a plain Node runtime
// (ELECTRON_RUN_AS_NODE), fed code through NODE_OPTIONS or --inspect, or made
// to load an app folder placed beside a tampered asar.

/** The file that carries the fuse wire, for the platform being packed. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return `${appOutDir}/${productFilename}.app`;
    case 'win32':
      return `${appOutDir}/${productFilename}.exe`;
    case 'linux':
      return `${appOutDir}/${packager.executableName}`;
    default:
      throw new Error(`afterPack: no fuse location known for platform "${electronPlatformName}".`);
  }
}

/** @param {import('app-builder-lib').AfterPackContext} context */
async function afterPack(context) {
  // @electron/fuses is ESM-only; a dynamic import works from CommonJS.
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const { Arch } = await import('electron-builder');
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  const binary = electronBinaryPath(context);

  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Flipping fuses changes the binary, which breaks the ad-hoc signature
    // Apple silicon requires before the real signing step runs.
    resetAdHocDarwinSignature: isMac && (context.arch === Arch.arm64 || context.arch === Arch.universal),
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Cookies are not used, but if anything ever sets one it is encrypted at rest.
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The app is served from app://, never file://.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
  console.log(`  • fuses flipped  file=${binary}`);
}

module.exports = afterPack;
