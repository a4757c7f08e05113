// `./corridor secretariat sign-csr --ca DIR --csr FILE --agency ID --out FILE`: the network CA
// signs one of an agency's requests (made by `./corridor certs`). Only the agency's own names are
// signed, `CN=node-<ID>` (its node's HTTPS) and `CN=<ID>` (its leaf, which the hub binds to the
// agency's account by that subject): a member cannot obtain a certificate naming another.
import { existsSync } from 'node:fs';
import { agencyId, SettingsError } from '@corridor/proto';
import { nodeCertificateName } from '../agency-certs.js';
import { openNetworkCa, type SignedCsr } from '../network-ca.js';
import { SECRETARIAT_VALIDITY } from './init.js';

export function signAgencyCsr(opts: { caDir: string; csrFile: string; agency: string; outFile: string }): SignedCsr {
  if (!agencyId.safeParse(opts.agency).success) throw new SettingsError(`--agency: ${opts.agency} is not an agency id`);
  if (!existsSync(`${opts.caDir}/ca.key`))
    throw new SettingsError(`--ca: ${opts.caDir} holds no CA key (made by \`./corridor secretariat init\`)`);
  if (existsSync(opts.outFile)) throw new SettingsError(`--out: ${opts.outFile} exists already; certificates are never overwritten`);
  return openNetworkCa(opts.caDir, SECRETARIAT_VALIDITY.memberDays).signCsr({
    csrFile: opts.csrFile,
    certFile: opts.outFile,
    names: [nodeCertificateName(opts.agency), opts.agency],
  });
}
