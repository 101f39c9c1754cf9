// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

/**
 * Something a class uses: a class ({@code member == null}) or a field or method of {@code owner}.
 * Owners are internal names; array types are reduced to their element class before they get here.
 */
public record Use(String owner, String member, String descriptor) {

    public static Use type(String owner) {
        return new Use(owner, null, null);
    }

    /** How a message names it: {@code java.io.File}, {@code java.lang.System.exit}, {@code new java.util.Random()}. */
    public String subject() {
        String type = Names.binary(owner).replace('$', '.');
        if (member == null) {
            return type;
        }
        if (member.equals("<init>")) {
            return "new " + type + "(" + String.join(", ", Names.parameterTypes(descriptor)) + ")";
        }
        return type + "." + member;
    }

    // Written out rather than generated: a record's generated hashCode is bootstrapped on first use, which
    // a fresh `orrery build` would pay for inside the verifier's share of the build.
    @Override
    public boolean equals(Object o) {
        return o instanceof Use u && owner.equals(u.owner) && java.util.Objects.equals(member, u.member)
                && java.util.Objects.equals(descriptor, u.descriptor);
    }

    @Override
    public int hashCode() {
        return (owner.hashCode() * 31 + java.util.Objects.hashCode(member)) * 31 + java.util.Objects.hashCode(descriptor);
    }
}
