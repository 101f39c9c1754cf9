// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

/** A field or method as a class file names it: owner (internal name), name and descriptor. */
public record MemberRef(boolean field, String owner, String name, String descriptor) {
}
