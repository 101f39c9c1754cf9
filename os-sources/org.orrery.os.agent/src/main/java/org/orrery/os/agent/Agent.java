// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;

/**
 * Starts a board agent from its slot directory: {@code DIR/identity/} (created on first start),
 * {@code DIR/trust/clients} (who may talk to it), {@code DIR/agent.log} (the audit log).
 */
public final class Agent {

    public static final String IDENTITY_DIR = "identity";
    public static final String CLIENTS_FILE = "trust/clients";
    public static final String LOG_FILE = "agent.log";

    private Agent() {
    }

    /** Starts serving {@code control} and prints the board's fingerprint on standard output. */
    public static AgentServer start(Path dir, InetSocketAddress listen, BoardControl control) throws IOException {
        return start(dir, listen, control, System.out);
    }

    public static AgentServer start(Path dir, InetSocketAddress listen, BoardControl control, PrintStream out)
            throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "board" : abs.getFileName().toString();
        Identity id = Identity.loadOrCreate(abs.resolve(IDENTITY_DIR), name);
        String boardName = id.certificate().getSubjectX500Principal().getName().replaceFirst("^CN=", "");
        AgentServer server = AgentServer.start(id, boardName, new TrustedClients(abs.resolve(CLIENTS_FILE)),
                new AuditLog(abs.resolve(LOG_FILE)), control, listen);
        InetSocketAddress a = server.address();
        out.println("orrery agent: board " + boardName + " listening on " + a.getHostString() + ":" + a.getPort());
        out.println("orrery agent: board fingerprint " + server.fingerprint());
        return server;
    }

    /** Lets the key with this fingerprint talk to the board in {@code dir} with these roles. */
    public static void authorize(Path dir, String fingerprint, Set<Role> roles, String name) throws IOException {
        new TrustedClients(dir.resolve(CLIENTS_FILE)).put(new TrustedClients.Client(fingerprint, roles, name));
    }

    /** Takes the key off the board in {@code dir}; false when it was not authorised there. */
    public static boolean revoke(Path dir, String fingerprint) throws IOException {
        return new TrustedClients(dir.resolve(CLIENTS_FILE)).remove(fingerprint);
    }
}
