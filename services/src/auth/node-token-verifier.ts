// Who this node believes: a user of its own agency with their access token (verified against the
// agency's issuer), or a user of another agency with a delegated token that the user's own node
// signed for this node alone (proto delegation-token.ts). A user access token of another agency is
// refused: it was meant for that agency's side only, and whoever shows it here may have recorded it.
import { AuthError, bearerToken, isDelegationToken, type TokenVerifier } from '@corridor/proto';

export function createNodeTokenVerifier(selfAgency: string, access: TokenVerifier, delegated: TokenVerifier): TokenVerifier {
  return {
    async verify(authorization) {
      const token = bearerToken(authorization);
      if (token && isDelegationToken(token)) return delegated.verify(authorization);
      const claims = await access.verify(authorization);
      if (claims.agency !== selfAgency)
        throw new AuthError(
          'wrong_audience',
          `a user access token of agency ${claims.agency} is accepted only at that agency's own node; ` +
            `this node (${selfAgency}) accepts a token delegated to it by the user's node (RFC 8693 token exchange)`,
        );
      return claims;
    },
  };
}
