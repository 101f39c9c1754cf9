// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust by pinning: a peer is accepted when the fingerprint of the key in its certificate passes the check,
 * whatever the certificate says about names, dates or issuers. The check sees the socket so the server can log
 * who was refused.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {

    /** Decides on one presented key; throws with the reason to refuse it. */
    @FunctionalInterface
    public interface Check {
        void accept(String fingerprint, Socket socket) throws CertificateException;
    }

    private static final X509Certificate[] NO_ISSUERS = {};

    private final Check check;

    public PinnedTrust(Check check) {
        this.check = check;
    }

    private void verify(X509Certificate[] chain, Socket socket) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer presented no certificate");
        }
        check.accept(Fingerprints.of(chain[0].getPublicKey()), socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        verify(chain, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        verify(chain, null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, null);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
