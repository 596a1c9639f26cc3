// Profiling build (bench/profile.ts): the project's own Vite config, unminified and written outside dist/, so a
// CPU profile of the content script names real functions. Never shipped.
import { mergeConfig, type UserConfig } from 'vite';
import base from '../vite.config.ts';

export default mergeConfig(base as UserConfig, {
  build: { minify: false, outDir: process.env.PAPERSHELF_PROFILE_OUT ?? '/tmp/papershelf-profile-build', emptyOutDir: true },
});
