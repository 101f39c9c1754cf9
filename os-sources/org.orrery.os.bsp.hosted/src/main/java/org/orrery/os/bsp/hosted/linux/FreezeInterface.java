// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

/** The kernel interface a partition group is frozen with. */
public enum FreezeInterface {
    /** cgroup v1 freezer controller: freezer.state FROZEN/THAWED. */
    V1_FREEZER,
    /** cgroup v2 core: cgroup.freeze 1/0, confirmed by "frozen 1" in cgroup.events. */
    V2_CGROUP_FREEZE
}
