// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.internal.tls.Fingerprints;

/**
 * An outside TLS implementation against the board: OpenSSL's {@code s_client} with an authorised key reaches the
 * board over TLS 1.3 with Ed25519 certificates; with a key of its own making it is refused and logged. OpenSSL
 * also computes the board's fingerprint independently. Skipped when {@code openssl} is not installed.
 */
class OpenSslClientTest {

    @TempDir
    Path tmp;

    private TestBoards boards;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(openssl() != null, "openssl is not installed (Debian: apt-get install openssl)");
        boards = new TestBoards(tmp.resolve("board"));
    }

    @AfterEach
    void stop() {
        if (boards != null) {
            boards.close();
        }
    }

    private static String openssl() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, "openssl"))) {
                return Path.of(d, "openssl").toString();
            }
        }
        return null;
    }

    private static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(args));
        cmd.set(0, openssl());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "openssl did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    private String sClient(Path cert, Path key) throws IOException, InterruptedException {
        return run(tmp, "openssl", "s_client", "-connect", "127.0.0.1:" + boards.server.address().getPort(), "-tls1_3",
                "-cert", cert.toString(), "-key", key.toString(), "-brief");
    }

    @Test
    void authorisedKeyReachesTheBoardOverTls13WithEd25519() throws Exception {
        ClientIdentity me = boards.user(tmp.resolve("home"), "openssl-user", Role.MONITOR);
        Path id = tmp.resolve("home/identity");
        String out = sClient(id.resolve(Identity.CERT_FILE), id.resolve(Identity.KEY_FILE));
        assertTrue(out.contains("Protocol version: TLSv1.3"), out);
        // OpenSSL 3.0 prints "Signature type: ed25519", later versions "Peer signature type: Ed25519".
        assertTrue(out.toLowerCase(java.util.Locale.ROOT).contains("signature type: ed25519"), out);
        String line = boards.awaitLogLine(l -> l.contains("handshake -> closed without a request"));
        assertTrue(line.contains("openssl-user(" + me.fingerprint() + ")"), line);
    }

    @Test
    void keyOfItsOwnMakingIsRefusedAndLoggedWithTheFingerprintOpenSslPrints() throws Exception {
        run(tmp, "openssl", "req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "k.pem", "-out", "c.pem",
                "-subj", "/CN=intruder", "-days", "1");
        var cert = CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(tmp.resolve("c.pem"))));
        String fp = Fingerprints.of(cert.getPublicKey());
        sClient(tmp.resolve("c.pem"), tmp.resolve("k.pem"));
        String line = boards.awaitLogLine(l -> l.contains("handshake -> refused"));
        assertTrue(line.contains("key " + fp + " is not in "), line);
        assertTrue(boards.log().stream().noneMatch(l -> l.contains("HELLO")));
    }

    @Test
    void openSslComputesTheSameBoardFingerprint() throws Exception {
        Path cert = tmp.resolve("board/identity").resolve(Identity.CERT_FILE);
        run(tmp, "openssl", "x509", "-in", cert.toString(), "-pubkey", "-noout", "-out", "pub.pem");
        run(tmp, "openssl", "pkey", "-pubin", "-in", "pub.pem", "-outform", "DER", "-out", "pub.der");
        run(tmp, "openssl", "dgst", "-sha256", "-binary", "-out", "pub.sha", "pub.der");
        String b64 = java.util.Base64.getEncoder().withoutPadding().encodeToString(Files.readAllBytes(tmp.resolve("pub.sha")));
        assertEquals(boards.server.fingerprint(), "SHA256:" + b64);
    }
}
