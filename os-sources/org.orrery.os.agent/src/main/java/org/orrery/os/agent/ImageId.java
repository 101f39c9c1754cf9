// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

/**
 * An image as boards and registries name it: from its manifest, plus its digest ({@code sha256}: the SHA-256 of its
 * signed bytes that its trailer declares and its signature covers, lower-case hex).
 */
public record ImageId(String system, String version, String sha256, long securityCounter) {
}
