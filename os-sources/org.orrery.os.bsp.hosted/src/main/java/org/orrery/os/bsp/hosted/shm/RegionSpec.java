// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import org.orrery.os.config.Limits;

/**
 * What a port region must hold: its kind, the channel's maximum message size and (queuing) depth. The creator
 * writes it into the region header; an opener passes the values its own configuration says and is refused when
 * the file disagrees.
 *
 * @param maxMessageSize bytes, 1..{@link Limits#MAX_MESSAGE_SIZE}
 * @param depth messages a queuing destination holds, 1..{@link Limits#MAX_QUEUE_DEPTH}; 0 for sampling
 */
public record RegionSpec(RegionKind kind, int maxMessageSize, int depth) {

    public RegionSpec {
        if (kind == null) {
            throw new IllegalArgumentException("region kind is missing");
        }
        if (maxMessageSize < 1 || maxMessageSize > Limits.MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("maxMessageSize " + maxMessageSize + " outside 1.."
                    + Limits.MAX_MESSAGE_SIZE);
        }
        boolean sampling = kind == RegionKind.SAMPLING || kind == RegionKind.TRAFFIC;
        if (sampling ? depth != 0 : depth < 1 || depth > Limits.MAX_QUEUE_DEPTH) {
            throw new IllegalArgumentException("depth " + depth + (sampling
                    ? " must be 0 for a sampling region" : " outside 1.." + Limits.MAX_QUEUE_DEPTH));
        }
    }

    public static RegionSpec sampling(int maxMessageSize) {
        return new RegionSpec(RegionKind.SAMPLING, maxMessageSize, 0);
    }

    public static RegionSpec queue(int maxMessageSize, int depth) {
        return new RegionSpec(RegionKind.QUEUE, maxMessageSize, depth);
    }

    /** The traffic counter of one port of a channel with messages of at most {@code maxMessageSize}. */
    public static RegionSpec traffic(int maxMessageSize) {
        return new RegionSpec(RegionKind.TRAFFIC, maxMessageSize, 0);
    }

    /** The consumer region of a queue carries the ring's sizes too, so a consumer file of another channel is refused. */
    public static RegionSpec consumer(int maxMessageSize, int depth) {
        return new RegionSpec(RegionKind.QUEUE_CONSUMER, maxMessageSize, depth);
    }

    /** Bytes between two message buffers of this region (0 for a consumer region). */
    int stride() {
        return switch (kind) {
            case SAMPLING -> Layout.align(Layout.SAMPLING_DATA + maxMessageSize);
            case QUEUE -> Layout.align(Layout.QUEUE_DATA + maxMessageSize);
            case QUEUE_CONSUMER, TRAFFIC -> 0;
        };
    }

    /** Size of the region file in bytes. */
    public long bytes() {
        return switch (kind) {
            case SAMPLING -> Layout.BODY + 2L * stride();
            case QUEUE -> Layout.BODY + (long) depth * stride();
            case QUEUE_CONSUMER, TRAFFIC -> Layout.BODY;
        };
    }
}
