// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

/** An image as boards and registries name it: from its manifest, plus the SHA-256 of the whole file. */
public record ImageId(String system, String version, String sha256, long securityCounter) {
}
