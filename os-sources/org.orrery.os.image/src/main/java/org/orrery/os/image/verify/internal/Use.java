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
}
