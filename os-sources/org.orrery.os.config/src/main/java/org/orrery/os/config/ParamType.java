// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** How an NVRAM parameter's value is read. Ordinals are part of the binary format: append new constants only. */
public enum ParamType {
    /** Any UTF-8 text. */
    TEXT,
    /** A signed 64-bit decimal integer. */
    INTEGER
}
