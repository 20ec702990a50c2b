/**
 * Types of the virtual module served by the Kota Kit Vite plugin. A host references them with
 * `/// <reference types="@kota-kit/core/vite-client" />` in a .d.ts file of its src folder.
 */
declare module 'virtual:kota-kit/client' {
  import type { ClientModule } from '@kota-kit/core/client';
  export const clientModules: ClientModule[];
}

/** Core's and the chosen modules' styles (no code): the host's entry imports them so the page links them. */
declare module 'virtual:kota-kit/styles' {}
