// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** A v3 certificate without extensions for an Ed25519 key pair, signed by itself. */
public final class SelfSignedCertificate {

    private static final String ED25519_OID = "1.3.101.112";
    private static final String COMMON_NAME_OID = "2.5.4.3";

    private SelfSignedCertificate() {
    }

    public static X509Certificate create(KeyPair pair, String commonName) throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(ED25519_OID));
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME_OID), Der.utf8(commonName))));
        // Peers pin the key, not the dates: valid from yesterday (clock skew) to the end of time (RFC 5280 4.1.2.5).
        String from = ZonedDateTime.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));
        byte[] validity = Der.sequence(Der.utcTime(from), Der.generalizedTime("99991231235959"));
        byte[] serial = Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE));
        byte[] tbs = Der.sequence(Der.explicit(0, Der.integer(BigInteger.TWO)), serial, algorithm, name, validity,
                name, pair.getPublic().getEncoded());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        cert.verify(pair.getPublic());
        return cert;
    }
}
