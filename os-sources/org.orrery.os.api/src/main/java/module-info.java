// SPDX-License-Identifier: EPL-2.0
/** The partition API: the only Orrery packages a partition application can see. */
module org.orrery.os.api {
    exports org.orrery.os.api;
}
