import { createContext, useContext } from 'react';
import type { ClientBootstrap } from '../types.js';
import type { ClientModule } from './module.js';

declare global {
  interface Window {
    /** Put in the page by the server (see `<!--kota-kit:head-->`). */
    __KOTA_KIT__?: ClientBootstrap;
  }
}

/** Reads what the server injected; fails loudly because nothing works without it. */
export function readBootstrap(): ClientBootstrap {
  const bootstrap = typeof window === 'undefined' ? undefined : window.__KOTA_KIT__;
  if (!bootstrap) {
    throw new Error(
      'Kota Kit: window.__KOTA_KIT__ is missing. Serve the page through the Kota Kit server, ' +
        'and keep the <!--kota-kit:head--> comment in the <head> of index.html.',
    );
  }
  return bootstrap;
}

export interface KotaKitContextValue {
  bootstrap: ClientBootstrap;
  modules: ClientModule[];
}

export const KotaKitContext = createContext<KotaKitContextValue | null>(null);

function useKotaKit(): KotaKitContextValue {
  const value = useContext(KotaKitContext);
  if (!value) throw new Error('Kota Kit hooks must be used inside the app started by startClient().');
  return value;
}

/** The region, module options and flags the server sent. */
export function useBootstrap(): ClientBootstrap {
  return useKotaKit().bootstrap;
}

/** The client modules the host composed. */
export function useClientModules(): ClientModule[] {
  return useKotaKit().modules;
}

/** A module's public options as the host configured them. */
export function useModuleOptions<T = unknown>(moduleId: string): T {
  const entry = useKotaKit().bootstrap.modules.find((module) => module.id === moduleId);
  if (!entry) throw new Error(`Kota Kit: module "${moduleId}" is not part of this host.`);
  return entry.options as T;
}
