// `./corridor secretariat sign-csr --ca DIR --csr FILE --agency ID --out FILE`: the network CA
// signs one of an agency's requests (made by `./corridor certs`). Only the agency's own names are
// signed, `CN=node-<ID>` (its node's HTTPS) and `CN=<ID>` (its leaf, which the hub binds to the
// agency's account by that subject): a member cannot obtain a certificate naming another.
import { existsSync } from 'node:fs';
import { agencyId, type Membership, SettingsError } from '@corridor/proto';
import { nodeCertificateName } from '../agency-certs.js';
import { openNetworkCa, type SignedCsr } from '../network-ca.js';
import { SECRETARIAT_VALIDITY } from './init.js';
import { readSignedMembershipFile } from './signed-membership-file.js';

/**
 * With `membershipFile` (the signed membership in force), a request naming a host where another
 * member's node is listed is refused too: until every client pins each member's own key, a
 * certificate of the network CA for that name would let its holder stand in for that node.
 */
export function signAgencyCsr(opts: {
  caDir: string;
  csrFile: string;
  agency: string;
  outFile: string;
  membershipFile?: string | undefined;
}): SignedCsr {
  if (!agencyId.safeParse(opts.agency).success) throw new SettingsError(`--agency: ${opts.agency} is not an agency id`);
  if (!existsSync(`${opts.caDir}/ca.key`))
    throw new SettingsError(`--ca: ${opts.caDir} holds no CA key (made by \`./corridor secretariat init\`)`);
  if (existsSync(opts.outFile)) throw new SettingsError(`--out: ${opts.outFile} exists already; certificates are never overwritten`);
  return openNetworkCa(opts.caDir, SECRETARIAT_VALIDITY.memberDays).signCsr({
    csrFile: opts.csrFile,
    certFile: opts.outFile,
    names: [nodeCertificateName(opts.agency), opts.agency],
    refusedHosts: opts.membershipFile ? othersHosts(readSignedMembershipFile(opts.membershipFile, '--membership'), opts.agency) : [],
  });
}

/** Where the other members' nodes are listed; loopback names stand in for no one off the machine. */
function othersHosts(membership: Membership, agency: string): string[] {
  return membership.agencies
    .filter((a) => a.id !== agency)
    .map((a) => new URL(a.nodeUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase())
    .filter((h) => !['localhost', '127.0.0.1', '::1'].includes(h));
}
