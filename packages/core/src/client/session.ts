import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../types.js';
import { apiFetch } from './api.js';

export const sessionQueryKey = ['kota-kit', 'session'] as const;

export interface RegisterInput {
  name: string;
  email: string;
  password: string;
}

/** Who is signed in, as a query (also started by `startClient` before the first render). */
export const sessionQuery = {
  queryKey: sessionQueryKey,
  queryFn: async () => (await apiFetch<{ user: SessionUser | null }>('/api/auth/me')).user,
  staleTime: 5 * 60_000,
};

/** The signed-in user (or null) and the actions that change it. */
export function useSession() {
  const queryClient = useQueryClient();
  const query = useQuery(sessionQuery);
  // Everything cached may depend on who is signed in, so start over after a change.
  const setUser = (user: SessionUser | null) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
    queryClient.setQueryData(sessionQueryKey, user);
  };
  const signIn = useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      apiFetch<{ user: SessionUser }>('/api/auth/login', { method: 'POST', body: input }),
    onSuccess: ({ user }) => setUser(user),
  });
  // Registration never signs in: the server answers the same for a taken email, so the next step is signing in.
  const register = useMutation({
    mutationFn: (input: RegisterInput) => apiFetch<{ status: 'accepted' }>('/api/auth/register', { method: 'POST', body: input }),
  });
  const signOut = useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
    onSuccess: () => setUser(null),
  });
  // UU PDP right to deletion: the server forgets the account everywhere and ends the session.
  const deleteAccount = useMutation({
    mutationFn: (password: string) => apiFetch<void>('/api/auth/account', { method: 'DELETE', body: { password } }),
    onSuccess: () => setUser(null),
  });
  return {
    user: query.data ?? null,
    isLoading: query.isPending,
    signIn: async (email: string, password: string) => (await signIn.mutateAsync({ email, password })).user,
    register: async (input: RegisterInput) => {
      await register.mutateAsync(input);
    },
    signOut: () => signOut.mutateAsync(),
    deleteAccount: (password: string) => deleteAccount.mutateAsync(password),
    isSigningOut: signOut.isPending,
  };
}
