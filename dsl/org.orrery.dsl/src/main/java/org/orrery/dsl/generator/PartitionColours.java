// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.generator;

/**
 * The one partition palette: the generated schedule SVGs, Studio's schedule editor and the trace timeline all
 * colour partition number {@code i} (its index in the configuration) alike, so a partition looks the same in
 * the configuration and in a run. Red and grey are kept out of the hues: red marks problems and deviations,
 * grey is for virtual machines.
 */
public final class PartitionColours {

    private static final int[] HUES = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xb07aa1, 0x76b7b2, 0xedc948, 0x9c755f, 0xff9da7};

    /** Windows that belong to a virtual machine rather than a partition. */
    public static final int VM = 0xbab0ac;

    private PartitionColours() {
    }

    /** 0xRRGGBB of the partition at {@code index}; the hues repeat for large systems. */
    public static int rgb(int index) {
        return HUES[Math.floorMod(index, HUES.length)];
    }

    /** {@code #rrggbb}, for SVG and HTML. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }

    public static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    public static int green(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    public static int blue(int rgb) {
        return rgb & 0xff;
    }
}
