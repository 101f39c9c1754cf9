// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.regex.Pattern;

/** Key fingerprints as ssh prints them: {@code SHA256:} + unpadded base64 of the SubjectPublicKeyInfo's hash. */
public final class Fingerprints {

    private static final Pattern FORM = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    private Fingerprints() {
    }

    public static String of(PublicKey key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    public static boolean isWellFormed(String fingerprint) {
        return fingerprint != null && FORM.matcher(fingerprint).matches();
    }
}
