'use strict';
// AutoMTLS, the plugin's half: a one-time self-signed certificate that the
// host learns from the handshake line, and the host's certificate (from
// PLUGIN_CLIENT_CERT) as the only client accepted.

require('reflect-metadata');
const x509 = require('@peculiar/x509');
const { webcrypto } = require('node:crypto');
const grpc = require('@grpc/grpc-js');

x509.cryptoProvider.set(webcrypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

async function selfSigned() {
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: BigInt(now).toString(16), name: 'CN=localhost,O=Portico plugin',
    notBefore: new Date(now - 30_000), notAfter: new Date(now + 10 * 365 * 86_400_000),
    keys, signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').match(/.{1,64}/g).join('\n')}\n-----END PRIVATE KEY-----\n`;
  return { certPem: cert.toString('pem'), keyPem, der: Buffer.from(cert.rawData) };
}

/**
 * credentials returns the server credentials and the handshake's sixth
 * field: the certificate's DER in base64 without padding, or '' without TLS.
 */
async function credentials(clientPem) {
  if (!clientPem) return { creds: grpc.ServerCredentials.createInsecure(), field: '' };
  const { certPem, keyPem, der } = await selfSigned();
  const creds = grpc.ServerCredentials.createSsl(Buffer.from(clientPem),
    [{ cert_chain: Buffer.from(certPem), private_key: Buffer.from(keyPem) }], true);
  return { creds, field: der.toString('base64').replace(/=+$/, '') };
}

module.exports = { credentials };
