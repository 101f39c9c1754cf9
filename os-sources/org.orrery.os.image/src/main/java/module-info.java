// SPDX-License-Identifier: EPL-2.0
/** The signed system image: format, Ed25519 signing and verification, builder and loader. */
module org.orrery.os.image {
    requires transitive org.orrery.os.config;
    requires transitive org.orrery.os.trace;
    requires java.compiler;
    exports org.orrery.os.image;
    exports org.orrery.os.image.verify;
}
