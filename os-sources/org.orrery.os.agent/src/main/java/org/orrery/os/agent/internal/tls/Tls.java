// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.tls;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/** TLS 1.3 only, both sides authenticated, keys pinned. */
public final class Tls {

    public static final String PROTOCOL = "TLSv1.3";

    private Tls() {
    }

    public static SSLContext context(PrivateKey key, X509Certificate certificate, PinnedTrust trust)
            throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance(PROTOCOL);
        ctx.init(new KeyManager[] {new SingleKeyManager(key, certificate)}, new TrustManager[] {trust}, null);
        return ctx;
    }

    /** Parameters for either side: TLS 1.3 only; the server also demands a client certificate. */
    public static SSLParameters parameters(SSLContext ctx, boolean server) {
        SSLParameters p = ctx.getDefaultSSLParameters();
        p.setProtocols(new String[] {PROTOCOL});
        if (server) {
            p.setNeedClientAuth(true);
        }
        return p;
    }
}
