// Where the console's bearer token comes from: this tab's session storage (session.ts), filled by
// the development issuer's sign-in or by the agency's OpenID provider. A token from the provider
// can be renewed with its refresh token; one from the development issuer cannot.
import type { UserManager } from 'oidc-client-ts';
import { currentManager } from './oidc-session';
import { storedExpiry, storedToken, storeToken } from './session';

export interface TokenSource {
  /** The token to send now, or null when there is none. */
  token(): string | null;
  /** When it expires (ms since the epoch), if its issuer said. */
  expiresAt(): number | null;
  /** Asks the agency's provider for a new token; false when this sign-in cannot be renewed. */
  renew(): Promise<boolean>;
  /**
   * Follows the provider's own renewal, which oidc-client-ts runs a minute before expiry:
   * `onRenewed` after each new token, `onLost` when the provider refused to renew. Returns the stop.
   */
  follow(onRenewed: () => void, onLost: () => void): () => void;
}

type ProviderUser = { access_token: string; expires_at?: number | undefined };
const keep = (user: ProviderUser) => storeToken(user.access_token, user.expires_at ? user.expires_at * 1000 : undefined);

export function sessionTokenSource(manager: UserManager | null = currentManager()): TokenSource {
  return {
    token: storedToken,
    expiresAt: storedExpiry,
    async renew() {
      if (!manager) return false;
      try {
        const user = await manager.signinSilent();
        if (!user) return false;
        keep(user);
        return true;
      } catch {
        return false;
      }
    },
    follow(onRenewed, onLost) {
      if (!manager) return () => {};
      const renewed = (user: ProviderUser) => {
        keep(user);
        onRenewed();
      };
      manager.events.addUserLoaded(renewed);
      manager.events.addSilentRenewError(onLost);
      // The tab's one manager may have been stopped by an earlier follow; loading the stored user
      // then arms its renewal timer.
      manager.startSilentRenew();
      void manager.getUser();
      return () => {
        manager.events.removeUserLoaded(renewed);
        manager.events.removeSilentRenewError(onLost);
        manager.stopSilentRenew();
      };
    },
  };
}
